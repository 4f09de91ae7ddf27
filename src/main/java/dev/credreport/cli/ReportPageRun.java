package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.audit.Auditor;
import dev.credreport.aws.AccountAccess;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.AccountSink;
import dev.credreport.render.html.ReportPage;
import dev.credreport.report.ReportInput;
import dev.credreport.store.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The work of {@code report}, apart from the command so that picocli, which reflects over every
 * command's methods at start-up, never loads the page or its template engine for other commands.
 */
final class ReportPageRun {
    private final Environment environment;
    private final CommandSpec spec;
    private final ReportSourceOptions source;
    private final MultiAccountOptions multi;
    private final OutputOptions output;
    private final boolean quiet;

    ReportPageRun(Environment environment, CommandSpec spec, ReportSourceOptions source, MultiAccountOptions multi,
            OutputOptions output, boolean quiet) {
        this.environment = environment;
        this.spec = spec;
        this.source = source;
        this.multi = multi;
        this.output = output;
        this.quiet = quiet;
    }

    int run(Auditor auditor, RuleOptions rules, String cis, ReportStore history) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportPage page = new ReportPage(auditor, report -> rules.settingsFor(report, environment.clock(), cis),
                generated -> rules.settingsAt(generated, cis),
                history, warning -> err.println("credreport: " + warning),
                environment.clock());
        if (multi.active()) {
            AccountRun.Outcome outcome = AccountRuns.run(environment, err, source, multi, quiet, new AccountSink() {
                @Override
                public void account(String accountId, ReportInput report, AccountAccess access) {
                    page.account(report);
                }

                @Override
                public void failed(String accountId, CredreportException failure) {
                    page.failed(accountId, CredreportException.firstLine(failure.getMessage()));
                }

                @Override
                public void finish() {
                    // Rendered whole once every account is in; nothing is written when every account failed.
                    String html = render(page);
                    output.target().write(spec.commandLine().getOut(), out -> out.write(html));
                }
            });
            return outcome.report(err, quiet);
        }
        ReportInput report = ReportReading.read(source, environment, err, quiet);
        page.account(report);
        // Rendered whole before anything is written, so a failure leaves standard output empty.
        String html = render(page);
        output.target().write(spec.commandLine().getOut(), out -> out.write(html));
        if (!quiet && !output.toStdout()) {
            err.println("credreport: wrote " + output.output);
        }
        return ExitCode.SUCCESS.code();
    }

    private static String render(ReportPage page) {
        StringWriter html = new StringWriter();
        try {
            page.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }
}

package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.audit.Auditor;
import dev.credreport.multi.AccountResult;
import dev.credreport.render.html.ReportPage;
import dev.credreport.report.ReportInput;
import dev.credreport.store.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    int run(Auditor auditor, RuleOptions rules, String cis, ReportStore history) {
        PrintWriter err = spec.commandLine().getErr();
        ReportPage page = new ReportPage(auditor, report -> rules.settingsFor(report, environment.clock(), cis),
                generated -> rules.settingsAt(generated, cis),
                history, warning -> err.println("credreport: " + warning),
                environment.clock());
        if (multi.active()) {
            return new MultiAccountRun(environment, spec, source, multi, quiet).whole(output, new MultiAccountRun.WholeDocument() {
                @Override
                public void account(AccountResult result) {
                    if (result.succeeded()) {
                        page.account(result.report());
                    } else {
                        page.failed(result.accountId(), CredreportException.firstLine(result.failure().getMessage()));
                    }
                }

                @Override
                public void write(Writer out) throws IOException {
                    out.write(render(page));
                }
            });
        }
        String html;
        try (ReportInput report = source.read(environment, err, quiet)) {
            page.account(report);
            // Rendered whole before anything is written, so a failure leaves standard output empty.
            html = render(page);
        }
        output.write(spec.commandLine().getOut(), out -> out.write(html));
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

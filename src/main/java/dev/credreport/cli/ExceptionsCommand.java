package dev.credreport.cli;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Exceptions;
import dev.credreport.core.ExitCode;
import dev.credreport.core.Lines;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UntrustedText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credreport exceptions}: only holds its subcommands ({@code check}). */
@Command(name = "exceptions",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Work with an exceptions file (accepted risks with a reason and an expiry; README, 'Exceptions')."},
        footerHeading = "%nExamples:%n",
        footer = {"  credreport exceptions check exceptions.yaml --input report.csv"})
final class ExceptionsCommand {

    @Command(name = "check",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            sortOptions = false,
            optionListHeading = "%nOptions:%n",
            description = {
                "Check an exceptions file: refuse it as audit would (exit 2), then audit the report (as 'audit' reads "
                        + "or fetches it) and list each entry as active, expiring soon, expired, or stale (it matched "
                        + "no finding, so it can go)."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  credreport exceptions check exceptions.yaml --input report.csv",
                "",
                "Exit codes: 0 the file is valid (whatever its entries' states), 2 usage or an invalid file, 4 AWS "
                        + "refused, 5 report not ready, 6 AWS or network failure, 7 unreadable report, 1 bug."
            })
    static final class Check implements Callable<Integer> {
        /** How far an entry's further lines are indented under its start. */
        private static final int INDENT = 4;

        private final Environment environment;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The exceptions file: a YAML file or s3://BUCKET/KEY.")
        String file;

        @Mixin
        ReportSourceOptions source;

        @ArgGroup(validate = false, heading = "%nRules (as audit applies them):%n", order = 5)
        RuleOptions rules = new RuleOptions();

        @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
        CommonOptions common = new CommonOptions();

        Check(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            rules.exceptionsFile = file;
            Auditor auditor = ExceptionsReading.apply(rules.auditor(), rules, source.aws, environment);
            Exceptions exceptions = auditor.exceptions();
            AuditResult result;
            try (ReportInput report = ReportReading.read(source, environment, spec.commandLine().getErr(), common.quiet)) {
                result = auditor.audit(report, rules.settingsFor(report, environment.clock(), RuleOptions.cisVersion(null)));
            }
            List<ExceptionEntry> stale = exceptions.stale(result.exceptionsMatched());
            // Fitted to the terminal it is read on, each entry's lines under its start; pipes get whole lines.
            int columns = environment.stdoutIsTerminal() ? Math.max(0, environment.terminalWidth().getAsInt()) : 0;
            boolean cut = false;
            int[] counts = new int[4];
            int unreadable = 0;
            for (ExceptionEntry entry : exceptions.entries()) {
                ExceptionEntry.State state = entry.state(environment.clock(), rules.exceptionWarnDays);
                String shown = entry.dateUnreadable() ? "unreadable date, counts as expired"
                        : stale.contains(entry) && state != ExceptionEntry.State.EXPIRED ? "stale"
                        : switch (state) {
                            case ACTIVE -> "active";
                            case EXPIRING_SOON -> "expiring soon";
                            case EXPIRED -> "expired";
                        };
                counts[shown.equals("active") ? 0 : shown.equals("expiring soon") ? 1 : state == ExceptionEntry.State.EXPIRED ? 2 : 3]++;
                unreadable += entry.dateUnreadable() ? 1 : 0;
                Lines.Fitted fitted = Lines.fit("line " + entry.line() + ": " + shown + ": " + UntrustedText.escape(entry.rule())
                        + " for " + UntrustedText.escape(entry.user()) + ", expires " + UntrustedText.escape(entry.expiresText())
                        + ": " + UntrustedText.escape(entry.reason()), columns, INDENT);
                out.print(fitted.text());
                cut |= fitted.cut();
            }
            out.print(Lines.fit(UntrustedText.escape(file) + ": " + exceptions.entries().size() + " entries valid: " + counts[0]
                    + " active, " + counts[1] + " expiring soon, " + counts[2] + " expired"
                    + (unreadable == 0 ? "" : " (" + unreadable + " with an unreadable date)") + ", " + counts[3]
                    + " stale (against " + UntrustedText.escape(result.source()) + ")", columns, INDENT).text());
            if (cut) {
                out.print(Lines.fit("(values ending in \u2026 were cut to fit " + columns + " columns; pipe the output "
                        + "for them whole)", columns, INDENT).text());
            }
            return ExitCode.SUCCESS.code();
        }
    }
}

package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.Rule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.rules.Rules;
import dev.credreport.render.AuditFormat;
import dev.credreport.render.FindingsRenderer;
import dev.credreport.render.RuleListRenderer;
import dev.credreport.report.ReportInput;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = {
            "Fetch the credential report as 'fetch' does (or read --input) and report what is wrong with the account's "
                    + "IAM users, mapped to the CIS AWS Foundations Benchmark and Security Hub controls.",
            "",
            "Ages are counted to the report's generated time; for a saved report to --as-of (default: now). "
                    + "'credreport audit --list-rules' lists the rules."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport audit                         a table; exit 3 at high or worse",
            "  credreport audit --format sarif -o iam.sarif --fail-on none",
            "  credreport audit --input report.csv --ignore-users 'breakglass-*'",
            "",
            "Exit codes: 0 nothing at or above --fail-on, 3 findings at or above it, 2 usage, 4 AWS refused, 5 report "
                    + "not ready, 6 AWS or network failure, 7 unreadable report, 8 output not written, 9 some accounts failed, "
                    + "1 bug."
        })
final class AuditCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportSourceOptions source;

    @Option(names = "--list-rules", order = 4, description = "List every rule with its id, severity, default threshold and "
            + "the controls it maps to, in --format (table, json or csv), and exit.")
    boolean listRules;

    @Option(names = "--cis-version", paramLabel = "VERSION", order = 5,
            description = "Which CIS AWS Foundations Benchmark version's numbers the table, csv and --list-rules show: "
                    + "1.2.0, 1.4.0, 1.5.0, 2.0.0, 3.0.0, 4.0.1, 5.0.0, 6.0.0 or 7.0.0. Default: the newest. "
                    + "JSON and SARIF carry every version.")
    String cisVersion;

    @ArgGroup(validate = false, heading = "%nRules:%n", order = 5)
    AuditRuleOptions rules = new AuditRuleOptions();

    @ArgGroup(validate = false, heading = "%nMany accounts (an Organization):%n", order = 7)
    MultiAccountOptions multi = new MultiAccountOptions();

    @Option(names = {"--format", "--output"}, paramLabel = "FORMAT", order = 9, converter = FormatConverter.ForAudits.class,
            completionCandidates = FormatConverter.AuditNames.class,
            description = "table, json, csv ('text' is the same), sarif (SARIF 2.1.0) or asff (AWS Security Finding Format, "
                    + "a JSON array for Security Hub). Default: table when standard output is a terminal, csv otherwise.")
    AuditFormat format;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nSecurity Hub:%n", order = 11)
    SecurityHubOptions securityHub = new SecurityHubOptions();

    @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
    CommonOptions common = new CommonOptions();

    /** The shared rule options, and --fail-on, which only audit has. */
    static final class AuditRuleOptions extends RuleOptions {
        @Option(names = "--fail-on", converter = FailOn.Converter.class, completionCandidates = FailOn.Names.class, paramLabel = "SEVERITY", defaultValue = "high", order = 1,
                description = "Exit 3 when any finding is at this severity or worse: critical, high, medium, low, info, "
                        + "or none to never fail. Default: ${DEFAULT-VALUE}.")
        FailOn failOn = FailOn.HIGH;
    }

    AuditCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        String cis = cisVersion();
        AuditFormat chosen = format != null ? format : output.tableByDefault(environment) ? AuditFormat.TABLE : AuditFormat.CSV;
        if (listRules) {
            if (chosen == AuditFormat.SARIF) {
                throw CredreportException.usage("--list-rules prints table, json or csv, not sarif");
            }
            List<RuleInfo> all = Rules.all().stream().map(Rule::info).toList();
            output.write(out, writer -> RuleListRenderer.render(all, chosen, cis, writer));
            return ExitCode.SUCCESS.code();
        }
        // Everything the user typed is checked before any AWS call is made.
        Auditor auditor = rules.auditor();
        multi.check();
        output.check();
        if (chosen == AuditFormat.ASFF || securityHub.sending()) {
            securityHub.region(source.aws.toSettings(environment));
        }
        if (multi.active()) {
            FindingsRenderer renderer = chosen == AuditFormat.ASFF
                    ? securityHub.renderer(source.aws.toSettings(environment), environment.clock().instant()) : null;
            MultiAccountRun.AccountAuditSink sink = securityHub.sending() ? (account, access, audited) -> securityHub.send(
                    environment, source.aws, audited.result(), audited.findings(), access, spec.commandLine().getErr(),
                    common.quiet) : null;
            return new MultiAccountRun(environment, spec, source, multi, common.quiet).audit(chosen, renderer, output, report -> {
                AuditResult result = auditor.audit(report, rules.settingsFor(report, environment.clock(), cis));
                return new MultiAccountRun.AccountAudit(result, auditor.findings(report, result));
            }, rules.failOn.threshold(), sink);
        }

        try (ReportInput report = source.read(environment, spec.commandLine().getErr(), common.quiet)) {
            AuditResult result = auditor.audit(report, rules.settingsFor(report, environment.clock(), cis));
            FindingsRenderer renderer = chosen == AuditFormat.ASFF
                    ? securityHub.renderer(source.aws.toSettings(environment), environment.clock().instant()) : chosen.renderer();
            if (securityHub.sending()) {
                // Before any output, so that a failed import leaves nothing on standard output.
                securityHub.send(environment, source.aws, result, auditor.findings(report, result), spec.commandLine().getErr(),
                        common.quiet);
            }
            output.write(out, writer -> renderer.render(result, auditor.findings(report, result), writer));
            if (!common.quiet && result.rootWithoutCredentials() == null) {
                // AWS always lists the root user: a report without it is cut short or hand-edited, and a
                // clean audit of it would look like a clean account.
                spec.commandLine().getErr().println("credreport: note: no root user was audited (none in the report, or left "
                        + "out by --ignore-users), so the root rules judged nothing; AWS reports always list the root user");
            }
            if (chosen != AuditFormat.TABLE && !common.quiet && !output.toStdout()) {
                spec.commandLine().getErr().println("credreport: " + result.summary());
            }
            return result.anyAtLeast(rules.failOn.threshold()) ? ExitCode.FLAGGED.code() : ExitCode.SUCCESS.code();
        }
    }

    /** --cis-version as given (a leading 'v' and a missing '.0' forgiven), else the newest. */
    private String cisVersion() {
        return RuleOptions.cisVersion(cisVersion);
    }
}

package dev.credreport.cli;

import dev.credreport.CredreportException;
import dev.credreport.ExitCode;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.ControlTable;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.Rule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Rules;
import dev.credreport.audit.UserPattern;
import dev.credreport.render.AuditFormat;
import dev.credreport.render.FindingsRenderer;
import dev.credreport.render.RuleListRenderer;
import dev.credreport.report.ReportInput;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
            "  credreport audit                               findings as a table, exit 3 if any is high or worse",
            "  credreport audit --format sarif -o iam.sarif --fail-on none",
            "  credreport audit --input report.csv --as-of 2024-06-01 --ignore-users 'breakglass-*'",
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
    RuleOptions rules = new RuleOptions();

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

    /** Which rules run, on whom, with which thresholds. */
    static final class RuleOptions {
        @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high", order = 1,
                description = "Exit 3 when any finding is at this severity or worse: critical, high, medium, low, info, "
                        + "or none to never fail. Default: ${DEFAULT-VALUE}.")
        FailOn failOn = FailOn.HIGH;

        @Option(names = "--rules", paramLabel = "ID", split = ",", order = 2,
                description = "Apply only these rules (comma-separated or repeated).")
        List<String> only = new ArrayList<>();

        @Option(names = "--skip-rules", paramLabel = "ID", split = ",", order = 3,
                description = "Apply every rule but these (comma-separated or repeated).")
        List<String> skip = new ArrayList<>();

        @Option(names = "--ignore-users", paramLabel = "PATTERN", order = 4,
                description = "Leave out users whose name matches this glob ('*' any run, '?' one character), e.g. "
                        + "break-glass or service users; repeatable. Each one left out is named in the summary.")
        List<String> ignoreUsers = new ArrayList<>();

        @Option(names = "--root-use-days", paramLabel = "DAYS", defaultValue = "90", order = 5,
                description = "root-recently-used: root use within this many days. Default: ${DEFAULT-VALUE}.")
        int rootUseDays = AuditSettings.DEFAULT_ROOT_USE_DAYS;

        @Option(names = "--unused-days", paramLabel = "DAYS", defaultValue = "45", order = 6,
                description = "credentials-unused: unused for this many days or more (CIS 1.12: 45; Security Hub "
                        + "IAM.8: 90). Default: ${DEFAULT-VALUE}.")
        int unusedDays = AuditSettings.DEFAULT_UNUSED_DAYS;

        @Option(names = "--rotation-days", paramLabel = "DAYS", defaultValue = "90", order = 7,
                description = "access-key-not-rotated, signing-certificate-not-rotated: older than this many days. "
                        + "Default: ${DEFAULT-VALUE}.")
        int rotationDays = AuditSettings.DEFAULT_ROTATION_DAYS;

        @Option(names = "--as-of", paramLabel = "TIME", order = 8,
                description = "Count ages to this time (2024-06-01 or 2024-06-01T12:00:00Z) instead of the report's "
                        + "generated time, or now for a saved report.")
        String asOf;
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
        List<Rule> selected = selectedRules();
        List<UserPattern> ignore = ignorePatterns();
        if (rules.rootUseDays < 1 || rules.unusedDays < 1 || rules.rotationDays < 1) {
            throw CredreportException.usage("--root-use-days, --unused-days and --rotation-days take whole days, 1 or more");
        }
        Instant explicitAsOf = rules.asOf == null ? null : parseAsOf(rules.asOf);
        multi.check();
        output.check();
        if (chosen == AuditFormat.ASFF || securityHub.sending()) {
            securityHub.region(source.aws.toSettings(environment));
        }
        if (multi.active()) {
            Auditor auditor = new Auditor(selected, ignore);
            FindingsRenderer renderer = chosen == AuditFormat.ASFF
                    ? securityHub.renderer(source.aws.toSettings(environment), environment.clock().instant()) : null;
            MultiAccountRun.AccountAuditSink sink = securityHub.sending() ? (account, access, audited) -> securityHub.send(
                    environment, source.aws, audited.result(), audited.findings(), access.credentialsFor(account), access.http(),
                    spec.commandLine().getErr(), common.quiet) : null;
            return new MultiAccountRun(environment, spec, source, multi, common.quiet).audit(chosen, renderer, output, report -> {
                AuditResult result = auditor.audit(report, settingsFor(report, explicitAsOf, cis));
                return new MultiAccountRun.AccountAudit(result, auditor.findings(report, result));
            }, rules.failOn.threshold(), sink);
        }

        ReportInput report = source.read(environment, spec.commandLine().getErr(), common.quiet);
        AuditSettings settings = settingsFor(report, explicitAsOf, cis);
        Auditor auditor = new Auditor(selected, ignore);
        AuditResult result = auditor.audit(report, settings);
        FindingsRenderer renderer = chosen == AuditFormat.ASFF
                ? securityHub.renderer(source.aws.toSettings(environment), environment.clock().instant()) : chosen.renderer();
        if (securityHub.sending()) {
            // Before any output, so that a failed import leaves nothing on standard output.
            securityHub.send(environment, source.aws, result, auditor.findings(report, result), spec.commandLine().getErr(),
                    common.quiet);
        }
        output.write(out, writer -> renderer.render(result, auditor.findings(report, result), writer));
        if (chosen != AuditFormat.TABLE && !common.quiet && !output.toStdout()) {
            spec.commandLine().getErr().println("credreport: " + result.summary());
        }
        return result.anyAtLeast(rules.failOn.threshold()) ? ExitCode.FLAGGED.code() : ExitCode.SUCCESS.code();
    }

    private List<Rule> selectedRules() {
        try {
            List<Rule> selected = Rules.select(rules.only, rules.skip);
            if (selected.isEmpty()) {
                throw CredreportException.usage("--rules and --skip-rules leave no rule to apply");
            }
            return selected;
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage(e.getMessage());
        }
    }

    private List<UserPattern> ignorePatterns() {
        List<UserPattern> patterns = new ArrayList<>();
        for (String glob : rules.ignoreUsers) {
            try {
                patterns.add(new UserPattern(glob));
            } catch (IllegalArgumentException e) {
                throw CredreportException.usage("--ignore-users: " + e.getMessage());
            }
        }
        return patterns;
    }

    /** Ages count to --as-of, else the report's generated time, else now. */
    private AuditSettings settingsFor(ReportInput report, Instant explicitAsOf, String cis) {
        Instant asOf = explicitAsOf != null ? explicitAsOf : report.generatedTime().orElseGet(() -> environment.clock().instant());
        return new AuditSettings(asOf, rules.rootUseDays, rules.unusedDays, rules.rotationDays, cis);
    }

    /** --cis-version as given (a leading 'v' and a missing '.0' forgiven), else the newest. */
    private String cisVersion() {
        if (cisVersion == null) {
            return ControlTable.LATEST_CIS;
        }
        String version = cisVersion.strip();
        version = version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
        if (version.matches("[0-9]+\\.[0-9]+")) {
            version = version + (version.equals("4.0") ? ".1" : ".0");
        }
        try {
            return ControlTable.checkCisVersion(version);
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage("--cis-version: " + e.getMessage().replace("'" + version + "'", "'" + cisVersion + "'"));
        }
    }

    private static Instant parseAsOf(String text) {
        try {
            return text.contains("T") ? OffsetDateTime.parse(text).toInstant() : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw CredreportException.usage("--as-of: '" + text + "' is not a date (2024-06-01) or a time with an offset "
                    + "(2024-06-01T12:00:00Z)");
        }
    }
}

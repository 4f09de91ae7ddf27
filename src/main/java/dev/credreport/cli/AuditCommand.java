package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.Rule;
import dev.credreport.audit.rules.Rules;
import dev.credreport.audit.AccountAudit;
import dev.credreport.audit.Severity;
import dev.credreport.audit.RootFacts;
import dev.credreport.aws.AccountSummary;
import dev.credreport.aws.Regions;
import dev.credreport.aws.SecurityHubDelivery;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.AccountSink;
import dev.credreport.render.AccountsFormat;
import dev.credreport.render.Format;
import dev.credreport.render.Formats;
import dev.credreport.render.ManyAccounts;
import dev.credreport.render.RenderContext;
import dev.credreport.render.RuleList;
import java.io.IOException;
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
            "Ages are counted to --as-of if given, else to the report's generated time (from AWS, or a saved "
                    + "report's metadata or name), else to now. "
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

    @Option(names = "--cis-version", paramLabel = "VERSION", order = 5, completionCandidates = Candidates.CisVersions.class,
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
    AccountsFormat<AccountAudit> format;

    @Mixin
    WidthOption width = new WidthOption();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nOwners:%n", order = 10)
    AuditOwnerOptions owners = new AuditOwnerOptions();

    /** --owner-tag, and --group-by, which only audit has. */
    static final class AuditOwnerOptions extends OwnerOptions {
        @Option(names = "--group-by", paramLabel = "owner", order = 21,
                description = "owner: group the findings by their owner (--owner-tag, which it needs): in the table a "
                        + "heading per owner, 'no owner' last, each owner's findings worst first; in csv and JSON the "
                        + "rows ordered the same way (each has its owner column or field); refused with sarif and asff. The findings are then held "
                        + "in memory, a few hundred bytes each.")
        String groupBy;

        boolean byOwner() {
            return groupBy != null;
        }

        /** Refuses --group-by with a format that has no groups (sarif, asff): it would be ignored silently. */
        void checkGroups(String format) {
            if (byOwner() && List.of("sarif", "asff").contains(format)) {
                throw CredreportException.usage("--group-by owner groups the table, csv and json; " + format
                        + " has no groups (each finding carries its owner): leave out --group-by, or choose another --format");
            }
        }

        @Override
        void check(ReportSourceOptions source) {
            if (groupBy != null && !groupBy.equals("owner")) {
                throw CredreportException.usage("--group-by takes owner, not '" + groupBy + "'");
            }
            if (groupBy != null && !active()) {
                throw CredreportException.usage("--group-by owner needs --owner-tag NAME: the IAM tag that names each "
                        + "user's owner");
            }
            super.check(source);
        }
    }

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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        width.check();
        String cis = cisVersion();
        if (listRules) {
            Format<RuleList> list = Formats.ruleLists().find(chosen().name()).orElseThrow(() -> CredreportException.usage(
                    "--list-rules prints " + Formats.ruleLists().choices() + ", not " + chosen().name()));
            RuleList all = new RuleList(Rules.all().stream().map(Rule::info).toList(), cis);
            output.target().write(out, writer -> list.write(all, writer, new RenderContext(environment.clock(),
                    list.forPeople() ? terminalWidth() : 0)));
            return ExitCode.SUCCESS.code();
        }
        // Everything the user typed is checked before any AWS call is made (an s3:// exceptions file is one).
        AccountsFormat<AccountAudit> chosen = chosen();
        owners.checkGroups(chosen.name());
        Auditor auditor = ExceptionsReading.apply(rules.auditor(), rules, source.aws, environment);
        multi.check();
        owners.check(source);
        output.check();
        String region = chosen.needsSecurityHubRegion() || securityHub.sending()
                ? securityHub.region(source.aws.toSettings(environment)) : null;
        RenderContext plain = new RenderContext(environment.clock(), chosen.forPeople() ? terminalWidth() : 0, region);
        RenderContext context = owners.active() ? plain.withOwners(owners.ownerTag, owners.byOwner()) : plain;
        SecurityHubSending sending = securityHub.sending() ? new SecurityHubSending(source.aws.toSettings(environment), region,
                environment.clock().instant(), err, common.quiet) : null;
        if (sending != null && !multi.active()) {
            // Before the report is fetched: Security Hub not enabled in the region, or not allowed, stops the run
            // here. Over many accounts each member's hub is its own, and told as that account's failure.
            SecurityHubDelivery.checkAsCaller(source.aws.toSettings(environment), region);
        }
        if (region != null && !common.quiet && (sending == null || multi.active())) {
            // ASFF names the region; a Security Hub send checks it by calling it, --format asff alone cannot.
            Regions.unknown(region).ifPresent(unknown -> err.println("credreport: warning: --security-hub-region " + unknown));
        }
        Severity failOn = rules.failOn.threshold();
        if (multi.active()) {
            boolean[] flagged = {false};
            AccountRun.Outcome[] outcome = {null};
            java.util.List<AuditResult> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            output.target().write(out, writer -> {
                ManyAccounts<AccountAudit> document = new ManyAccounts<>(chosen, writer, context);
                outcome[0] = AccountRuns.run(environment, err, source, multi, common.quiet,
                        AccountSink.into(document, (account, report, access) -> {
                            AccountAudit audit = OwnerReading.owned(audit(auditor, report, cis,
                                    AccountSummary.inAccount(access, account.id())), owners, source, environment, report, access,
                                    account.id());
                            if (sending != null) {
                                // An import that fails fails its account, which is then listed as failed.
                                sending.send(audit, access, account.id());
                            }
                            flagged[0] |= audit.result().anyAtLeast(failOn);
                            results.add(audit.result());
                            return audit;
                        }));
            });
            ExceptionsReading.tell(ExceptionsReading.notes(auditor.exceptions(), results, rules, environment), err,
                    common.quiet);
            int code = outcome[0].report(err, common.quiet);
            return code == ExitCode.SUCCESS.code() && flagged[0] ? ExitCode.FLAGGED.code() : code;
        }

        try (ReportInput report = ReportReading.read(source, environment, err, common.quiet)) {
            // Root is judged from iam:GetAccountSummary when the report came from AWS; a file's account may be any.
            RootFacts root = report.origin() == ReportInput.Origin.AWS
                    ? AccountSummary.read(source.aws.toSettings(environment))
                    : RootFacts.unavailable("the report was read from " + (report.origin() == ReportInput.Origin.FILE
                            ? "a file" : "standard input") + ", not fetched from the account");
            AccountAudit audit = OwnerReading.owned(audit(auditor, report, cis, root), owners, source, environment, report,
                    null, null);
            if (sending != null) {
                // Before any output, so that a failed import leaves nothing on standard output.
                sending.send(audit, null, null);
            }
            output.target().write(out, writer -> chosen.write(audit, writer, context));
            AuditResult result = audit.result();
            ExceptionsReading.tell(ExceptionsReading.notes(auditor.exceptions(), java.util.List.of(result), rules,
                    environment), err, common.quiet);
            if (!common.quiet && !root.known() && result.rootWithoutCredentials() != null) {
                err.println("credreport: note: root judged from the report alone: could not check "
                        + String.join(", ", root.unchecked()) + " with " + RootFacts.SOURCE + ": " + root.unavailable());
            }
            if (!common.quiet && result.rootWithoutCredentials() == null) {
                // AWS always lists the root user: a report without it is cut short or hand-edited, and a
                // clean audit of it would look like a clean account.
                err.println("credreport: note: no root user was audited (none in the report, or left "
                        + "out by --ignore-users), so the root rules judged nothing; AWS reports always list the root user");
            }
            if (!chosen.forPeople() && !common.quiet && !output.toStdout()) {
                err.println("credreport: " + result.summary());
            }
            return result.anyAtLeast(failOn) ? ExitCode.FLAGGED.code() : ExitCode.SUCCESS.code();
        }
    }

    /** The columns text for people is fitted to: --width, else the terminal's; none for files and pipes. */
    private int terminalWidth() {
        return width.columns(environment, output);
    }

    private AccountsFormat<AccountAudit> chosen() {
        return format != null ? format : Formats.audits().byDefault(output.tableByDefault(environment));
    }

    private AccountAudit audit(Auditor auditor, ReportInput report, String cis, RootFacts root) {
        AuditResult result = auditor.audit(report, rules.settingsFor(report, environment.clock(), cis).withRoot(root));
        return new AccountAudit(result, auditor.findings(report, result));
    }

    /** --cis-version as given (a leading 'v' and a missing '.0' forgiven), else the newest. */
    private String cisVersion() {
        return RuleOptions.cisVersion(cisVersion);
    }
}

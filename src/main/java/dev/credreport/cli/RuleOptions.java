package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.HumanTime;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.ControlTable;
import dev.credreport.audit.Exceptions;
import dev.credreport.audit.Rule;
import dev.credreport.audit.rules.Rules;
import dev.credreport.audit.UserPattern;
import dev.credreport.report.ReportInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which audit rules run, on whom, with which thresholds: shared by {@code audit} and {@code report}
 * so that a page's recommendations are exactly what audit says for the same options.
 */
class RuleOptions {
    @Option(names = "--rules", paramLabel = "ID", split = ",", order = 2, completionCandidates = Candidates.RuleIds.class,
            description = "Apply only these rules (comma-separated or repeated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip-rules", paramLabel = "ID", split = ",", order = 3, completionCandidates = Candidates.RuleIds.class,
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
            description = "credentials-unused: unused for this many days or more (the CIS benchmark: 45; Security Hub "
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

    @Option(names = "--exceptions", paramLabel = "FILE", order = 9,
            description = "Accepted risks, each with a reason and an expiry: a YAML file or s3://BUCKET/KEY (README, "
                    + "'Exceptions'). Findings it covers stay listed, marked excepted, and count for no --fail-on. "
                    + "Default: the CREDREPORT_EXCEPTIONS variable, else none.")
    String exceptionsFile;

    @Option(names = "--max-exception-days", paramLabel = "DAYS", defaultValue = "365", order = 10,
            description = "Refuse an exception that expires more than this many days from today. Default: ${DEFAULT-VALUE}.")
    int maxExceptionDays = Exceptions.DEFAULT_MAX_DAYS;

    @Option(names = "--exception-warn-days", paramLabel = "DAYS", defaultValue = "14", order = 11,
            description = "List exceptions that expire within this many days as expiring soon. Default: ${DEFAULT-VALUE}.")
    int exceptionWarnDays = Exceptions.DEFAULT_SOON_DAYS;

    /** --exceptions, else CREDREPORT_EXCEPTIONS, else null; checks the day counts. */
    String exceptionsFile(Environment environment) {
        if (maxExceptionDays < 1 || exceptionWarnDays < 0) {
            throw CredreportException.usage("--max-exception-days takes 1 or more days, --exception-warn-days 0 or more");
        }
        if (exceptionsFile != null) {
            return exceptionsFile;
        }
        String variable = environment.variable(EXCEPTIONS_VARIABLE);
        return variable == null || variable.isBlank() ? null : variable;
    }

    static final String EXCEPTIONS_VARIABLE = "CREDREPORT_EXCEPTIONS";

    /** Checks everything the user typed, before any AWS call, and gives the auditor it asks for. */
    Auditor auditor() {
        List<Rule> selected = selectedRules();
        List<UserPattern> ignore = ignorePatterns();
        if (rootUseDays < 1 || unusedDays < 1 || rotationDays < 1) {
            throw CredreportException.usage("--root-use-days, --unused-days and --rotation-days take whole days, 1 or more");
        }
        explicitAsOf();
        return new Auditor(selected, ignore);
    }

    /** Ages count to --as-of, else the report's generated time, else now; {@code cis} as {@link #cisVersion} gave it. */
    AuditSettings settingsFor(ReportInput report, Clock clock, String cis) {
        Instant explicit = explicitAsOf();
        if (explicit != null && report.generatedTime().isPresent() && explicit.isBefore(report.generatedTime().get())) {
            throw CredreportException.usage("--as-of " + asOf + " is before the report was generated ("
                    + report.generatedTime().get() + "): ages would be negative; give a later time, or leave --as-of out");
        }
        Instant latest = report.validate().latest();
        if (explicit != null && latest != null && explicit.isBefore(latest)) {
            throw CredreportException.usage("--as-of " + asOf + " is before times the report holds (the latest is "
                    + latest + "): ages would be negative; give a later time, or leave --as-of out");
        }
        Instant instant = explicit != null ? explicit : HumanTime.agesCountTo(report.generatedTime(), clock::instant);
        return new AuditSettings(instant, rootUseDays, unusedDays, rotationDays, cis);
    }

    /** Settings for a report whose generated time is known (a saved one in a history): --as-of does not apply. */
    AuditSettings settingsAt(Instant generated, String cis) {
        return new AuditSettings(generated, rootUseDays, unusedDays, rotationDays, cis);
    }

    /** --cis-version as given (a leading 'v' and a missing '.0' forgiven), else the newest. */
    static String cisVersion(String given) {
        if (given == null) {
            return ControlTable.LATEST_CIS;
        }
        String version = given.strip();
        version = version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
        if (version.matches("[0-9]+\\.[0-9]+")) {
            version = version + (version.equals("4.0") ? ".1" : ".0");
        }
        try {
            return ControlTable.checkCisVersion(version);
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage("--cis-version: " + e.getMessage().replace("'" + version + "'", "'" + given + "'"));
        }
    }

    private List<Rule> selectedRules() {
        try {
            List<Rule> selected = Rules.select(only, skip);
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
        for (String glob : ignoreUsers) {
            try {
                patterns.add(new UserPattern(glob));
            } catch (IllegalArgumentException e) {
                throw CredreportException.usage("--ignore-users: " + e.getMessage());
            }
        }
        return patterns;
    }

    private Instant explicitAsOf() {
        if (asOf == null) {
            return null;
        }
        try {
            return asOf.contains("T") ? OffsetDateTime.parse(asOf).toInstant() : LocalDate.parse(asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw CredreportException.usage("--as-of: '" + asOf + "' is not a date (2024-06-01) or a time with an offset "
                    + "(2024-06-01T12:00:00Z)");
        }
    }
}

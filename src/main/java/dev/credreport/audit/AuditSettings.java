package dev.credreport.audit;

import dev.credreport.core.HumanTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The thresholds of the rules, the instant ages are counted to, and the CIS AWS Foundations
 * Benchmark version whose numbers tables show (JSON and SARIF carry every version).
 *
 * @param asOf the report's generated time, or --as-of
 * @param cisVersion one of {@link ControlTable#CIS_VERSIONS}
 */
public record AuditSettings(Instant asOf, int rootUseDays, int unusedDays, int rotationDays, String cisVersion,
        RootFacts root) {
    public static final int DEFAULT_ROOT_USE_DAYS = 90;
    public static final int DEFAULT_UNUSED_DAYS = 45;
    public static final int DEFAULT_ROTATION_DAYS = 90;

    public AuditSettings {
        Objects.requireNonNull(asOf, "asOf");
        if (rootUseDays < 1 || unusedDays < 1 || rotationDays < 1) {
            throw new IllegalArgumentException("thresholds are whole days, 1 or more");
        }
        ControlTable.checkCisVersion(Objects.requireNonNull(cisVersion, "cisVersion"));
    }

    /** Settings without root facts from iam:GetAccountSummary (not asked). */
    public AuditSettings(Instant asOf, int rootUseDays, int unusedDays, int rotationDays, String cisVersion) {
        this(asOf, rootUseDays, unusedDays, rotationDays, cisVersion, null);
    }

    /** These settings with the account's root facts (see {@link RootFacts}). */
    public AuditSettings withRoot(RootFacts facts) {
        return new AuditSettings(asOf, rootUseDays, unusedDays, rotationDays, cisVersion, facts);
    }

    /** What a root finding adds about the account summary, or "" when it was not asked or not read. */
    public String rootEvidence() {
        return root == null || !root.known() ? "" : "; " + root.evidence();
    }

    /** Settings that show the newest CIS version's numbers. */
    public AuditSettings(Instant asOf, int rootUseDays, int unusedDays, int rotationDays) {
        this(asOf, rootUseDays, unusedDays, rotationDays, ControlTable.LATEST_CIS);
    }

    /** How long before the as-of instant a time lies; negative for a later time. */
    public Duration ageOf(Instant time) {
        return Duration.between(time, asOf);
    }

    /** Whether the age is at least this many whole days. */
    public static boolean atLeastDays(Duration age, int days) {
        return age.compareTo(Duration.ofDays(days)) >= 0;
    }

    /** Whether the age is more than this many days. */
    public static boolean moreThanDays(Duration age, int days) {
        return age.compareTo(Duration.ofDays(days)) > 0;
    }

    /** {@code 2024-05-20 (12d ago)}, counted to the as-of instant. */
    public String dated(Instant time) {
        return HumanTime.dated(time, asOf);
    }
}

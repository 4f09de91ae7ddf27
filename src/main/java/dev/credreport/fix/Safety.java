package dev.credreport.fix;

import dev.credreport.core.HumanTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The safety rules, enforced when planning and again when applying. Each is a pure function that
 * answers why an action must not be taken, or empty when it may. Time is the real clock's, never --as-of.
 */
public final class Safety {
    /** Default --min-idle. */
    public static final Duration MIN_IDLE = Duration.ofDays(7);
    /** Default --quarantine. */
    public static final Duration QUARANTINE = Duration.ofDays(30);
    /** Default --max-actions. */
    public static final int MAX_ACTIONS = 50;
    /** Default --max-plan-age. */
    public static final Duration MAX_PLAN_AGE = Duration.ofHours(24);

    private Safety() {
    }

    /** Never a credential used within minIdle of now (the real clock). */
    public static Optional<String> idleLongEnough(Instant lastUsed, Duration minIdle, Clock clock) {
        if (lastUsed == null) {
            return Optional.empty();
        }
        Duration idle = Duration.between(lastUsed, clock.instant());
        if (idle.compareTo(minIdle) < 0) {
            return Optional.of("used " + HumanTime.span(idle.isNegative() ? Duration.ZERO : idle) + " ago, within --min-idle "
                    + minIdle.toDays() + "d");
        }
        return Optional.empty();
    }

    /**
     * Never a credential created or set (a key created, a certificate uploaded, a password set) within minIdle of now,
     * on the real clock whatever --as-of says: it has had no time to be used.
     */
    public static Optional<String> oldEnough(Instant created, Duration minIdle, Clock clock) {
        if (created == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(created, clock.instant());
        if (age.compareTo(minIdle) < 0) {
            return Optional.of("created or set " + HumanTime.span(age.isNegative() ? Duration.ZERO : age)
                    + " ago, within --min-idle " + minIdle.toDays() + "d");
        }
        return Optional.empty();
    }

    /** The later of two times, either of which may be null. */
    public static Instant later(Instant one, Instant other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    /** Never a user or key covered by an exception. */
    public static Optional<String> notExcepted(Exemptions exemptions, String account, String user, String credential) {
        if (exemptions.covers(account, user, null) || (credential != null && exemptions.covers(account, user, credential))) {
            return Optional.of("covered by an exception");
        }
        return Optional.empty();
    }

    /**
     * Never a key (or signing certificate) other than the one the finding names: the one in the report's slot,
     * matched by its id and its creation (upload) time.
     */
    public static Optional<String> sameKey(Action action, KeyFacts key) {
        String noun = action.kind().onCertificate() ? "the certificate " : "the key ";
        if (key == null) {
            return Optional.of(noun + action.credentialId() + " no longer exists");
        }
        if (!key.accessKeyId().equals(action.credentialId())) {
            return Optional.of(noun + "is " + key.accessKeyId() + ", not the finding's " + action.credentialId());
        }
        if (action.created() != null && key.created() != null
                && !key.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .equals(action.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            return Optional.of(noun + key.accessKeyId() + " was " + (action.kind().onCertificate() ? "uploaded " : "created ")
                    + key.created() + ", not " + action.created());
        }
        return Optional.empty();
    }

    /** Never more than maxActions in one apply: the action with this 1-based position may go. */
    public static Optional<String> withinMaxActions(int position, int maxActions) {
        return position > maxActions ? Optional.of("past --max-actions " + maxActions) : Optional.empty();
    }

    /** Delete only keys that are inactive now and were deactivated by credreport at least the quarantine ago. */
    public static Optional<String> quarantined(KeyFacts key, Instant deactivatedAt, Duration quarantine, Clock clock) {
        if (key.active()) {
            return Optional.of("the key is active");
        }
        if (deactivatedAt == null) {
            return Optional.of("no record that credreport deactivated it (tag on the user)");
        }
        Duration since = Duration.between(deactivatedAt, clock.instant());
        if (since.compareTo(quarantine) < 0) {
            return Optional.of("deactivated " + HumanTime.span(since.isNegative() ? Duration.ZERO : since)
                    + " ago, less than --quarantine " + quarantine.toDays() + "d");
        }
        return Optional.empty();
    }

    /** Root is never touched. */
    public static Optional<String> notRoot(String user) {
        return user.equals("<root_account>") ? Optional.of("the root user is never touched") : Optional.empty();
    }

    /** Not used since the plan saw it (GetAccessKeyLastUsed now against the plan's last use). */
    public static Optional<String> notUsedSince(Instant planned, Instant now) {
        if (now != null && (planned == null || now.isAfter(planned))) {
            return Optional.of("used since the plan (last used " + now + ")");
        }
        return Optional.empty();
    }

    /** The plan is no older than maxPlanAge on the real clock. */
    public static Optional<String> planFresh(Instant created, Duration maxPlanAge, Clock clock) {
        Duration age = Duration.between(created, clock.instant());
        if (age.compareTo(maxPlanAge) > 0) {
            return Optional.of("the plan is " + HumanTime.span(age) + " old, older than --max-plan-age " + HumanTime.span(maxPlanAge)
                    + "; make a new plan");
        }
        return Optional.empty();
    }
}

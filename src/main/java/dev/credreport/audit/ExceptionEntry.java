package dev.credreport.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One accepted risk of an exceptions file (see {@link Exceptions}): which findings it covers and
 * until when. An entry covers a finding when its rule, user, and (if given) account and credential
 * all match; it lasts through the day of {@code expires} (UTC) and counts as expired after it.
 *
 * @param source the file the entry came from, as the user named it
 * @param line the line the entry starts on, for messages
 * @param rule a credreport rule id, or a control id ({@code IAM.3}, {@code Security Hub IAM.3}, {@code CIS 7.0.0 2.12})
 * @param user a user name, an ARN, or a glob of either ({@code *}, {@code ?})
 * @param account the 12-digit account it is limited to, or null for every account
 * @param credential one of {@link #CREDENTIALS}, or null for any credential of the user
 * @param reason why the risk is accepted
 * @param expires the last day the entry holds, or null when the date could not be read (then it is expired)
 * @param expiresText the expiry as the file wrote it
 * @param owner who accepted it, or null
 * @param ticket where the decision is tracked, or null
 */
public record ExceptionEntry(String source, int line, String rule, String user, String account, String credential,
        String reason, LocalDate expires, String expiresText, String owner, String ticket) {

    /** The credentials an entry may be limited to, as the credential report names their columns. */
    public static final List<String> CREDENTIALS = Credential.names();

    /** How an entry stands on a given day. */
    public enum State {
        /** In force and not about to lapse. */
        ACTIVE,
        /** In force, but lapses within the warning window. */
        EXPIRING_SOON,
        /** Lapsed (or its date could not be read): its findings count again. */
        EXPIRED
    }

    public ExceptionEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expiresText, "expiresText");
        if (credential != null && !CREDENTIALS.contains(credential)) {
            throw new IllegalArgumentException("unknown credential: " + credential);
        }
    }

    /** Its state on the clock's day (UTC), warning {@code soonDays} days before it lapses. */
    public State state(Clock clock, int soonDays) {
        if (expires == null) {
            return State.EXPIRED;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.isAfter(expires)) {
            return State.EXPIRED;
        }
        return ChronoUnit.DAYS.between(today, expires) <= soonDays ? State.EXPIRING_SOON : State.ACTIVE;
    }

    /**
     * Whether its expiry could not be read as a date (next tuesday, 2027-02-30, 20270131): it then
     * counts as expired, and every command that reads the file says so with its line and value.
     */
    public boolean dateUnreadable() {
        return expires == null;
    }

    /** Whether it covers this finding; {@code credential} is the finding's, or null when it is about none. */
    public boolean covers(String findingAccount, String userName, String userArn, RuleInfo findingRule,
            String findingCredential) {
        if (account != null && !account.equals(findingAccount)) {
            return false;
        }
        if (credential != null && !credential.equals(findingCredential)) {
            return false;
        }
        if (!namesRule(findingRule)) {
            return false;
        }
        UserPattern pattern = new UserPattern(user);
        return user.startsWith("arn:") ? userArn != null && pattern.matches(userArn) : pattern.matches(userName);
    }

    /** Whether the entry's rule names this rule, by its id or by one of its controls. */
    public boolean namesRule(RuleInfo info) {
        return names(rule, info);
    }

    static boolean names(String text, RuleInfo info) {
        if (text.equals(info.id())) {
            return true;
        }
        for (Control control : info.controls()) {
            Set<String> spellings = switch (control.standard()) {
                case Control.CIS -> Set.of("CIS " + control.version() + " " + control.id());
                case Control.SECURITY_HUB -> Set.of(control.id(), "Security Hub " + control.id());
                default -> Set.of("Config " + control.id());
            };
            if (spellings.contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** For notes: {@code exceptions.yaml line 4 (access-key-not-rotated for ci-deploy, expires 2027-01-31)}. */
    public String label() {
        return source + " line " + line + " (" + rule + " for " + user + (account == null ? "" : " in " + account)
                + (credential == null ? "" : " " + credential) + ", expires " + expiresText + ")";
    }
}

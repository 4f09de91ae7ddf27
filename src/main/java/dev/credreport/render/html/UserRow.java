package dev.credreport.render.html;

import java.util.List;

/**
 * One line of the every-user table, already in words for people. The {@code *Sort} values order
 * the columns when scripts run (seconds since the epoch, -1 for never or none).
 *
 * @param worst the label of the worst severity among the row's findings, or "none"
 * @param severities the labels of every severity among its findings, space-separated (for the filter)
 * @param kinds the kinds of credential the user has, space-separated: password, key, certificate, mfa, root
 * @param why the row's open findings in words, worst first, each linking to its recommendation
 * @param owner the user's owner from --owner-tag, or null without owner tags
 * @param accepted the row's accepted risks (--exceptions) in words, each linking to the list of accepted risks;
 *     they colour the row neither red nor green
 */
public record UserRow(String user, String arn, boolean root, When created, String password, When passwordLastUsed,
        String mfa, boolean mfaMissing, Key key1, Key key2, String certificates, int findings, String worst,
        String severities, String kinds, List<Why> why, String owner, List<Why> accepted) {

    /** One access key slot: "active"/"inactive"/"none", its age and its last use; {@code tone} its colour class. */
    public record Key(String state, boolean active, String age, long ageSort, When lastUsed, String tone) {
        /** A warning sign before a key a finding touches, so colour is not the only signal. */
        public boolean flagged() {
            return tone.startsWith("sev-");
        }
    }

    /** A time cell: the date (or "never", "n/a"), how long ago, and the sort key. */
    public record When(String text, String ago, long sort) {
    }

    /** One finding on the row: its severity, the reason in words and the anchor of its recommendation. */
    public record Why(String severity, String text, String anchor) {
    }

    /** Sorts the Findings column by the worst severity, then by how many findings. */
    public long severitySort() {
        if (findings == 0) {
            return 0;
        }
        int rank = dev.credreport.audit.Severity.valueOf(worst.toUpperCase(java.util.Locale.ROOT)).ordinal();
        return (long) (10 - rank) * 100_000 + findings;
    }

    public boolean flagged() {
        return findings > 0;
    }

    public boolean hasOwner() {
        return owner != null;
    }

    /** Whether the row's only findings are accepted risks: then it is neither red nor green. */
    public boolean onlyAccepted() {
        return findings == 0 && !accepted.isEmpty();
    }

    /** Whether no finding at all touches the row, open or accepted: only then is it green. */
    public boolean clean() {
        return findings == 0 && accepted.isEmpty();
    }

    /** The row's colour class: green only when no finding touches it, neutral when only accepted risks do. */
    public String tone() {
        return findings > 0 ? "sev-" + worst : accepted.isEmpty() ? "ok" : "accepted";
    }
}

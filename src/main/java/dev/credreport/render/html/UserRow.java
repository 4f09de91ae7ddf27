package dev.credreport.render.html;

/**
 * One line of the every-user table, already in words for people. The {@code *Sort} values order
 * the columns when scripts run (seconds since the epoch, -1 for never or none).
 */
public record UserRow(String user, String arn, boolean root, When created, String password, When passwordLastUsed,
        String mfa, boolean mfaMissing, Key key1, Key key2, String certificates, int findings) {

    /** One access key slot: "active"/"inactive"/"none", its age and its last use. */
    public record Key(String state, boolean active, String age, long ageSort, When lastUsed) {
    }

    /** A time cell: the date (or "never", "n/a"), how long ago, and the sort key. */
    public record When(String text, String ago, long sort) {
    }
}

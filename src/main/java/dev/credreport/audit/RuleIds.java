package dev.credreport.audit;

/**
 * The ids of the rules whose findings other parts count (the page's figures at a glance and its
 * trends), so that they count audit's findings instead of judging the users again.
 */
public final class RuleIds {
    public static final String ACCESS_KEY_NOT_ROTATED = "access-key-not-rotated";
    public static final String CREDENTIALS_UNUSED = "credentials-unused";

    private RuleIds() {
    }
}

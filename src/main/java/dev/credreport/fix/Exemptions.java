package dev.credreport.fix;

/** What the exceptions file (--exceptions) covers, as the safety rules ask it. */
@FunctionalInterface
public interface Exemptions {
    Exemptions NONE = (account, user, accessKeyId) -> false;

    /**
     * Whether a user, or one of its keys, is excepted.
     *
     * @param accessKeyId the key, or null for the user as a whole (its password)
     */
    boolean covers(String account, String user, String accessKeyId);
}

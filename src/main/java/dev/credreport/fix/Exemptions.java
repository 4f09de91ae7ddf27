package dev.credreport.fix;

/** What the exceptions file (--exceptions) covers, as the safety rules ask it. */
@FunctionalInterface
public interface Exemptions {
    Exemptions NONE = (account, user, accessKeyId) -> false;

    /**
     * Whether a user, or one of its credentials, is excepted.
     *
     * @param credential the credential as the exceptions file names it (access_key_1, access_key_2, cert_1, cert_2, password),
     *     or null for the user as a whole
     */
    boolean covers(String account, String user, String credential);

    /** The exceptions file's name for an action's credential. */
    static String credentialOf(Action action) {
        if (action.credentialId() == null) {
            return "password";
        }
        return action.slot() == 0 ? null : (action.kind().onCertificate() ? "cert_" : "access_key_") + action.slot();
    }
}

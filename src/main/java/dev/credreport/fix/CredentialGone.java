package dev.credreport.fix;

/**
 * IAM says the user or credential an action names no longer exists (NoSuchEntity): gone since the plan (or the
 * report). The apply skips that action with this reason and goes on; planning leaves it to people.
 */
public final class CredentialGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialGone(String message, Throwable cause) {
        super(message, cause);
    }
}

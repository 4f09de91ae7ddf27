package dev.credreport.audit;

import dev.credreport.report.UserCredentials;

/**
 * Whether a root user has no credentials at all, as AWS Organizations' central root access
 * leaves member accounts: password_enabled literally false, no active access key and no active
 * signing certificate. The root row's usual {@code not_supported} tells nothing and does not count.
 */
public final class RootCredentials {
    private RootCredentials() {
    }

    public static boolean absent(UserCredentials root) {
        return root.isRoot()
                && Boolean.FALSE.equals(root.password().enabled().value())
                && root.accessKeys().stream().noneMatch(key -> key.isActive())
                && root.certificates().stream().noneMatch(certificate -> certificate.isActive());
    }
}

package dev.credreport.report;

import java.util.Optional;

/** The little credreport needs to know of ARNs. */
public final class Arns {
    private Arns() {
    }

    /** The account id: the fifth {@code :}-separated part, when it is twelve digits. */
    public static Optional<String> accountId(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !isAccountId(parts[4])) {
            return Optional.empty();
        }
        return Optional.of(parts[4]);
    }

    /** The partition: the second {@code :}-separated part ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    public static String partition(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length < 3 ? "" : parts[1];
    }

    public static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

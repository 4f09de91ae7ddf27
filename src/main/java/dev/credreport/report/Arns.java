package dev.credreport.report;

import java.util.Optional;

/** The little credreport needs to know of ARNs. */
public final class Arns {
    private Arns() {
    }

    /** The account id: the fifth {@code :}-separated part, when it is twelve digits. */
    public static Optional<String> accountId(String arn) {
        // Read for every row of a report: find the fifth part without split's arrays.
        if (!arn.startsWith("arn:")) {
            return Optional.empty();
        }
        int start = 0;
        for (int colons = 0; colons < 4; colons++) {
            start = arn.indexOf(':', start) + 1;
            if (start == 0) {
                return Optional.empty();
            }
        }
        int end = arn.indexOf(':', start);
        if (end < 0 || !isAccountId(arn, start, end)) {
            return Optional.empty();
        }
        return Optional.of(arn.substring(start, end));
    }

    /** The partition: the second {@code :}-separated part ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    public static String partition(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length < 3 ? "" : parts[1];
    }

    public static boolean isAccountId(String text) {
        return isAccountId(text, 0, text.length());
    }

    private static boolean isAccountId(String text, int start, int end) {
        if (end - start != 12) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

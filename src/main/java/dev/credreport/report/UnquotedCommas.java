package dev.credreport.report;

import java.util.Arrays;

/**
 * Reads a row whose user name and ARN hold commas but were written without quotes, as moto
 * writes them: {@code a,b,arn:aws:iam::123456789012:user/a,b,…}. Such a row has more fields than
 * the header. It is read only where exactly one way of joining the extra fields back gives a user
 * name that an IAM ARN ends with; anything else stays a bad row.
 */
final class UnquotedCommas {
    private UnquotedCommas() {
    }

    /** The row's cells with the extra fields joined back into the user name and ARN, or null. */
    static String[] join(ReportHeader header, String[] values) {
        int user = header.positionOf(Column.USER);
        int arn = header.positionOf(Column.ARN);
        int first = Math.min(user, arn);
        int second = Math.max(user, arn);
        int extra = values.length - header.size();
        String[] found = null;
        // The first column takes i extra fields, the second the rest.
        for (int i = 0; i <= extra; i++) {
            String firstValue = String.join(",", Arrays.asList(values).subList(first, first + i + 1));
            String secondValue = String.join(",", Arrays.asList(values).subList(second + i, second + extra + 1));
            String name = user == first ? firstValue : secondValue;
            String arnValue = user == first ? secondValue : firstValue;
            if (!fits(name, arnValue)) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = new String[header.size()];
            System.arraycopy(values, 0, found, 0, first);
            found[first] = firstValue;
            System.arraycopy(values, first + i + 1, found, first + 1, second - first - 1);
            found[second] = secondValue;
            System.arraycopy(values, second + extra + 1, found, second + 1, header.size() - second - 1);
        }
        return found;
    }

    private static boolean fits(String name, String arn) {
        return !name.isEmpty() && arn.endsWith("/" + name) && Arns.accountId(arn).isPresent();
    }
}

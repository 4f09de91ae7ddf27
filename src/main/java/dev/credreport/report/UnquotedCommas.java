package dev.credreport.report;

/**
 * Reads a row whose user name and ARN hold commas but were written without quotes, as moto
 * writes them: {@code a,b,arn:aws:iam::123456789012:user/a,b,…}. Such a row has more fields than
 * the header. It is read only where exactly one way of joining the extra fields back gives a user
 * name that an IAM ARN ends with; anything else stays a bad row. IAM's own limits (a name of at
 * most 64 characters, an ARN of at most 2,048) bound the work, so a hostile row with a million
 * commas costs no more than a short one.
 */
final class UnquotedCommas {
    static final int MAX_USER_NAME = 64;
    static final int MAX_ARN = 2048;

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
        // The first column takes i of the extra fields, the second the rest.
        for (int i = 0; i <= extra; i++) {
            int nameFrom = user == first ? first : second + i;
            int nameTo = user == first ? first + i : second + extra;
            int arnFrom = user == first ? second + i : first;
            int arnTo = user == first ? second + extra : first + i;
            if (joinedLength(values, nameFrom, nameTo) > MAX_USER_NAME || joinedLength(values, arnFrom, arnTo) > MAX_ARN
                    || !values[arnFrom].startsWith("arn:")) {
                continue;
            }
            String name = joined(values, nameFrom, nameTo);
            String arnValue = joined(values, arnFrom, arnTo);
            if (name.isEmpty() || !arnValue.endsWith("/" + name) || Arns.accountId(arnValue).isEmpty()) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = new String[header.size()];
            System.arraycopy(values, 0, found, 0, first);
            found[first] = user == first ? name : arnValue;
            System.arraycopy(values, first + i + 1, found, first + 1, second - first - 1);
            found[second] = user == first ? arnValue : name;
            System.arraycopy(values, second + extra + 1, found, second + 1, header.size() - second - 1);
        }
        return found;
    }

    /** The length of fields {@code from} to {@code to} (inclusive) joined with commas, counted only as far as needed. */
    private static long joinedLength(String[] values, int from, int to) {
        long length = to - from;
        for (int i = from; i <= to && length <= MAX_ARN; i++) {
            length += values[i].length();
        }
        return length;
    }

    private static String joined(String[] values, int from, int to) {
        StringBuilder joined = new StringBuilder(values[from]);
        for (int i = from + 1; i <= to; i++) {
            joined.append(',').append(values[i]);
        }
        return joined.toString();
    }
}

package dev.credreport.report;

import dev.credreport.core.CredreportException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report rewritten for readers that take columns by position, as Athena's OpenCSVSerde does: the
 * 22 columns in AWS's order (a column the report lacks, such as the {@code _last_used_service}
 * ones of older reports, as {@code N/A}, which is how credreport reads a missing column), then the
 * columns credreport does not know, in the report's order. Each row is written from the cells the
 * reader made of it, so a row moto wrote with unquoted commas comes out quoted.
 *
 * <p>A report that already reads by position comes out byte for byte as it went in: fields are
 * quoted only where they hold a comma or a quote, and the line ends, the final line end and a byte
 * order mark are the input's. What such a reader cannot read back is refused rather than changed:
 * a line break in a value (it reads one line per row) and a backslash (its escape character,
 * dropped on reading). No IAM name or ARN holds either.
 */
public final class AwsColumnOrder {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private AwsColumnOrder() {
    }

    /**
     * The report's bytes in AWS's column order.
     *
     * @throws CredreportException exit 7 for a report that is not readable, or holds a value a positional reader cannot read back
     */
    public static byte[] of(ReportInput report) {
        byte[] original = report.bytes();
        String text = new String(original, StandardCharsets.UTF_8);
        String lineEnd = lineEnd(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            out.append(BYTE_ORDER_MARK);
        }
        try (ReportRows rows = report.openReport()) {
            ReportHeader header = rows.header();
            List<Integer> positions = positions(header);
            List<String> names = new ArrayList<>();
            for (Column column : Column.values()) {
                names.add(column.columnName());
            }
            for (int position : header.unknownPositions()) {
                names.add(header.names().get(position));
            }
            appendRecord(out, names, "the header");
            while (rows.hasNext()) {
                UserCredentials user = rows.next();
                List<String> cells = new ArrayList<>(positions.size());
                for (int position : positions) {
                    cells.add(position < 0 ? Absence.NOT_APPLICABLE.token() : user.cell(position));
                }
                out.append(lineEnd);
                appendRecord(out, cells, "line " + user.line());
            }
        }
        if (endsWithLineBreak(text)) {
            out.append(lineEnd);
        }
        byte[] written = out.toString().getBytes(StandardCharsets.UTF_8);
        // The same text (the common case: AWS's own layout) keeps the very bytes it came as.
        return Arrays.equals(written, original) ? original : written;
    }

    /** Where each output column's cell stands in the report: the known columns in AWS's order (-1: missing), then the unknown ones. */
    private static List<Integer> positions(ReportHeader header) {
        List<Integer> positions = new ArrayList<>();
        for (Column column : Column.values()) {
            positions.add(header.positionOf(column));
        }
        positions.addAll(header.unknownPositions());
        return positions;
    }

    private static void appendRecord(StringBuilder out, List<String> fields, String where) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            for (int c = 0; c < field.length(); c++) {
                char ch = field.charAt(c);
                if (ch == '\n' || ch == '\r' || ch == '\\') {
                    throw CredreportException.badInput(where + " holds a " + (ch == '\\' ? "backslash" : "line break")
                            + " in a value, which Athena cannot read back (it reads one line per row and takes '\\' for an "
                            + "escape); no IAM name or ARN holds one, so this report is not saved to the archive");
                }
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
    }

    /** The input's line end: CRLF when its first line ends so, else LF. */
    private static String lineEnd(String text) {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    private static boolean endsWithLineBreak(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }
}

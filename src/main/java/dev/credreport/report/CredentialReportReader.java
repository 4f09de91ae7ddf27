package dev.credreport.report;

import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads a credential report one user at a time: UTF-8 bytes in, {@link UserCredentials} out.
 * Columns are found by header name. Any input that is not a credential report fails with exit 7
 * and a message that names the line and, where it applies, the column.
 */
public final class CredentialReportReader implements ReportRows {
    private final CsvRecords records;
    private final LongSupplier lineOfBadUtf8;
    private final Consumer<String> notes;
    private final ReportHeader header;
    private UserCredentials next;
    /** Line breaks read before the current record began: its line number less one. */
    private long lineBeforeRecord;
    /** Rows read with unquoted commas in the user name and ARN, and the first one's line and user. */
    private long unquotedRows;
    private long firstUnquotedLine;
    private String firstUnquotedUser;

    /** How a header that is no credential report's is told. */
    static final String NOT_A_REPORT = "line 1: not a credential report: ";

    private CredentialReportReader(CsvRecords records, LongSupplier lineOfBadUtf8, Consumer<String> notes) {
        this.records = records;
        this.lineOfBadUtf8 = lineOfBadUtf8;
        this.notes = notes;
        this.header = readHeader();
    }

    /** Opens a report and reads its header line. */
    public static CredentialReportReader open(InputStream bytes) {
        return open(bytes, () -> -1, note -> { });
    }

    /**
     * Opens a report and reads its header line.
     *
     * @param lineOfBadUtf8 the line of the first byte that is not UTF-8, or -1 when unknown: a
     *     record may span lines, so only a second look at the bytes can tell it
     * @param notes told, once, of what the reader read leniently
     */
    static CredentialReportReader open(InputStream bytes, LongSupplier lineOfBadUtf8, Consumer<String> notes) {
        try {
            return new CredentialReportReader(new CsvRecords(bytes), lineOfBadUtf8, notes);
        } catch (IOException e) {
            throw inputError(1, e, lineOfBadUtf8);
        }
    }

    @Override
    public ReportHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readUser();
        }
        return next != null;
    }

    @Override
    public UserCredentials next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        UserCredentials user = next;
        next = null;
        return user;
    }

    /** Closes the input; a failure to close a reader that was read to the end changes nothing. */
    @Override
    public void close() {
        noteUnquotedRows();
        try {
            records.close();
        } catch (IOException e) {
            // nothing was lost: every record was already read or abandoned
        }
    }

    private ReportHeader readHeader() {
        String[] record = nextRecord();
        if (record == null) {
            throw CredreportException.badInput("the input is empty: a credential report starts with a header line");
        }
        List<String> names = new ArrayList<>(record.length);
        for (String name : record) {
            names.add(name.trim());
        }
        try {
            return ReportHeader.of(names);
        } catch (IllegalArgumentException e) {
            throw CredreportException.badInput(NOT_A_REPORT + e.getMessage());
        }
    }

    private UserCredentials readUser() {
        String[] values = nextRecord();
        if (values == null) {
            noteUnquotedRows();
            return null;
        }
        long line = lineBeforeRecord + 1;
        if (values.length != header.size()) {
            String[] joined = values.length > header.size() ? UnquotedCommas.join(header, values) : null;
            if (joined == null) {
                throw CredreportException.badInput("line " + line + ": expected " + header.size()
                        + " fields as in the header, found " + values.length
                        + (values.length > header.size() ? " (an unquoted comma in a value?)" : ""));
            }
            if (unquotedRows++ == 0) {
                firstUnquotedLine = line;
                firstUnquotedUser = joined[header.positionOf(Column.USER)];
            }
            values = joined;
        }
        return new RowParser(line, values).parse();
    }

    /** Says once, at the end of a read, that rows were read with their unquoted commas joined back. */
    private void noteUnquotedRows() {
        if (unquotedRows == 0) {
            return;
        }
        notes.accept("line " + firstUnquotedLine + ": user " + UntrustedText.quote(firstUnquotedUser)
                + (unquotedRows > 1 ? " and " + (unquotedRows - 1) + " more" : "")
                + " written with unquoted commas (as moto writes them); read as the name the ARN ends with");
        unquotedRows = 0;
    }

    /** The next non-blank record, or null at the end. */
    private String[] nextRecord() {
        try {
            while (true) {
                String[] record = records.next();
                lineBeforeRecord = records.linesBeforeRecord();
                if (record == null) {
                    return null;
                }
                if (!(record.length == 1 && record[0].isEmpty())) {
                    return record;
                }
            }
        } catch (IOException e) {
            throw inputError(records.linesBeforeRecord() + 1, e, lineOfBadUtf8);
        }
    }

    private static CredreportException inputError(long line, Throwable cause, LongSupplier lineOfBadUtf8) {
        if (cause instanceof CharacterCodingException) {
            long badLine = lineOfBadUtf8.getAsLong();
            return CredreportException.badInput("line " + (badLine > 0 ? badLine : line) + ": the input is not UTF-8 text", cause);
        }
        // A failure's message may quote text from the input.
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : UntrustedText.excerpt(cause.getMessage());
        return CredreportException.badInput("line " + line + ": not valid CSV: " + detail, cause);
    }

    /** Parses the cells of one record, naming the column of any value that does not fit. */
    private final class RowParser {
        private final long line;
        private final String[] values;

        RowParser(long line, String[] values) {
            this.line = line;
            this.values = values;
        }

        UserCredentials parse() {
            List<String> cells = List.of(values);
            String user = required(Column.USER, CellParser::text).orElse("");
            String arn = required(Column.ARN, CellParser::text).orElse("");
            Instant created = cell(Column.USER_CREATION_TIME, CellParser::instant);
            Password password = new Password(
                    cell(Column.PASSWORD_ENABLED, CellParser::bool),
                    cell(Column.PASSWORD_LAST_USED, CellParser::time),
                    cell(Column.PASSWORD_LAST_CHANGED, CellParser::time),
                    cell(Column.PASSWORD_NEXT_ROTATION, CellParser::time));
            AccessKey key1 = new AccessKey(1,
                    cell(Column.ACCESS_KEY_1_ACTIVE, CellParser::bool),
                    cell(Column.ACCESS_KEY_1_LAST_ROTATED, CellParser::time),
                    cell(Column.ACCESS_KEY_1_LAST_USED_DATE, CellParser::time),
                    cell(Column.ACCESS_KEY_1_LAST_USED_REGION, CellParser::text),
                    cell(Column.ACCESS_KEY_1_LAST_USED_SERVICE, CellParser::text));
            AccessKey key2 = new AccessKey(2,
                    cell(Column.ACCESS_KEY_2_ACTIVE, CellParser::bool),
                    cell(Column.ACCESS_KEY_2_LAST_ROTATED, CellParser::time),
                    cell(Column.ACCESS_KEY_2_LAST_USED_DATE, CellParser::time),
                    cell(Column.ACCESS_KEY_2_LAST_USED_REGION, CellParser::text),
                    cell(Column.ACCESS_KEY_2_LAST_USED_SERVICE, CellParser::text));
            SigningCertificate cert1 = new SigningCertificate(1,
                    cell(Column.CERT_1_ACTIVE, CellParser::bool),
                    cell(Column.CERT_1_LAST_ROTATED, CellParser::time));
            SigningCertificate cert2 = new SigningCertificate(2,
                    cell(Column.CERT_2_ACTIVE, CellParser::bool),
                    cell(Column.CERT_2_LAST_ROTATED, CellParser::time));
            try {
                return new UserCredentials(line, user, arn, created, password, cell(Column.MFA_ACTIVE, CellParser::bool),
                        key1, key2, cert1, cert2, header, cells);
            } catch (IllegalArgumentException e) {
                throw CredreportException.badInput("line " + line + ": " + e.getMessage());
            }
        }

        private <T> ReportValue<T> required(Column column, Function<String, ReportValue<T>> parse) {
            ReportValue<T> value = cell(column, parse);
            if (!value.isPresent()) {
                throw CredreportException.badInput("line " + line + ", column " + column.columnName()
                        + ": '" + value.absence().token() + "' where a value is required");
            }
            return value;
        }

        /** Parses a known column's cell; a column the report lacks (only optional ones) reads as N/A. */
        @SuppressWarnings("unchecked")
        private <T> T cell(Column column, Function<String, T> parse) {
            int position = header.positionOf(column);
            if (position < 0) {
                return (T) ReportValue.absent(Absence.NOT_APPLICABLE);
            }
            try {
                return parse.apply(values[position]);
            } catch (IllegalArgumentException e) {
                throw CredreportException.badInput("line " + line + ", column " + column.columnName() + ": " + e.getMessage());
            }
        }
    }
}

package dev.credreport.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of a CSV text exactly as commons-csv reads them with RFC 4180 (blank lines are
 * records of one empty field; the caller skips them), read several times faster. A line without a
 * double quote is split at its commas, which is all RFC 4180 makes of such a line (fields are never
 * trimmed, and a line ends at LF, CR or CRLF as commons-csv ends it). A record that holds a quote
 * is read field by field as commons-csv's lexer reads it: quoted fields, escaped quotes, line
 * breaks inside quotes, and malformed quoting failing at the same record.
 *
 * <p>AWS quotes only the rare name that holds a comma, so almost every line of a report takes the
 * fast path; commons-csv's lexing was about two thirds of the time of reading a report, and
 * loading it (with the commons-io it uses) 40 classes of a run over a report with a quoted name.
 * {@code CsvRecordsTest} compares this reader with commons-csv on generated texts.
 */
final class CsvRecords implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private char[] buffer;
    private int position;
    private int limit;
    private boolean atEnd;
    /** A CR ended the last line: an LF right after it belongs to the same line break. */
    private boolean afterCarriageReturn;
    /** Line breaks read before the record that {@link #next()} returned last. */
    private long linesBeforeRecord;
    private long lines;
    private final List<String> fields = new ArrayList<>(32);
    /** Where the record being read starts in the buffer. */
    private int recordStart;

    /** Reads {@code in}, skipping a byte order mark at its start. */
    CsvRecords(Reader in) throws IOException {
        this(in, 1 << 16);
    }

    /** With a buffer of {@code bufferSize} characters to start with: small ones test lines across refills. */
    CsvRecords(Reader in, int bufferSize) throws IOException {
        this.in = in;
        this.buffer = new char[bufferSize];
        if (fill() && buffer[position] == BYTE_ORDER_MARK) {
            position++;
        }
    }

    /** Line breaks before the record {@link #next()} returned last: its line number less one. */
    long linesBeforeRecord() {
        return linesBeforeRecord;
    }

    /**
     * The next record's fields, or null at the end of the input.
     *
     * @throws IOException when the input cannot be read (or is not UTF-8), or its quoting is malformed
     */
    String[] next() throws IOException {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (fill() && buffer[position] == '\n') {
                position++;
            }
        }
        linesBeforeRecord = lines;
        if (!fill()) {
            return null;
        }
        recordStart = position;
        int offset = 0;
        while (true) {
            int end = limit - recordStart;
            for (; offset < end; offset++) {
                char c = buffer[recordStart + offset];
                if (c == '\n' || c == '\r') {
                    position = recordStart + offset + 1;
                    lines++;
                    afterCarriageReturn = c == '\r';
                    return split(recordStart, recordStart + offset);
                }
                if (c == '"') {
                    return quotedRecord();
                }
            }
            if (!readMore()) {
                position = limit;
                return split(recordStart, limit);
            }
        }
    }

    private String[] split(int start, int end) {
        fields.clear();
        int from = start;
        for (int i = start; i < end; i++) {
            if (buffer[i] == ',') {
                fields.add(new String(buffer, from, i - from));
                from = i + 1;
            }
        }
        fields.add(new String(buffer, from, end - from));
        return fields.toArray(new String[0]);
    }

    /**
     * A record with a quote. Its end is found first as commons-csv's lexer finds it: a field that
     * starts with a quote runs to the quote that closes it (two quotes are one quote of the
     * value), and may be followed by blanks only; a quote anywhere else is text.
     */
    private String[] quotedRecord() throws IOException {
        int offset = 0;
        long breaks = 0;
        boolean fieldStart = true;
        boolean unclosed = false;
        while (has(offset)) {
            char c = at(offset);
            if (fieldStart && c == '"') {
                offset++;
                unclosed = true;
                while (has(offset)) {
                    char quoted = at(offset);
                    if (quoted == '"') {
                        if (!has(offset + 1) || at(offset + 1) != '"') {
                            unclosed = false;
                            break;
                        }
                        offset++;
                    } else if (quoted == '\r' || quoted == '\n' && (offset == 0 || at(offset - 1) != '\r')) {
                        breaks++;
                    }
                    offset++;
                }
                offset++;
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                fieldStart = true;
            } else if (c == '\r' || c == '\n') {
                breaks++;
                offset++;
                if (c == '\r' && has(offset) && at(offset) == '\n') {
                    offset++;
                }
                break;
            } else {
                fieldStart = false;
            }
            offset++;
        }
        int end = Math.min(recordStart + offset, limit);
        position = end;
        lines += breaks;
        return quotedFields(recordStart, end, unclosed);
    }

    /**
     * The fields of a record with a quote, read as commons-csv's RFC 4180 lexer reads them: a
     * field that starts with a quote runs to the quote that closes it (two quotes are one quote
     * of the value, line breaks are kept) and may be followed by blanks only before the comma or
     * the line end; any other field is its text to the next comma or line end, quotes and all.
     */
    private String[] quotedFields(int start, int end, boolean unclosed) throws IOException {
        fields.clear();
        StringBuilder value = new StringBuilder();
        int i = start;
        while (true) {
            if (i < end && buffer[i] == '"') {
                i++;
                value.setLength(0);
                while (true) {
                    if (i >= end) {
                        throw malformed(unclosed);
                    }
                    char c = buffer[i++];
                    if (c == '"') {
                        if (i < end && buffer[i] == '"') {
                            value.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    value.append(c);
                }
                fields.add(value.toString());
                while (true) {
                    if (i >= end) {
                        return fields.toArray(new String[0]);
                    }
                    char c = buffer[i++];
                    if (c == ',') {
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        return fields.toArray(new String[0]);
                    }
                    if (!Character.isWhitespace(c)) {
                        throw malformed(unclosed);
                    }
                }
                continue;
            }
            int from = i;
            while (i < end && buffer[i] != ',' && buffer[i] != '\r' && buffer[i] != '\n') {
                i++;
            }
            fields.add(new String(buffer, from, i - from));
            if (i >= end || buffer[i++] != ',') {
                return fields.toArray(new String[0]);
            }
        }
    }

    /** Malformed quoting, said for the user. */
    private static IOException malformed(boolean unclosed) {
        return new IOException(unclosed
                ? "a quoted value is never closed: the input ends before its closing quote"
                : "a quoted value must end with a quote right before a comma or the end of the line "
                        + "(a stray quote, or one never closed?)");
    }

    /** Whether the character {@code offset} past the record's start is buffered, reading more when not. */
    private boolean has(int offset) throws IOException {
        while (recordStart + offset >= limit) {
            if (!readMore()) {
                return false;
            }
        }
        return true;
    }

    private char at(int offset) {
        return buffer[recordStart + offset];
    }

    /**
     * Reads more of the input while keeping the current record whole: moves it to the front of
     * the buffer, or into a larger one when it fills the buffer. False at the end of the input.
     */
    private boolean readMore() throws IOException {
        int kept = limit - recordStart;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (recordStart > 0) {
            System.arraycopy(buffer, recordStart, buffer, 0, kept);
            position -= recordStart;
            recordStart = 0;
            limit = kept;
        }
        return fillMore();
    }

    /** Whether a character is buffered at {@link #position}, reading more when none is. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        position = 0;
        limit = 0;
        return fillMore();
    }

    /** Reads more after {@link #limit}; false at the end of the input. */
    private boolean fillMore() throws IOException {
        if (atEnd) {
            return false;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        while (read == 0) {
            read = in.read(buffer, limit, buffer.length - limit);
        }
        if (read < 0) {
            atEnd = true;
            return false;
        }
        limit += read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

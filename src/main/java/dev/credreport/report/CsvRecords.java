package dev.credreport.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>It reads UTF-8 bytes, not characters: every character CSV gives a meaning to is ASCII, and no
 * byte of a longer UTF-8 sequence is, so records and fields end where they would in the text. A
 * field of ASCII bytes (nearly all of a report) becomes its string by a copy; one with other bytes
 * is decoded strictly, so that bytes that are not UTF-8 fail the read as a decoding reader's
 * would. Decoding the whole input first, and compressing each field's characters back to bytes,
 * was a quarter of the time of reading a large report.
 */
final class CsvRecords implements Closeable {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private byte[] buffer;
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
    /** For the rare field with bytes other than ASCII; fails on bytes that are not UTF-8. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Reads the UTF-8 text {@code in}, skipping a byte order mark at its start. */
    CsvRecords(InputStream in) throws IOException {
        this(in, 1 << 16);
    }

    /** With a buffer of {@code bufferSize} bytes to start with (at least a byte order mark's 3): small ones test lines across refills. */
    CsvRecords(InputStream in, int bufferSize) throws IOException {
        this.in = in;
        this.buffer = new byte[Math.max(bufferSize, BYTE_ORDER_MARK.length)];
        while (limit < BYTE_ORDER_MARK.length && fillMore()) {
            // a pipe may hand out the mark's bytes one at a time
        }
        if (limit >= BYTE_ORDER_MARK.length && buffer[0] == BYTE_ORDER_MARK[0] && buffer[1] == BYTE_ORDER_MARK[1]
                && buffer[2] == BYTE_ORDER_MARK[2]) {
            position = BYTE_ORDER_MARK.length;
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
                byte c = buffer[recordStart + offset];
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

    private String[] split(int start, int end) throws IOException {
        fields.clear();
        int from = start;
        // The bytes of the field so far, or-ed: negative when one is not ASCII.
        int bits = 0;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b == ',') {
                fields.add(field(from, i, bits));
                from = i + 1;
                bits = 0;
            } else {
                bits |= b;
            }
        }
        fields.add(field(from, end, bits));
        return fields.toArray(new String[0]);
    }

    /** The text of the bytes from {@code from} to {@code to}; {@code bits} negative when one of them is not ASCII. */
    private String field(int from, int to, int bits) throws IOException {
        if (bits >= 0) {
            // ASCII: the bytes are the characters (a copy, without decoding or compressing).
            return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return utf8.reset().decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
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
            byte c = at(offset);
            if (fieldStart && c == '"') {
                offset++;
                unclosed = true;
                while (has(offset)) {
                    byte quoted = at(offset);
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
        // The record is read as text: quoted values keep their line breaks, and a blank after a
        // closing quote is any character Java calls whitespace, as commons-csv has it.
        char[] text = utf8.reset().decode(ByteBuffer.wrap(buffer, recordStart, end - recordStart)).toString().toCharArray();
        return quotedFields(text, unclosed);
    }

    /**
     * The fields of a record with a quote, read as commons-csv's RFC 4180 lexer reads them: a
     * field that starts with a quote runs to the quote that closes it (two quotes are one quote
     * of the value, line breaks are kept) and may be followed by blanks only before the comma or
     * the line end; any other field is its text to the next comma or line end, quotes and all.
     */
    private String[] quotedFields(char[] text, boolean unclosed) throws IOException {
        fields.clear();
        StringBuilder value = new StringBuilder();
        int end = text.length;
        int i = 0;
        while (true) {
            if (i < end && text[i] == '"') {
                i++;
                value.setLength(0);
                while (true) {
                    if (i >= end) {
                        throw malformed(unclosed);
                    }
                    char c = text[i++];
                    if (c == '"') {
                        if (i < end && text[i] == '"') {
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
                    char c = text[i++];
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
            while (i < end && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                i++;
            }
            fields.add(new String(text, from, i - from));
            if (i >= end || text[i++] != ',') {
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

    private byte at(int offset) {
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

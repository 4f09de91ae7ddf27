package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path must read every text exactly as commons-csv does: the same records, the same line
 * numbers, and a failure at the same record. Texts are generated from the characters that matter
 * to CSV, with a fixed seed so that a failure can be replayed, and read through small buffers and
 * a stream that hands out a few bytes at a time, so that lines and CRLF pairs cross refills.
 */
class CsvRecordsTest {
    private static final CSVFormat COMMONS_CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final String[] PIECES = {
        "a", "bc", "2024-01-01T00:00:00+00:00", "", " ", ",", ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"\"",
        "\"x,y\"", "\"a\nb\"", "\"q\" ", "é", "\uFEFF", "\t", "N/A",
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1 << 16})
    void should_read_generated_texts_as_commons_csv_does(int bufferSize) throws IOException {
        Random random = new Random(20261121L + bufferSize);
        for (int text = 0; text < 4000; text++) {
            StringBuilder csv = new StringBuilder();
            int pieces = random.nextInt(40);
            // Most texts have no quote, as reports have none: those exercise the fast path throughout.
            boolean quotes = random.nextInt(3) == 0;
            for (int i = 0; i < pieces; i++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (!quotes && piece.contains("\"")) {
                    piece = ",";
                }
                csv.append(piece);
            }
            assertSameRecords(csv.toString(), bufferSize, random.nextInt(5) + 1);
        }
    }

    @Test
    void should_read_a_quoted_field_after_plain_lines_and_count_lines_on() throws IOException {
        String csv = "h1,h2\r\na,b\n\"x\ny\",c\rd,e\n";
        assertSameRecords(csv, 4, 3);
        CsvRecords records = new CsvRecords(utf8(csv), 4);
        assertArrayEquals(new String[] {"h1", "h2"}, records.next());
        assertArrayEquals(new String[] {"a", "b"}, records.next());
        assertEquals(1, records.linesBeforeRecord());
        assertArrayEquals(new String[] {"x\ny", "c"}, records.next());
        assertEquals(2, records.linesBeforeRecord());
        assertArrayEquals(new String[] {"d", "e"}, records.next());
        assertEquals(4, records.linesBeforeRecord());
        assertNull(records.next());
    }

    @Test
    void should_keep_a_line_longer_than_the_buffer_whole() throws IOException {
        String longField = "x".repeat(200_000);
        assertSameRecords("a," + longField + ",b\nc\n", 1 << 16, 4096);
    }

    @Test
    void should_skip_a_byte_order_mark_only_at_the_start() throws IOException {
        CsvRecords records = new CsvRecords(utf8("\uFEFFa,b\n\uFEFFc\n"), 1);
        assertArrayEquals(new String[] {"a", "b"}, records.next());
        assertArrayEquals(new String[] {"\uFEFFc"}, records.next());
    }

    /** Reads {@code csv} both ways; a text starting with a byte order mark is compared without it. */
    private static void assertSameRecords(String csv, int bufferSize, int chunk) throws IOException {
        String expectedText = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Object> expected = new ArrayList<>();
        try (CSVParser parser = COMMONS_CSV.parse(new StringReader(expectedText))) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber();
                if (!iterator.hasNext()) {
                    break;
                }
                expected.add(line + ":" + String.join("|", iterator.next().values()));
            }
        } catch (RuntimeException e) {
            expected.add("fails");
        }
        List<Object> actual = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(new ChunkedStream(csv.getBytes(StandardCharsets.UTF_8), chunk), bufferSize)) {
            for (String[] record = records.next(); record != null; record = records.next()) {
                actual.add(records.linesBeforeRecord() + ":" + String.join("|", record));
            }
        } catch (IOException e) {
            actual.add("fails");
        }
        assertEquals(expected, actual, () -> "read differently: " + csv.replace("\r", "\\r").replace("\n", "\\n"));
    }

    @Test
    void should_read_text_that_is_not_ascii_in_plain_and_quoted_records() throws IOException {
        String csv = "na\u00efve,\u65e5\u672c,\ud83d\ude00\n\"caf\u00e9, bar\",\u00e9\n";
        assertSameRecords(csv, 1, 1);
        CsvRecords records = new CsvRecords(utf8(csv));
        assertArrayEquals(new String[] {"na\u00efve", "\u65e5\u672c", "\ud83d\ude00"}, records.next());
        assertArrayEquals(new String[] {"caf\u00e9, bar", "\u00e9"}, records.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,\u00ff\u00fe,b\n", "a,\"\u00ff\",b\n", "a,b\u00c3,c\n", "ok\na\u00c3\n"})
    void should_fail_on_bytes_that_are_not_utf8(String latin1) {
        // Latin-1 bytes: \u00ff and a lone lead byte (\u00c3 before a comma or a line end) are no UTF-8.
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> {
            try (CsvRecords records = new CsvRecords(new ByteArrayInputStream(bytes), 2)) {
                while (records.next() != null) {
                    // read to the end
                }
            }
        });
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Gives at most {@code chunk} bytes a read, as a pipe may: a character's bytes may come in two reads. */
    private static final class ChunkedStream extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int position;

        ChunkedStream(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return position == bytes.length ? -1 : bytes[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, chunk), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}

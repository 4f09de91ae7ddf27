package dev.credreport.cli;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.CAROL;
import static dev.credreport.support.SampleReports.HEADER;
import static dev.credreport.support.SampleReports.ROOT;
import static dev.credreport.support.SampleReports.lines;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Report text is untrusted wherever it is printed: in labels, cells and error messages (issue 9, C and E). */
class UntrustedReportTextTest {
    /** moto's row for a user {@code a,b}: neither the name nor the ARN is quoted. */
    static final String MOTO_A_B = "a,b,arn:aws:iam::123456789012:user/a,b,2024-01-01T00:00:00+00:00,false,not_supported,"
            + "2024-01-01T00:00:00+00:00,not_supported,false,false,N/A,N/A,not_supported,not_supported,false,N/A,N/A,"
            + "not_supported,not_supported,false,N/A,false,N/A";

    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Path saved(String csv) throws IOException {
        return saved(csv.getBytes(StandardCharsets.UTF_8));
    }

    Path saved(byte[] csv) throws IOException {
        Path file = dir.resolve("report.csv");
        Files.write(file, csv);
        return file;
    }

    static void assertNoControlCharacters(String text) {
        for (char c : text.toCharArray()) {
            assertFalse(c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u202e' || c == '\u2028'),
                    () -> "unescaped U+" + Integer.toHexString(c) + " in " + text);
        }
    }

    static void assertOneLine(String err) {
        assertEquals(1, err.chars().filter(c -> c == '\n').count(), err);
        assertTrue(err.endsWith("\n"), err);
    }

    @Test
    void should_escape_blocks_labels_made_from_unknown_header_names() throws IOException {
        Path file = saved(lines(HEADER + ",Col\u001b[2J", ALICE + ",x"));

        Result result = harness.run("fetch", "--input", file.toString(), "--format", "blocks");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\nCol\\x1b[2J: x\n"), result::toString);
        assertNoControlCharacters(result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "table", "blocks"})
    void should_escape_a_bad_value_in_the_one_line_error(String format) throws IOException {
        String bad = "\u001b]0;pwned\u0007\r\u202eforged\ncredreport: all good";
        Path file = saved(report(ALICE, ALICE.replace(",true,2024-05-20", ",\"" + bad + "\",2024-05-20")));

        Result result = harness.run("fetch", "--input", file.toString(), "--format", format);

        assertEquals(7, result.exitCode(), result::toString);
        assertOneLine(result.err());
        assertNoControlCharacters(result.err());
        assertTrue(result.err().startsWith("credreport: line 3, column password_enabled: "
                + "'\\x1b]0;pwned\\x07\\r\\u202eforged\\ncredreport: all good' is not true or false"), result::toString);
    }

    @Test
    void should_cut_a_huge_bad_value_in_the_error() throws IOException {
        String huge = "x".repeat(10 << 20);
        Path file = saved(report(ALICE.replace("2024-05-20T09:00:00+00:00", huge)));

        Result result = harness.run("fetch", "--input", file.toString(), "--format", "csv");

        assertEquals(7, result.exitCode());
        assertOneLine(result.err());
        assertTrue(result.err().length() < 300, () -> result.err().length() + " characters");
        assertTrue(result.err().contains("'" + "x".repeat(80) + "\u2026' (10485760 characters) is not an ISO 8601 time"),
                result::toString);
    }

    @Test
    void should_escape_a_bad_arn_and_a_repeated_header_name() throws IOException {
        Result arn = harness.run("fetch", "--input",
                saved(report(ALICE.replace("arn:aws:iam::123456789012:user/alice", "\u001b[2Jnot-an-arn"))).toString());
        assertEquals(7, arn.exitCode());
        assertEquals("credreport: line 2: '\\x1b[2Jnot-an-arn' is not an IAM ARN\n", arn.err());

        Path twice = saved(lines(HEADER + ",x\u001b[2J,x\u001b[2J", ALICE + ",1,2"));
        Result header = harness.run("fetch", "--input", twice.toString());
        assertEquals(7, header.exitCode());
        assertEquals("credreport: " + twice + ": line 1: not a credential report: column 'x\\x1b[2J' appears twice in the header\n",
                header.err());
    }

    @Test
    void should_name_the_line_of_invalid_utf8_however_far_the_decoder_read_ahead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 2; i < 1001; i++) {
            bytes.writeBytes((ALICE.replace("alice", "user" + i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(("user" + 1001).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xff);
        bytes.writeBytes((ALICE.substring(5) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((CAROL + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = saved(bytes.toByteArray());

        for (String format : List.of("csv", "json", "table")) {
            Result result = harness.run("fetch", "--input", file.toString(), "--format", format);

            assertEquals(7, result.exitCode(), result::toString);
            assertEquals("credreport: line 1001: the input is not UTF-8 text\n", result.err());
        }
        Result stdin = new CommandHarness().stdinBytes(bytes.toByteArray()).run("fetch", "--input", "-", "--format", "json");
        assertEquals("credreport: line 1001: the input is not UTF-8 text\n", stdin.err());
    }

    @Test
    void should_escape_line_and_paragraph_separators_in_table_and_blocks() throws IOException {
        Path file = saved(report(ALICE.replace("alice,", "\"ali\u2028ce\u2029\",")));

        Result table = harness.run("fetch", "--input", file.toString(), "--format", "table");
        Result blocks = harness.run("fetch", "--input", file.toString(), "--format", "blocks");

        assertEquals(0, table.exitCode(), table::toString);
        assertTrue(table.out().contains("ali\\u2028ce\\u2029"), table::toString);
        assertTrue(blocks.out().contains("User: ali\\u2028ce\\u2029\n"), blocks::toString);
        assertNoControlCharacters(table.out() + blocks.out());
    }

    @Test
    void should_read_moto_s_unquoted_user_name_and_note_it_once() throws IOException {
        String csv = report(ROOT, MOTO_A_B, ALICE, MOTO_A_B.replace("a,b", "c,d,e"));
        Path file = saved(csv);

        Result json = harness.run("fetch", "--input", file.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode users = new ObjectMapper().readTree(json.out()).get("users");
        List<String> names = new ArrayList<>();
        users.forEach(user -> names.add(user.get("user").asText()));
        assertEquals(List.of("<root_account>", "a,b", "alice", "c,d,e"), names);
        assertEquals("arn:aws:iam::123456789012:user/c,d,e", users.get(3).get("arn").asText());
        assertEquals("credreport: note: line 3: user 'a,b' and 1 more written with unquoted commas (as moto writes them); "
                + "read as the name the ARN ends with\n", json.err());

        for (String format : List.of("table", "blocks", "csv")) {
            Result result = harness.run("fetch", "--input", file.toString(), "--format", format);
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
            assertTrue(result.err().startsWith("credreport: note: line 3: user 'a,b'"), result::toString);
        }
        Result raw = harness.run("fetch", "--input", file.toString(), "--format", "csv");
        assertArrayEquals(csv.getBytes(StandardCharsets.UTF_8), raw.out().getBytes(StandardCharsets.UTF_8));
        Result quiet = harness.run("fetch", "--input", file.toString(), "--format", "json", "--quiet");
        assertEquals("", quiet.err());
        Result audit = harness.run("audit", "--input", file.toString(), "--format", "json");
        assertTrue(audit.exitCode() == 0 || audit.exitCode() == 3, audit::toString);
        assertEquals(1, audit.err().lines().filter(line -> line.contains("unquoted commas")).count(), audit::toString);
    }

    @Test
    void should_still_refuse_extra_fields_that_do_not_join_into_the_arn_s_user_name() throws IOException {
        Path file = saved(report(ALICE.replace("eu-west-1,s3", "eu-west-1,s3,extra")));
        Path wrongName = saved(report(MOTO_A_B.replace("user/a,b", "user/x,y")));

        for (Path report : List.of(file, wrongName)) {
            for (String format : List.of("csv", "json")) {
                Result result = harness.run("fetch", "--input", report.toString(), "--format", format);
                assertEquals(7, result.exitCode(), result::toString);
                assertEquals("", result.out());
                assertTrue(result.err().startsWith("credreport: line 2: expected 22 fields as in the header, found "),
                        result::toString);
            }
            file = wrongName;
        }
    }

    @Test
    void should_keep_any_message_on_one_line_whatever_it_quotes() {
        Result result = harness.run("fetch", "--input", dir.resolve("no\nsuch\u001b[2J.csv").toString());

        assertEquals(7, result.exitCode(), result::toString);
        assertOneLine(result.err());
        assertNoControlCharacters(result.err());
        assertTrue(result.err().contains("no\\nsuch\\x1b[2J.csv: no such file"), result::toString);
    }

    @Test
    void should_refuse_a_row_of_a_million_unquoted_commas() throws IOException {
        // How fast is the benchmark's to say (src/bench), as a ratio; a unit test asserts no wall-clock time.
        Path file = saved(report(MOTO_A_B.replace("a,b,arn", "a" + ",b".repeat(1_000_000) + ",arn")));

        Result result = harness.run("fetch", "--input", file.toString(), "--format", "csv");

        assertEquals(7, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: line 2: expected 22 fields as in the header, found 1000023"), result::toString);
    }

    @Test
    void should_note_moto_s_rows_once_naming_the_file_in_diff() throws IOException {
        Path old = dir.resolve("old.csv");
        Files.writeString(old, report(ROOT, ALICE), StandardCharsets.UTF_8);
        Path current = dir.resolve("new.csv");
        Files.writeString(current, report(ROOT, ALICE, MOTO_A_B), StandardCharsets.UTF_8);

        Result result = harness.run("diff", old.toString(), current.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("a,b"), result::toString);
        assertEquals(List.of("credreport: note: " + current + ": line 4: user 'a,b' written with unquoted commas "
                + "(as moto writes them); read as the name the ARN ends with"), result.err().lines().toList());
    }
}

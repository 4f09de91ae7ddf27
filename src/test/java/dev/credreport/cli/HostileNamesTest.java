package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile tester got through (issue 22, point 10): invisible and direction-changing
 * characters in a user name, control characters in an s3:// prefix, a saved path printed raw.
 */
class HostileNamesTest {
    /** A zero-width space and a right-to-left override: "ad​min‮gnp.exe" reads as "adminexe.png". */
    static final String LOOKALIKE = "ad\u200bmin\u202egnp.exe";

    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Path hostile() throws IOException {
        String report = SampleReports.standard();
        String user = report.split("\n")[2].split(",")[0];
        return Files.writeString(dir.resolve("hostile.csv"), report.replace(user + ",", LOOKALIKE + ",")
                .replace("user/" + user + ",", "user/" + LOOKALIKE + ","));
    }

    @Test
    void should_show_invisible_and_direction_changing_characters_as_escapes_in_table_blocks_and_page() throws IOException {
        Path report = hostile();

        Result table = harness.terminal(true, true, 300).run("fetch", "--input", report.toString(), "--format", "table");
        Result blocks = harness.run("fetch", "--input", report.toString(), "--format", "blocks");
        Path page = dir.resolve("page.html");
        Result html = harness.run("report", "--input", report.toString(), "-o", page.toString());

        for (Result result : new Result[] {table, blocks, html}) {
            assertEquals(0, result.exitCode(), result::toString);
        }
        for (String text : new String[] {table.out(), blocks.out(), Files.readString(page)}) {
            assertFalse(text.contains("\u200b") || text.contains("\u202e"), "an invisible or bidi character reached the output");
            assertTrue(text.contains("ad\\u200bmin\\u202egnp.exe"), "the name is shown with visible escapes");
        }
    }

    @Test
    void should_refuse_control_characters_in_an_s3_prefix() {
        Result result = harness.run("fetch", "--input", "-", "--output-dir", "s3://bucket-a/re\u001b[2Jports");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("an S3 prefix cannot hold control characters"), result.err());
        assertFalse(result.err().contains("\u001b"), result.err());
    }

    @Test
    void should_print_a_saved_path_escaped_like_other_untrusted_text() throws IOException {
        Path reports = dir.resolve("re\u001b[2Jports");

        Result result = harness.run("fetch", "--input", "src/sample/credential-report-123456789012-20261121T061502Z.csv", "--output-dir",
                reports.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.out().contains("\u001b"), result.out());
        assertTrue(result.out().startsWith(dir + "/re\\x1b[2Jports/credential-report-"), result.out());
    }
}

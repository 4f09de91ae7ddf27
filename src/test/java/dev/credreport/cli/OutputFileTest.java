package dev.credreport.cli;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.BOB;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o FILE from the command line: private, atomic, and untouched on failure. */
class OutputFileTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void should_write_the_report_to_a_private_file_and_nothing_to_stdout() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("out.csv");

        Result result = harness.run("fetch", "--input", input.toString(), "-o", output.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertEquals(SampleReports.standard(), Files.readString(output));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }

    @Test
    void should_default_to_csv_for_a_file_even_on_a_terminal() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("out.csv");

        Result result = harness.terminal(true, true, 80).run("fetch", "--input", input.toString(), "--output", output.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(SampleReports.standard(), Files.readString(output));
    }

    @Test
    void should_keep_the_previous_file_when_the_input_fails_midway() throws IOException {
        StringBuilder rows = new StringBuilder(report(ALICE));
        for (int i = 0; i < 2000; i++) {
            rows.append(BOB.replace("bob,ops", "bob" + i + ",ops")).append('\n');
        }
        rows.append(ALICE.replace(",true,2024-02-01", ",yes,2024-02-01")).append('\n');
        Path input = Files.writeString(dir.resolve("in.csv"), rows);
        Path output = Files.writeString(dir.resolve("out.txt"), "yesterday's report\n");

        Result result = harness.run("fetch", "--input", input.toString(), "--format", "blocks", "-o", output.toString());

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("credreport: line 2003, column access_key_1_active: 'yes' is not true or false\n", result.err());
        assertEquals("yesterday's report\n", Files.readString(output));
        assertEquals(List.of("in.csv", "out.txt"), files(), "no temporary file is left behind");
    }

    @Test
    void should_exit_8_for_a_missing_directory() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("no/such/dir/out.csv");

        Result result = harness.run("fetch", "--input", input.toString(), "-o", output.toString());

        assertEquals(8, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: cannot write " + output + ": directory "), result.err());
    }
}

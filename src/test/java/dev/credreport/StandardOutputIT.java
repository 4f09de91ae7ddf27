package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help and version written by the packaged launcher to a standard output that fails: a line and a code, no stack
 * trace; and a report written to a redirected standard output in one pass, taken back when a row is bad.
 */
class StandardOutputIT {
    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome shell(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script);
        builder.environment().put("CREDREPORT", System.getProperty("credreport.launcher"));
        builder.environment().put("CREDREPORT_CDS", "off");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return new Outcome(process.exitValue(), out, err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "help audit", "fetch --help", "audit --list-rules --format json"})
    void a_full_disk_is_exit_8_with_one_line(String args) throws Exception {
        Outcome outcome = shell("\"$CREDREPORT\" " + args + " > /dev/full");

        assertEquals(8, outcome.exitCode(), outcome.err());
        assertEquals(List.of("credreport: cannot write to standard output: No space left on device"), outcome.err().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "fetch --help", "help diff"})
    void a_reader_gone_is_exit_141_and_silent(String args) throws Exception {
        // The reader is gone before credreport writes: the same as | head after its lines.
        Outcome outcome = shell("exec 3>&1; { \"$CREDREPORT\" " + args + "; echo $? >&3; } | true");

        assertEquals("141\n", outcome.out(), outcome.err());
        assertEquals("", outcome.err());
    }

    @org.junit.jupiter.api.Test
    void a_bad_row_near_the_end_leaves_a_redirected_standard_output_as_it_was(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder csv = new StringBuilder(dev.credreport.support.SampleReports.HEADER).append('\n');
        for (int i = 0; i < 3000; i++) {
            csv.append(dev.credreport.support.SampleReports.ALICE.replace("alice", "user" + i)).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("good.csv"), csv);
        java.nio.file.Files.writeString(dir.resolve("bad.csv"),
                csv.append(dev.credreport.support.FakeOrganization.BAD_ROW).append('\n'));
        String run = "cd '" + dir + "' && echo kept > appended && ";

        Outcome outcome = shell(run + "\"$CREDREPORT\" fetch --input bad.csv --format blocks > out; echo $?; wc -c < out; "
                + "\"$CREDREPORT\" fetch --input bad.csv --format json >> appended; echo $?; cat appended; "
                + "\"$CREDREPORT\" fetch --input good.csv --format blocks > whole; echo $?; "
                + "\"$CREDREPORT\" fetch --input good.csv --format blocks | cmp - whole && echo same");

        assertEquals(List.of("7", "0", "7", "kept", "0", "same"), outcome.out().lines().toList(), outcome.err());
        assertEquals(2, outcome.err().lines().filter(line -> line.startsWith("credreport: ")).count(), outcome.err());
        assertEquals(true, java.nio.file.Files.size(dir.resolve("whole")) > 1 << 20, "a report larger than any buffer");
    }
}

package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help and version written by the packaged launcher to a standard output that fails: a line and a code, no stack trace. */
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
}

package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged launcher stopped by a signal half-way through writing -o: no temporary file is left.
 * A table of a large report keeps its temporary file open for seconds (it reads the report once
 * for the column widths, then writes), long enough to be caught in the act.
 */
class SignalsIT {
    @TempDir
    static Path shared;

    static Path large;

    @TempDir
    Path dir;

    @BeforeAll
    static void largeReport() throws IOException {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        for (int i = 0; i < 200_000; i++) {
            csv.append(SampleReports.ALICE.replace("alice", "user" + i)).append('\n');
        }
        large = Files.writeString(shared.resolve("large.csv"), csv);
    }

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void a_signal_during_the_write_removes_the_temporary_file(String signal, int exitCode) throws Exception {
        Path output = Files.writeString(dir.resolve("out.txt"), "yesterday's report\n");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("credreport.launcher"), "fetch", "--input", large.toString(),
                "--format", "table", "-o", output.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.log").toFile());
        builder.environment().put("CREDREPORT_CDS", "off");
        Process process = builder.start();

        boolean caught = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!caught && process.isAlive() && System.nanoTime() < deadline) {
            caught = files().stream().anyMatch(name -> name.startsWith(".out.txt.") && name.endsWith(".tmp"));
            if (!caught) {
                Thread.sleep(2);
            }
        }
        assertTrue(caught, "saw the temporary file while the run was writing");
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped by SIG" + signal);

        assertEquals(exitCode, process.exitValue(), Files.readString(dir.resolve("err.log")));
        assertEquals(List.of("err.log", "out.txt"), files(), "no temporary file is left behind");
        assertEquals("yesterday's report\n", Files.readString(output, StandardCharsets.UTF_8));
    }
}

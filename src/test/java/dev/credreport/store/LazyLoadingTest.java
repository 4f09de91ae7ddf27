package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that do not use S3 or Security Hub never load their classes (start-up time stays as it
 * is): checked in a fresh JVM with -verbose:class, since the test JVM has loaded everything.
 */
class LazyLoadingTest {
    @TempDir
    Path dir;

    static String loadedClasses(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), "dev.credreport.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int code = process.waitFor();
        String text = Files.readString(out);
        assertEquals(0, code, text.length() > 2000 ? text.substring(text.length() - 2000) : text);
        return text;
    }

    @Test
    void should_load_no_s3_or_security_hub_class_for_local_reports() throws Exception {
        Path report = dir.resolve("report.csv");
        Files.writeString(report, SampleReports.standard(), StandardCharsets.UTF_8);

        for (String[] args : List.of(
                new String[] {"fetch", "--input", report.toString(), "--format", "csv"},
                new String[] {"audit", "--input", report.toString(), "--format", "json", "--fail-on", "none"},
                new String[] {"diff", report.toString(), report.toString(), "--format", "csv"})) {
            String loaded = loadedClasses(dir, args);
            assertTrue(loaded.contains("dev.credreport.Main"), "the log lists classes");
            assertFalse(loaded.contains("software.amazon.awssdk.services.s3."), String.join(" ", args) + " loaded S3 classes");
            assertFalse(loaded.contains("software.amazon.awssdk.services.securityhub."),
                    String.join(" ", args) + " loaded Security Hub classes");
        }
    }
}

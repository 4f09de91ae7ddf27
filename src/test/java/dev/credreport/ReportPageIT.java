package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report from the packaged jar: the page's templates ship in it, and other commands never load them. */
class ReportPageIT {
    static final String SAMPLE = "src/sample/credential-report-123456789012-20261121T061502Z.csv";

    @TempDir
    Path dir;

    static String[] javaJar(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-jar", System.getProperty("credreport.jar")));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    @Test
    void should_write_the_page_from_the_packaged_jar() throws Exception {
        Path page = dir.resolve("iam.html");

        PackagedJarIT.Run run = PackagedJarIT.run(Map.of(), PackagedJarIT.javaJar("report", "--input", SAMPLE,
                "--history", "src/sample", "-o", page.toString()).toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"credreport-data\"") && html.contains("svc,deploy"), html);
    }

    @Test
    void should_not_load_the_template_engine_or_the_page_for_other_commands() throws Exception {
        for (String[] args : List.of(new String[] {"fetch", "--input", SAMPLE, "--format", "json"},
                new String[] {"audit", "--input", SAMPLE, "--fail-on", "none"}, new String[] {"--help"})) {
            PackagedJarIT.Run run = PackagedJarIT.run(Map.of(), javaJar(args));
            String loaded = run.outText();
            assertTrue(loaded.contains("dev.credreport.cli.CommandLineFactory"), "class loading is logged");
            assertFalse(loaded.contains("com.samskivert"), String.join(" ", args) + " loaded the template engine");
            assertFalse(loaded.contains("dev.credreport.render.html"), String.join(" ", args) + " loaded the page");
        }
        PackagedJarIT.Run report = PackagedJarIT.run(Map.of(), javaJar("report", "--input", SAMPLE, "-o",
                dir.resolve("p.html").toString()));
        assertTrue(report.outText().contains("com.samskivert.mustache.Mustache "), "and the page run does load it");
    }
}

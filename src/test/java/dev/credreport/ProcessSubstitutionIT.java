package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.PackagedJarIT.Run;
import dev.credreport.support.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher run by bash as users run it with a report piped in through process substitution
 * ({@code --input <(aws iam get-credential-report … | base64 -d)}: a pipe named /dev/fd/63), and
 * with standard input closed or endless.
 */
class ProcessSubstitutionIT {
    @TempDir
    Path dir;

    private Run bash(String script) throws Exception {
        return PackagedJarIT.run(Map.of("CREDREPORT", PackagedJarIT.launcher()), "bash", "-c", script);
    }

    private Path report(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void should_fetch_from_process_substitution() throws Exception {
        Path file = report("report.csv", SampleReports.standard());

        Run run = bash("\"$CREDREPORT\" fetch --input <(cat '" + file + "') --format csv");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(SampleReports.standard(), run.outText());
        assertEquals("", run.err());
    }

    @Test
    void should_audit_from_process_substitution() throws Exception {
        Path file = report("report.csv", SampleReports.standard());

        Run run = bash("\"$CREDREPORT\" audit --input <(cat '" + file + "') --format csv --fail-on none");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.outText().startsWith("severity,rule_id,"), run.outText());
        assertTrue(run.outText().contains("console-without-mfa"), run.outText());
    }

    @Test
    void should_diff_two_process_substitutions() throws Exception {
        Path old = report("old.csv", SampleReports.report(SampleReports.ROOT, SampleReports.ALICE));
        Path now = report("new.csv", SampleReports.standard());

        Run run = bash("\"$CREDREPORT\" diff <(cat '" + old + "') <(cat '" + now + "') --format csv --exit-code");

        assertEquals(3, run.exitCode(), "changes with --exit-code: " + run.err());
        assertTrue(run.outText().contains("carol"), run.outText());
        assertEquals("", run.err());
    }

    @Test
    void should_refuse_yes_on_standard_input_at_once() throws Exception {
        Run run = bash("yes a,b,c | \"$CREDREPORT\" fetch --input -");

        assertEquals(7, run.exitCode(), run.err());
        assertEquals("", run.outText());
        assertTrue(run.err().startsWith("credreport: standard input: line 1: not a credential report: its header starts 'a', "
                + "'b', 'c'; a credential report's starts user, arn, user_creation_time"), run.err());
    }

    @Test
    void should_say_that_standard_input_is_closed() throws Exception {
        Run launcher = bash("\"$CREDREPORT\" fetch --input - <&-");
        Run jar = bash("'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + PackagedJarIT.jar()
                + "' fetch --input - <&-");

        for (Run run : new Run[] {launcher, jar}) {
            assertEquals(7, run.exitCode(), run.err());
            assertEquals("credreport: cannot read standard input: it is closed: pipe a credential report into credreport, "
                    + "or give --input FILE\n", run.err());
        }
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text for people fits an 80-column terminal (issue 23, point 7): audit's findings, the rule
 * list, diff's table and fetch's table. Long values wrap under their own start; piped output
 * keeps its long lines.
 */
class EightyColumnsTest {
    static final String OLD = "src/sample/credential-report-123456789012-20261120T061502Z.csv";
    static final String NEW = "src/sample/credential-report-123456789012-20261121T061502Z.csv";

    @Test
    void should_fit_every_text_for_people_into_80_columns() {
        List<String[]> commands = List.of(
                new String[] {"audit", "--input", NEW, "--fail-on", "none"},
                new String[] {"audit", "--list-rules"},
                new String[] {"diff", OLD, NEW},
                new String[] {"fetch", "--input", NEW});
        for (String[] command : commands) {
            Result result = new CommandHarness().terminal(true, false, 80).run(command);

            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().lines().count() > 3, result::toString);
            for (String line : result.out().lines().toList()) {
                assertTrue(line.length() <= 80, String.join(" ", command) + ": " + line.length() + " columns: " + line);
            }
        }
    }

    @Test
    void should_wrap_a_long_value_under_its_own_start() {
        Result result = new CommandHarness().terminal(true, false, 80).run("audit", "--input", NEW, "--fail-on", "none");

        List<String> lines = result.out().lines().toList();
        int fix = lines.indexOf(lines.stream().filter(line -> line.startsWith("    fix:      ")
                && line.length() > 70).findFirst().orElseThrow(() -> new AssertionError(result.out())));
        assertTrue(lines.get(fix + 1).startsWith(" ".repeat(14)) && !lines.get(fix + 1).startsWith(" ".repeat(15)),
                "continued under the value: " + lines.get(fix + 1));
    }

    @Test
    void should_keep_piped_text_unwrapped() {
        Result piped = new CommandHarness().run("audit", "--input", NEW, "--format", "table", "--fail-on", "none");

        assertTrue(piped.out().lines().anyMatch(line -> line.length() > 80), "a pipe gets whole lines");
    }

    @Test
    void should_fit_piped_text_to_width_when_asked_and_refuse_a_width_too_narrow() {
        Result audit = new CommandHarness().run("audit", "--input", NEW, "--format", "table", "--fail-on", "none", "--width", "70");
        Result diff = new CommandHarness().run("diff", OLD, NEW, "--format", "table", "--width", "70");
        Result narrow = new CommandHarness().run("diff", OLD, NEW, "--width", "10");

        for (Result result : List.of(audit, diff)) {
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().lines().allMatch(line -> line.length() <= 70), result::toString);
        }
        assertEquals(2, narrow.exitCode(), narrow::toString);
        assertEquals("credreport: --width must be at least 20 columns\n", narrow.err());
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fix plan's table fits the terminal or --width as audit's does: every line within it, nothing of an action dropped;
 * it is printed with -o FILE and --quiet too.
 */
class FixPlanWidthTest {
    static final Instant OLD = Instant.parse("2023-01-01T00:00:00Z");

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers()
            .key("alice", "AKIAALICE00000000001", true, OLD, null)
            .key("bob", "AKIABOB0000000000001", true, OLD, Instant.parse("2024-05-31T00:00:00Z"))
            .password("carol", null);

    @TempDir
    Path dir;

    Path report;

    @BeforeEach
    void report() throws IOException {
        report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2023-01-01T00:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("bob").key(1, true, "2023-01-01T00:00:00+00:00", "2024-05-31T00:00:00+00:00") + "\n"
                + ReportRow.user("carol").password("N/A", "2023-01-01T00:00:00+00:00") + "\n");
    }

    private Result plan(boolean terminal, int columns, String... more) {
        List<String> args = new ArrayList<>(List.of("fix", "plan", "--input", report.toString(), "--endpoint-url",
                iam.endpoint()));
        args.addAll(List.of(more));
        return iam.harness().terminal(terminal, terminal, columns).run(args.toArray(String[]::new));
    }

    private static void assertFits(Result result, int width) {
        assertEquals(0, result.exitCode(), result::toString);
        for (String line : result.out().split("\n", -1)) {
            assertTrue(line.length() <= width, () -> line.length() + " columns, over " + width + ": " + line + "\n" + result);
            assertEquals(line.stripTrailing(), line, () -> "trailing space: '" + line + "'");
        }
    }

    /** Every word of the plan is shown, whatever the width: nothing a reviewer must read is dropped or cut. */
    private static void assertWhole(Result result) {
        String words = String.join(" ", result.out().split("\\s+"));
        for (String expected : List.of("deactivate-access-key", "AKIAALICE00000000001", "delete-login-profile",
                "console password of carol", "CANNOT BE UNDONE", "undo reactivates it", "123456789012",
                "password never used, set 2023-01-01", "iam-user-unused-credentials-check",
                "rotating it needs its application's owner", "2 action(s), 1 that cannot be undone")) {
            assertTrue(words.contains(expected), () -> expected + " missing from:\n" + result.out());
        }
        assertFalse(result.out().contains("\u2026"), result::toString);
        assertFalse(result.out().contains("hidden to fit"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 60})
    void the_plan_fits_the_terminal(int columns) {
        Result result = plan(true, columns);
        assertFits(result, columns);
        assertWhole(result);
    }

    /** Narrower than a word (a control id list's last one), the word is cut, and the plan says so. */
    @Test
    void a_word_too_wide_for_a_narrow_terminal_is_cut_and_said_so() {
        Result result = plan(true, 40);
        assertFits(result, 40);
        assertTrue(result.out().contains("…"), result::toString);
        assertTrue(String.join(" ", result.out().split("\\s+")).contains("(values ending in … were cut to fit 40 "
                + "columns; --wide shows them whole)"), result::toString);
    }

    @Test
    void width_fits_the_plan_printed_beside_the_file_and_into_a_pipe() throws IOException {
        Result beside = plan(false, 0, "--width", "60", "-o", dir.resolve("plan.json").toString());
        assertFits(beside, 60);
        assertWhole(beside);
        assertTrue(Files.readString(dir.resolve("plan.json")).contains("\"kind\""), beside::toString);

        // -o FILE takes the JSON; the plan printed for people still goes to the terminal, fitted to it.
        Result terminal = plan(true, 70, "-o", dir.resolve("again.json").toString());
        assertFits(terminal, 70);
        assertWhole(terminal);
    }

    @Test
    void a_table_is_kept_where_it_fits_and_with_wide() {
        Result roomy = plan(true, 400);
        assertEquals(0, roomy.exitCode(), roomy::toString);
        assertTrue(roomy.out().startsWith("#  ACTION"), roomy::toString);
        assertTrue(roomy.out().lines().anyMatch(line -> line.length() > 100), roomy::toString);

        Result wide = plan(true, 40, "--wide");
        assertEquals(0, wide.exitCode(), wide::toString);
        assertTrue(wide.out().startsWith("#  ACTION"), wide::toString);
        assertTrue(wide.out().lines().anyMatch(line -> line.length() > 100), wide::toString);

        Result pipe = plan(false, 0);
        assertEquals(roomy.out(), pipe.out());
    }

    @Test
    void quiet_quiets_standard_error_only_the_plan_is_printed() throws IOException {
        Path file = dir.resolve("quiet.json");
        Result quiet = plan(false, 0, "-o", file.toString(), "-q");
        Result loud = plan(false, 0, "-o", dir.resolve("loud.json").toString());
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertEquals(loud.out(), quiet.out());
        assertTrue(quiet.out().contains("delete-login-profile") && quiet.out().contains("2 action(s)"), quiet::toString);
        assertEquals("", quiet.err());
        assertTrue(Files.readString(file).contains("\"kind\""), quiet::toString);
    }

    @Test
    void width_is_checked_before_any_aws_call() {
        Result narrow = plan(false, 0, "--width", "5");
        assertEquals(2, narrow.exitCode(), narrow::toString);
        assertTrue(narrow.err().contains("--width must be at least 20 columns"), narrow::toString);
        Result both = plan(false, 0, "--width", "50", "--wide");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().contains("--wide and --width cannot be used together"), both::toString);
    }
}

package dev.credreport.cli;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.BOB;
import static dev.credreport.support.SampleReports.CAROL;
import static dev.credreport.support.SampleReports.ROOT;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs at narrow terminals (issue 23, point 7): a 64-character user name under a long
 * path, at 80 and 40 columns. No line is wider than the terminal, no word is broken in two, a
 * value cut short is said so with the way to see it whole (--wide), and --wide shows everything.
 */
class HostileWidthsTest {
    /** IAM's longest user name. */
    static final String NAME_64 = "svc-nightly-export-of-the-finance-data-warehouse-to-s3@example.c";
    static final String PATH = "/division-of-finance/team-of-data-platform/automated-services/";
    static final String LONG = ALICE.replace("alice,arn:aws:iam::123456789012:user/alice",
            NAME_64 + ",arn:aws:iam::123456789012:user" + PATH + NAME_64)
            .replace(",true,true,2024-02-01", ",false,true,2024-02-01");

    @TempDir
    Path dir;

    Path saved(String name, String csv) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    List<String[]> commands() throws IOException {
        Path older = saved("older.csv", report(ROOT, ALICE, BOB, CAROL));
        Path newer = saved("newer.csv", report(ROOT, ALICE, BOB, CAROL, LONG));
        return List.of(
                new String[] {"audit", "--input", newer.toString(), "--fail-on", "none", "--format", "table"},
                new String[] {"audit", "--list-rules", "--format", "table"},
                new String[] {"diff", older.toString(), newer.toString(), "--format", "table"},
                new String[] {"fetch", "--input", newer.toString(), "--format", "table"});
    }

    static String[] with(String[] command, String... more) {
        String[] all = Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }

    static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.split("\\s+")));
    }

    @Test
    void should_fit_80_and_40_columns_without_breaking_a_word_and_say_what_was_cut() throws IOException {
        assertEquals(64, NAME_64.length());
        for (String[] command : commands()) {
            Result wide = new CommandHarness().terminal(true, false, 40).run(with(command, "--wide"));
            assertEquals(0, wide.exitCode(), wide::toString);
            Set<String> whole = words(wide.out());
            // The title's shorter head at a narrow width: another word, not a word broken.
            whole.add("Account");
            for (int width : new int[] {80, 40}) {
                Result result = new CommandHarness().terminal(true, false, width).run(command);
                Result asked = new CommandHarness().run(with(command, "--width", Integer.toString(width)));
                String name = String.join(" ", command) + " at " + width;

                assertEquals(0, result.exitCode(), result::toString);
                assertEquals(result.out(), asked.out(), name + ": --width N is a terminal of N columns");
                for (String line : result.out().lines().toList()) {
                    assertTrue(line.length() <= width, name + ": " + line.length() + " columns: " + line);
                }
                boolean cut = false;
                String text = String.join(" ", result.out().lines().toList()).replaceAll(" +", " ")
                        .replaceAll("\\(hidden to fit \\d+ columns: [^)]*\\)", "")
                        .replaceAll("\\(values ending in … were cut to fit \\d+ columns; --wide shows them whole\\)", "");
                for (String word : words(text)) {
                    if (word.endsWith("\u2026")) {
                        cut = true;
                    } else {
                        assertTrue(whole.contains(word), name + ": '" + word + "' is no whole word of the wide output\n"
                                + result.out());
                    }
                }
                assertEquals(cut, result.out().contains("--wide shows them whole"), name + ": a cut is said so\n" + result.out());
            }
        }
    }

    @Test
    void should_show_every_column_and_value_whole_with_wide() throws IOException {
        for (String[] command : commands()) {
            Result wide = new CommandHarness().terminal(true, false, 40).run(with(command, "--wide"));

            assertFalse(wide.out().contains("\u2026"), wide::toString);
            assertFalse(wide.out().contains("hidden to fit"), wide::toString);
            if (!command[1].equals("--list-rules")) {
                assertTrue(wide.out().contains(NAME_64), wide::toString);
            }
        }
        Result fetch = new CommandHarness().terminal(true, false, 40).run(with(commands().get(3), "--wide"));
        String header = fetch.out().lines().skip(1).findFirst().orElseThrow();
        assertEquals(List.of("USER", "CREATED", "PASSWORD", "PASSWORD USED", "MFA", "KEY 1", "KEY 1 USED", "KEY 2",
                "KEY 2 USED", "CERTS"), List.of(header.split(" {2,}")));
    }

    @Test
    void should_cut_the_long_name_at_40_columns_and_say_so() throws IOException {
        Result audit = new CommandHarness().terminal(true, false, 40).run(commands().get(0));

        assertFalse(audit.out().contains(NAME_64), audit::toString);
        assertTrue(audit.out().contains(NAME_64.substring(0, 20)), audit::toString);
        assertTrue(audit.out().contains("(values ending in \u2026 were cut to fit 40"), audit::toString);
    }

    @Test
    void should_drop_columns_in_the_order_help_documents() throws IOException {
        List<String> order = List.of("CERTS", "CREATED", "KEY 2 USED", "KEY 2", "PASSWORD", "KEY 1 USED", "PASSWORD USED",
                "KEY 1", "MFA");
        Path file = saved("report.csv", report(ROOT, ALICE, BOB, CAROL));
        List<String> seen = new ArrayList<>();
        for (int width = 120; width >= 20; width -= 2) {
            Result result = new CommandHarness().run("fetch", "--input", file.toString(), "--format", "table",
                    "--width", Integer.toString(width));
            String out = result.out().replace("\n", " ").replaceAll(" +", " ");
            int start = out.indexOf("(hidden to fit ");
            List<String> hidden = start < 0 ? List.of()
                    : List.of(out.substring(out.indexOf(": ", start) + 2, out.indexOf("; --wide", start)).split(", "));
            assertEquals(order.subList(0, hidden.size()), hidden, "at " + width);
            seen = hidden;
        }
        assertEquals(order.subList(0, 8), seen, "at 20 columns USER and MFA are left");
        String help = new CommandHarness().run("fetch", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--wide"), help);
        String documented = WidthOption.DROP_ORDER;
        int at = -1;
        for (String column : order) {
            int next = documented.indexOf(column.equals("KEY 2") ? "KEY 2 (" : column + (column.equals("MFA") ? ";" : ","), at + 1);
            assertTrue(next > at, column + " in its place in: " + documented);
            at = next;
        }
        assertTrue(help.contains("drops CERTS"), help);
    }

    @Test
    void should_refuse_wide_with_width() {
        Result result = new CommandHarness().run("fetch", "--input", "x.csv", "--wide", "--width", "80");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: --wide and --width cannot be used together"), result::toString);
    }
}

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table at a terminal's width: long names are cut before columns are hidden (issue 9, point 22). */
class TableWidthTest {
    static final String NAME_57 = "a-very-long-service-user-name-for-the-nightly-export-x@ex";

    @TempDir
    Path dir;

    Path saved(String name, String csv) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    static List<String> header(Result result) {
        return List.of(result.out().lines().skip(1).findFirst().orElseThrow().split(" {2,}"));
    }

    @Test
    void should_cut_a_57_character_name_before_hiding_columns_at_80() throws IOException {
        assertEquals(57, NAME_57.length());
        Path file = saved("report.csv", report(ROOT, ALICE.replace("alice,arn", NAME_57 + ",arn"), BOB, CAROL));
        Path shortNames = saved("short.csv", report(ROOT, ALICE, BOB, CAROL));

        Result result = new CommandHarness().terminal(true, false, 80).run("fetch", "--input", file.toString());
        Result usual = new CommandHarness().terminal(true, false, 80).run("fetch", "--input", shortNames.toString());

        assertEquals(0, result.exitCode(), result::toString);
        for (String line : result.out().lines().toList()) {
            assertTrue(line.length() <= 80, "longer than 80: " + line);
        }
        assertEquals(header(usual).size(), header(result).size(), result + "\n" + usual);
        assertTrue(header(result).containsAll(List.of("USER", "PASSWORD USED", "MFA", "KEY 1", "KEY 1 USED")), result::toString);
        String row = result.out().lines().filter(line -> line.startsWith("a-very-long")).findFirst().orElseThrow();
        assertTrue(row.matches("a-very-long-servic[-a-z]*\u2026 .*"), row);
        assertFalse(result.out().contains(NAME_57), result::toString);
    }

    @Test
    void should_wrap_the_line_naming_the_hidden_columns_rather_than_cut_it() throws IOException {
        Path file = saved("report.csv", report(ROOT, ALICE, BOB, CAROL));

        Result result = new CommandHarness().run("fetch", "--input", file.toString(), "--format", "table", "--width", "40");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("(hidden to fit 40 columns: ")).findFirst()
                .orElseThrow());
        String note = String.join(" ", lines.subList(start, lines.size())).replaceAll(" +", " ");
        assertTrue(note.endsWith("; --wide shows every column)"), note);
        for (String column : List.of("CERTS", "CREATED", "KEY 2 USED", "KEY 2", "PASSWORD")) {
            assertTrue(note.contains(column), column + " in " + note);
        }
        assertEquals("Account 123456789012, 4 users", lines.get(0));
        for (String line : lines) {
            assertTrue(line.length() <= 40, "longer than 40: " + line);
        }
    }

    @Test
    void should_keep_the_user_count_in_a_title_too_long_for_the_width() throws IOException {
        Path deep = Files.createDirectories(dir.resolve("reports-of-the-production-organisation").resolve("account-123456789012"));
        Path file = deep.resolve("iam-credential-report-of-the-production-organisation-2024-06-01.csv");
        Files.writeString(file, report(ROOT, ALICE, BOB, CAROL), StandardCharsets.UTF_8);

        Result result = new CommandHarness().run("fetch", "--input", file.toString(), "--format", "table", "--width", "80");

        assertEquals(0, result.exitCode(), result::toString);
        String title = result.out().lines().findFirst().orElseThrow();
        assertTrue(title.length() <= 80, title);
        assertTrue(title.startsWith("Credential report of account 123456789012, from "), title);
        assertTrue(title.endsWith("\u2026, 4 users"), title);
    }

    @Test
    void should_never_hide_the_column_of_an_active_second_key() throws IOException {
        // Carol with two active keys: the second is what an auditor looks for (issue 23, point 7).
        String twoKeys = CAROL.replace(",false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,",
                ",false,true,2023-03-04T00:00:00+00:00,N/A,N/A,N/A,true,2024-01-01T00:00:00+00:00,N/A,N/A,N/A,");
        Path withKey2 = saved("two-keys.csv", report(ROOT, ALICE, BOB, twoKeys));
        Path without = saved("one-key.csv", report(ROOT, ALICE, BOB, CAROL));

        Result result = new CommandHarness().terminal(true, false, 60).run("fetch", "--input", withKey2.toString());
        Result usual = new CommandHarness().terminal(true, false, 60).run("fetch", "--input", without.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(header(result).contains("KEY 2"), result::toString);
        assertFalse(header(usual).contains("KEY 2"), "at 60 columns KEY 2 is dropped when no user has a second key: " + usual);
    }

    @Test
    void should_keep_how_old_the_report_is_in_the_title_at_80_columns() {
        // The staleness is what the reader needs most: the words go first ("Account X"), the age stays.
        Result result = new CommandHarness().terminal(true, false, 80)
                .run("fetch", "--input", "src/sample/credential-report-123456789012-20261121T061502Z.csv");

        assertEquals(0, result.exitCode(), result::toString);
        String title = result.out().lines().findFirst().orElseThrow();
        assertTrue(title.length() <= 80, title);
        assertTrue(title.matches("Account 123456789012, generated 2026-11-21 06:15 UTC \\((.* ago|in .*)\\), \\d+ users"), title);
    }
}

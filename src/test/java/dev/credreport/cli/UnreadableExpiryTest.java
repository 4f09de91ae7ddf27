package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An expiry that is no date counts as expired, and every command that reads the file says so, with the line and the value. */
class UnreadableExpiryTest {
    /** The harness's clock stands at 2024-06-01. */
    static final String FILE = """
            exceptions:
              - {rule: IAM.5, user: a, reason: r, expires: next tuesday}
              - {rule: IAM.5, user: b, reason: r, expires: 2024-02-30}
              - {rule: IAM.5, user: c, reason: r, expires: '20240131'}
              - {rule: IAM.5, user: d, reason: r, expires: "bad\\e[31m"}
              - {rule: IAM.5, user: e, reason: r, expires: '2024-12-31T10:00:00Z'}
            """;

    @TempDir
    Path dir;

    Path report;
    Path exceptions;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void save() throws IOException {
        report = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        exceptions = Files.writeString(dir.resolve("exceptions.yaml"), FILE);
    }

    @Test
    void check_lists_each_unreadable_date_as_counting_as_expired_and_takes_a_timestamps_date() {
        Result result = harness.run("exceptions", "check", exceptions.toString(), "--input", report.toString(),
                "--as-of", "2024-06-01");
        assertEquals(0, result.exitCode(), result::toString);
        for (int line = 2; line <= 5; line++) {
            assertTrue(result.out().contains("line " + line + ": unreadable date, counts as expired: IAM.5"), result.out());
        }
        assertTrue(result.out().contains("expires next tuesday"), result.out());
        assertFalse(result.out().contains("\u001b"), "escaped: " + result.out());
        assertTrue(result.out().contains("line 6: stale: IAM.5 for e, expires 2024-12-31T10:00:00Z"), result.out());
        assertTrue(result.out().contains("4 expired (4 with an unreadable date)"), result.out());
    }

    @Test
    void audit_and_report_note_the_line_and_the_value() {
        Result audit = harness.run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--format", "csv",
                "--exceptions", exceptions.toString());
        Result page = harness.run("report", "--input", report.toString(), "--as-of", "2024-06-01",
                "--exceptions", exceptions.toString(), "-o", dir.resolve("page.html").toString());
        assertEquals(0, page.exitCode(), page::toString);
        for (Result result : new Result[] {audit, page}) {
            assertTrue(result.err().contains("line 2: expires 'next tuesday' is not a date (YYYY-MM-DD), so it counts as expired"),
                    result.err());
            assertTrue(result.err().contains("line 3: expires '2024-02-30' is not a date"), result.err());
            assertTrue(result.err().contains("line 4: expires '20240131' is not a date"), result.err());
            assertTrue(result.err().contains("line 5: expires 'bad\\e[31m' is not a date")
                    || result.err().contains("line 5: expires 'bad"), result.err());
            assertFalse(result.err().contains("\u001b"), "escaped: " + result.err());
            assertFalse(result.err().contains("line 6: expires"), result.err());
        }
    }
}

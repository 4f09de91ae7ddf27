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
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary line of fix apply says "(dry run)" in a dry run only. */
class FixSummaryTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("alice", "AKIAALICE00000000001", true, CREATED, null);

    @TempDir
    Path dir;

    @Test
    void a_real_apply_does_not_say_dry_run_and_a_dry_run_does() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n");
        Path plan = dir.resolve("plan.json");
        assertEquals(0, iam.run("fix", "plan", "--input", report.toString(), "-o", plan.toString()).exitCode());

        Result dry = iam.run("fix", "apply", plan.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.err().contains("1 checked (dry run), 0 skipped"), dry::toString);

        Result real = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(0, real.exitCode(), real::toString);
        assertTrue(real.err().contains("1 done, 0 skipped"), real::toString);
        assertFalse(real.err().contains("dry run"), real::toString);
    }
}

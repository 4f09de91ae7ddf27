package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The result of a real apply (and its undo plan) is never overwritten: a dry run writes its own file, and an apply
 * whose result file holds done actions, or is the plan, is refused before any AWS call.
 */
class FixResultFileTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final String KEY = "AKIAALICE00000000001";

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("alice", KEY, true, CREATED, null);

    @TempDir
    Path dir;

    Path planned() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n");
        Path plan = dir.resolve("plan.json");
        Result result = iam.run("fix", "plan", "--input", report.toString(), "-o", plan.toString());
        assertEquals(0, result.exitCode(), result::toString);
        return plan;
    }

    @Test
    void a_second_apply_or_dry_run_keeps_the_first_result_and_its_undo_plan() throws IOException {
        Path plan = planned();
        Result first = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(0, first.exitCode(), first::toString);
        Path resultFile = dir.resolve("plan.result.json");
        String kept = Files.readString(resultFile);
        assertTrue(kept.contains("activate-access-key"), kept);

        Result dry = iam.run("fix", "apply", plan.toString(), "--dry-run");
        assertEquals(10, dry.exitCode(), dry::toString);
        assertTrue(Files.exists(dir.resolve("plan.dry-run.json")), dry::toString);
        assertEquals(kept, Files.readString(resultFile), "the dry run wrote its own file");

        int requests = iam.server().requests().size();
        Result again = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(2, again.exitCode(), again::toString);
        assertTrue(again.err().contains("--result NEWFILE"), again::toString);
        assertEquals(kept, Files.readString(resultFile));
        assertEquals(requests, iam.server().requests().size(), "refused before any AWS call");

        Result undoTwice = iam.run("fix", "undo", resultFile.toString(), "--yes");
        assertEquals(0, undoTwice.exitCode(), undoTwice::toString);
        Result undoAgain = iam.run("fix", "undo", resultFile.toString(), "--yes");
        assertEquals(2, undoAgain.exitCode(), undoAgain::toString);

        Result elsewhere = iam.run("fix", "apply", plan.toString(), "--yes", "--result", dir.resolve("second.json").toString());
        assertEquals(0, elsewhere.exitCode(), elsewhere::toString);
        assertEquals(kept, Files.readString(resultFile));
    }

    @Test
    void the_result_file_may_not_be_the_plan() throws IOException {
        Path plan = planned();
        String before = Files.readString(plan);

        Result refused = iam.run("fix", "apply", plan.toString(), "--yes", "--result", plan.toString());

        assertEquals(2, refused.exitCode(), refused::toString);
        assertEquals(before, Files.readString(plan));
        assertEquals(List.of(), iam.changes());
    }
}

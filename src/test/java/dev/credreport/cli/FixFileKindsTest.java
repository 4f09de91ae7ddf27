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

/** fix undo takes only a result file and runs only its reactivations; fix apply takes only a plan. */
class FixFileKindsTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final String KEY = "AKIAALICE00000000001";

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("alice", KEY, true, CREATED, null).password("carol", CREATED);

    @TempDir
    Path dir;

    Path planned() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("carol").password("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00") + "\n");
        Path plan = dir.resolve("plan.json");
        Result result = iam.run("fix", "plan", "--input", report.toString(), "-o", plan.toString());
        assertEquals(0, result.exitCode(), result::toString);
        return plan;
    }

    static void oneLineNaming(Result result, String what) {
        String error = result.err().strip();
        assertFalse(error.contains("\n"), error);
        assertTrue(error.contains(what), error);
    }

    @Test
    void undo_of_a_plan_is_refused_and_changes_nothing() throws IOException {
        Path plan = planned();

        Result undone = iam.run("fix", "undo", plan.toString(), "--yes");

        assertEquals(2, undone.exitCode(), undone::toString);
        oneLineNaming(undone, "fix apply");
        assertEquals(List.of(), iam.changes());
    }

    @Test
    void apply_of_a_result_is_refused_and_changes_nothing_more() throws IOException {
        Path plan = planned();
        Result applied = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(0, applied.exitCode(), applied::toString);
        int changes = iam.changes().size();

        Result again = iam.run("fix", "apply", dir.resolve("plan.result.json").toString(), "--yes", "--result",
                dir.resolve("other.json").toString());

        assertEquals(2, again.exitCode(), again::toString);
        oneLineNaming(again, "fix undo");
        assertEquals(changes, iam.changes().size());
        assertTrue(iam.keyActive("alice", KEY) == false);
    }

    @Test
    void undo_runs_nothing_but_reactivations() throws IOException {
        Path plan = planned();
        assertEquals(0, iam.run("fix", "apply", plan.toString(), "--yes").exitCode());
        Path result = dir.resolve("plan.result.json");
        // An undo plan edited to hold a deletion: refused whole.
        String text = Files.readString(result);
        int undo = text.indexOf("\"undo\"");
        Files.writeString(result, text.substring(0, undo) + text.substring(undo).replace("\"activate-access-key\"",
                "\"delete-access-key\""));
        int changes = iam.changes().size();

        Result undone = iam.run("fix", "undo", result.toString(), "--yes");

        assertEquals(2, undone.exitCode(), undone::toString);
        oneLineNaming(undone, "delete-access-key");
        assertEquals(changes, iam.changes().size());
    }
}

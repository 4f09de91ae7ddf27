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

/** A plan or result naming two actions by one id is refused as invalid, before any change, naming the id. */
class FixDuplicateIdsTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("alice", "AKIAALICE00000000001", true, CREATED, null)
            .key("bob", "AKIABOB0000000000001", true, CREATED, null);

    @TempDir
    Path dir;

    private Path planned() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("bob").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n");
        Path plan = dir.resolve("plan.json");
        Result result = iam.run("fix", "plan", "--input", report.toString(), "-o", plan.toString());
        assertEquals(0, result.exitCode(), result::toString);
        return plan;
    }

    private static void assertRefused(Result result, String file) {
        assertEquals(7, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().contains(file + " is not a valid fix plan: action id 1 is given to more than one action"),
                result::toString);
    }

    /** The JSON with action 2's id made 1, as a hand edit might. */
    private static String secondIdAsFirst(String json) {
        assertTrue(json.matches("(?s).*\"id\"\\s*:\\s*2\\b.*"), json);
        return json.replaceAll("\"id\"\\s*:\\s*2\\b", "\"id\": 1");
    }

    @Test
    void apply_refuses_a_plan_with_two_actions_of_one_id() throws IOException {
        Path plan = planned();
        Files.writeString(plan, secondIdAsFirst(Files.readString(plan)));

        Result applied = iam.run("fix", "apply", plan.toString(), "--yes");

        assertRefused(applied, plan.toString());
        assertEquals(List.of(), iam.changes(), applied::toString);
        assertFalse(Files.exists(dir.resolve("plan.result.json")), applied::toString);
    }

    @Test
    void undo_refuses_a_result_whose_undo_plan_has_two_actions_of_one_id() throws IOException {
        Result applied = iam.run("fix", "apply", planned().toString(), "--yes");
        assertEquals(0, applied.exitCode(), applied::toString);
        Path result = dir.resolve("plan.result.json");
        String json = Files.readString(result);
        // Only the undo plan's ids: the outcomes before it keep theirs.
        int undo = json.indexOf("\"undo\"");
        assertTrue(undo > 0, json);
        Files.writeString(result, json.substring(0, undo) + secondIdAsFirst(json.substring(undo)));
        int changes = iam.changes().size();

        Result undone = iam.run("fix", "undo", result.toString(), "--yes");

        assertRefused(undone, result.toString());
        assertEquals(changes, iam.changes().size(), undone::toString);
    }
}

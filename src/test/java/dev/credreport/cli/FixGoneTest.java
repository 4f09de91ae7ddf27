package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Outcome;
import dev.credreport.fix.PlanJson;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential gone between plan and apply (its user deleted, its password deleted by hand) is skipped with the reason,
 * exit 10, and the apply goes on; the dry run re-checks the password exists too.
 */
class FixGoneTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final String ALICE_KEY = "AKIAALICE00000000001";
    static final String ERIN_KEY = "AKIAERIN000000000001";

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("alice", ALICE_KEY, true, CREATED, null).password("carol", CREATED)
            .key("erin", ERIN_KEY, true, CREATED, null);

    @TempDir
    Path dir;

    static Map<String, Outcome> outcomes(Path result) throws IOException {
        try (Reader reader = Files.newBufferedReader(result)) {
            return PlanJson.readOutcomes(reader, "result").stream().collect(Collectors.toMap(
                    outcome -> outcome.action().user(), outcome -> outcome));
        }
    }

    @Test
    void gone_credentials_are_skipped_with_the_reason_and_the_rest_applied() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("carol").password("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00") + "\n"
                + ReportRow.user("erin").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n");
        Path plan = dir.resolve("plan.json");
        Result planned = iam.run("fix", "plan", "--input", report.toString(), "-o", plan.toString());
        assertEquals(0, planned.exitCode(), planned::toString);
        iam.removeUser("alice").removePassword("carol");

        Result dry = iam.run("fix", "apply", plan.toString(), "--dry-run");
        assertEquals(10, dry.exitCode(), dry::toString);
        Map<String, Outcome> checked = outcomes(dir.resolve("plan.dry-run.json"));
        assertEquals(Outcome.State.SKIPPED, checked.get("carol").state(), checked::toString);
        assertTrue(checked.get("carol").why().contains("no longer exists"), checked::toString);
        assertEquals(Outcome.State.SKIPPED, checked.get("alice").state(), checked::toString);
        assertEquals(Outcome.State.CHECKED, checked.get("erin").state(), checked::toString);

        Result applied = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(10, applied.exitCode(), applied::toString);
        Map<String, Outcome> done = outcomes(dir.resolve("plan.result.json"));
        assertEquals(Outcome.State.SKIPPED, done.get("alice").state(), done::toString);
        assertTrue(done.get("alice").why().contains("NoSuchEntity"), done::toString);
        assertEquals(Outcome.State.SKIPPED, done.get("carol").state(), done::toString);
        assertEquals(Outcome.State.DONE, done.get("erin").state(), done::toString);
        assertEquals(List.of("UpdateAccessKey " + ERIN_KEY + " Inactive"), iam.changes("UpdateAccessKey"), applied::toString);
        assertTrue(applied.out().contains("skipped") && applied.out().contains("done"), applied::toString);
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Outcome;
import dev.credreport.fix.PlanJson;
import dev.credreport.support.CommandHarness;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fix plan and apply against an IAM that throttles: every call of fix goes through the run's throttle and the
 * SDK's retries, as a fetch's calls do, so throttling slows plan and apply down (in fake time) and never fails
 * them, and every action is still made exactly once.
 */
class FixThrottlingTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    static final String ALICE_KEY = "AKIAALICE00000000001";
    static final String BOB_KEY = "AKIABOB0000000000001";
    static final String DAVE_KEY = "AKIADAVE000000000001";
    /** More than the SDK's three attempts: only the run's throttle gets a call through. */
    static final int THROTTLES = 5;

    final FakeIamUsers iam = new FakeIamUsers()
            .key("alice", ALICE_KEY, true, CREATED, null)
            .key("bob", BOB_KEY, true, CREATED.plusSeconds(3600), null)
            .password("carol", CREATED)
            // Deactivated by credreport 61 days before the harness's now: past the quarantine, so deleted.
            .key("dave", DAVE_KEY, false, CREATED.plusSeconds(7200), null)
            .tag("dave", "credreport-deactivated-" + DAVE_KEY, "2024-04-01T00:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        iam.close();
    }

    Path report() throws IOException {
        return Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("alice").key(1, true, "2024-01-01T00:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("bob").key(1, true, "2024-01-01T01:00:00+00:00", "N/A") + "\n"
                + ReportRow.user("carol").password("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00") + "\n"
                + ReportRow.user("dave").key(1, false, "2024-01-01T02:00:00+00:00", "N/A") + "\n");
    }

    static List<String> sorted(List<String> changes) {
        return changes.stream().sorted().toList();
    }

    @Test
    void plan_and_apply_go_through_the_run_throttle_and_make_each_action_once() throws IOException {
        iam.throttle(THROTTLES, "ListAccessKeys", "GetAccessKeyLastUsed", "ListUserTags");
        Path plan = dir.resolve("plan.json");
        CommandHarness harness = new CommandHarness().variable("AWS_ENDPOINT_URL_STS", iam.endpoint());

        Result planned = harness.run("fix", "plan", "--input", report().toString(), "--endpoint-url", iam.endpoint(),
                "-o", plan.toString());

        assertEquals(0, planned.exitCode(), planned::toString);
        assertEquals(3 * THROTTLES, iam.throttled(), "every throttled answer was waited out");
        try (Reader reader = Files.newBufferedReader(plan)) {
            assertEquals(4, PlanJson.readPlan(reader, "plan").actions().size(), planned::toString);
        }

        // Apply: its re-checks and its writes are throttled too.
        List<String> calls = List.of("ListAccessKeys", "GetAccessKeyLastUsed", "ListUserTags", "GetUser", "UpdateAccessKey",
                "TagUser", "DeleteLoginProfile", "DeleteAccessKey", "UntagUser");
        iam.throttle(THROTTLES, calls.toArray(String[]::new));
        Result applied = harness.run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(3 * THROTTLES + calls.size() * THROTTLES, iam.throttled());
        assertEquals(sorted(List.of("UpdateAccessKey " + ALICE_KEY + " Inactive", "TagUser alice credreport-deactivated-" + ALICE_KEY,
                "UpdateAccessKey " + BOB_KEY + " Inactive", "TagUser bob credreport-deactivated-" + BOB_KEY,
                "DeleteLoginProfile carol", "DeleteAccessKey " + DAVE_KEY, "UntagUser dave credreport-deactivated-" + DAVE_KEY)),
                sorted(iam.changes()), "each action once");
        try (Reader reader = Files.newBufferedReader(dir.resolve("plan.result.json"))) {
            assertEquals(List.of(Outcome.State.DONE, Outcome.State.DONE, Outcome.State.DONE, Outcome.State.DONE),
                    PlanJson.readOutcomes(reader, "result").stream().map(Outcome::state).toList());
        }
        assertTrue(harness.time().slept().toMillis() > 0, "the throttled calls waited, in fake time");
    }

    @Test
    void a_call_throttled_past_the_patience_fails_the_apply_with_exit_6_and_is_recorded() throws IOException {
        Path plan = dir.resolve("plan.json");
        CommandHarness harness = new CommandHarness().variable("AWS_ENDPOINT_URL_STS", iam.endpoint());
        assertEquals(0, harness.run("fix", "plan", "--input", report().toString(), "--endpoint-url", iam.endpoint(),
                "-o", plan.toString()).exitCode());
        iam.throttle(Integer.MAX_VALUE, "UpdateAccessKey");

        Result applied = harness.run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

        assertEquals(6, applied.exitCode(), applied::toString);
        assertTrue(applied.err().contains("still throttled") && applied.err().contains("--throttle-patience"), applied::toString);
        assertEquals(List.of(), iam.changes("UpdateAccessKey"));
        try (Reader reader = Files.newBufferedReader(dir.resolve("plan.result.json"))) {
            Outcome failed = PlanJson.readOutcomes(reader, "result").stream()
                    .filter(outcome -> outcome.state() == Outcome.State.FAILED).findFirst().orElseThrow();
            assertEquals(ALICE_KEY, failed.action().accessKeyId());
        }
    }
}

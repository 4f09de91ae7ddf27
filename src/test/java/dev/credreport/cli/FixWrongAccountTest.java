package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fix apply acts only in the plan's account: with credentials of another account (STS GetCallerIdentity says so) it
 * refuses before any change, naming both accounts and what to do.
 */
class FixWrongAccountTest {
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    final FakeIamUsers iam = new FakeIamUsers().password("carol", CREATED);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        iam.close();
    }

    CommandHarness harness() {
        return new CommandHarness().variable("AWS_ENDPOINT_URL_STS", iam.endpoint());
    }

    Path plan() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("carol").password("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00") + "\n");
        Path plan = dir.resolve("plan.json");
        Result planned = harness().run("fix", "plan", "--input", report.toString(), "--endpoint-url", iam.endpoint(),
                "-o", plan.toString());
        assertEquals(0, planned.exitCode(), planned::toString);
        assertTrue(Files.readString(plan).contains("\"account\" : \"" + FakeIamUsers.ACCOUNT + "\""), Files.readString(plan));
        return plan;
    }

    @Test
    void credentials_of_another_account_are_refused_before_any_change() throws IOException {
        Path plan = plan();
        iam.callerAccount("999999999999");

        Result applied = harness().run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

        assertEquals(2, applied.exitCode(), applied::toString);
        assertEquals(List.of(), iam.changes(), applied::toString);
        String error = applied.err().strip();
        assertFalse(error.contains("\n"), "one line: " + error);
        assertTrue(error.contains(FakeIamUsers.ACCOUNT) && error.contains("999999999999") && error.contains("--profile")
                && error.contains("--role-name"), error);
        assertEquals(List.of(), iam.server().requests().stream().map(request -> request.action())
                .filter(action -> !action.equals("GetCallerIdentity")).toList(), "no IAM call at all");
    }

    @Test
    void a_plan_edited_to_another_account_is_refused_too() throws IOException {
        Path plan = plan();
        Files.writeString(plan, Files.readString(plan).replace(FakeIamUsers.ACCOUNT, "999999999999"));

        Result applied = harness().run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

        assertEquals(2, applied.exitCode(), applied::toString);
        assertEquals(List.of(), iam.changes(), applied::toString);
    }

    @Test
    void credentials_of_the_plans_account_act() throws IOException {
        Path plan = plan();

        Result applied = harness().run("fix", "apply", plan.toString(), "--yes", "--endpoint-url", iam.endpoint());

        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(List.of("DeleteLoginProfile carol"), iam.changes(), applied::toString);
    }
}

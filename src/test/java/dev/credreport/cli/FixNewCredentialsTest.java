package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Outcome;
import dev.credreport.fix.Plan;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential created or set within --min-idle of the real clock is never planned nor applied, whatever --as-of:
 * --as-of in the future makes it look unused, but it has had no time to be used.
 */
class FixNewCredentialsTest {
    static final Instant NOW = CommandHarness.NOW;
    static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant JUST_NOW = NOW.minus(Duration.ofMinutes(1));

    @AutoClose
    final FakeIamUsers iam = new FakeIamUsers().key("newkey", "AKIANEW0000000000001", true, JUST_NOW, null)
            .password("newpass", null).passwordCreated("newpass", JUST_NOW)
            .password("oldpass", null);

    @TempDir
    Path dir;

    static Plan read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return PlanJson.readPlan(reader, "plan");
        }
    }

    @Test
    void plan_as_of_the_future_leaves_out_what_was_created_or_set_within_min_idle() throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.HEADER + "\n"
                + ReportRow.user("newkey").key(1, true, JUST_NOW.toString().replace("Z", "+00:00"), "N/A") + "\n"
                + ReportRow.user("newpass").password("N/A", JUST_NOW.toString().replace("Z", "+00:00")) + "\n"
                + ReportRow.user("oldpass").password("N/A", "2024-01-01T00:00:00+00:00") + "\n");
        Path plan = dir.resolve("plan.json");

        Result planned = iam.run("fix", "plan", "--input", report.toString(), "--as-of", NOW.plus(Duration.ofDays(400)).toString(),
                "-o", plan.toString());

        assertEquals(0, planned.exitCode(), planned::toString);
        Plan read = read(plan);
        assertEquals(List.of("oldpass"), read.actions().stream().map(action -> action.user()).toList(), planned::toString);
        String steps = String.join("\n", read.manualSteps());
        assertTrue(steps.contains("newkey") && steps.contains("newpass") && steps.contains("within --min-idle"), steps);

        // The old password is set anew between plan and apply: the apply skips it.
        iam.passwordCreated("oldpass", JUST_NOW);
        Result applied = iam.run("fix", "apply", plan.toString(), "--yes");
        assertEquals(10, applied.exitCode(), applied::toString);
        assertEquals(List.of(), iam.changes(), applied::toString);
        try (Reader reader = Files.newBufferedReader(dir.resolve("plan.result.json"))) {
            Outcome outcome = PlanJson.readOutcomes(reader, "result").get(0);
            assertEquals(Outcome.State.SKIPPED, outcome.state());
            assertTrue(outcome.why().contains("within --min-idle"), outcome::toString);
        }
    }
}

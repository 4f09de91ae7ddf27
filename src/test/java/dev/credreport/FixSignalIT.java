package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.fix.Outcome;
import dev.credreport.fix.PlanJson;
import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.FixProcess;
import dev.credreport.support.TestFiles;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a real {@code fix apply} (a process of its own, against a slow IAM): the action in
 * hand finishes and is recorded, no other begins, and the result file is whole JSON naming every action done and
 * every one not started; the process exits 143 (128 + SIGTERM), as the man page says.
 */
class FixSignalIT {
    static final int ACTIONS = 5;

    @TempDir
    Path dir;

    @Test
    void sigterm_mid_apply_leaves_a_whole_result_naming_what_was_done_and_what_was_not() throws Exception {
        try (FakeIamUsers iam = FixProcess.users(ACTIONS).slow("UpdateAccessKey", Duration.ofMillis(1500))) {
            Path plan = FixProcess.plan(dir, ACTIONS);
            Path result = dir.resolve("result.json");
            ProcessBuilder builder = new ProcessBuilder(FixProcess.command("fix", "apply", plan.toString(), "--yes",
                    "--endpoint-url", iam.endpoint(), "--result", result.toString()))
                    .redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile());
            FixProcess.environment(builder.environment(), dir);
            builder.environment().put("AWS_ENDPOINT_URL_STS", iam.endpoint());
            Process process = builder.start();

            // Wait until the second deactivation is in flight: the fake holds its answer 1.5 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (iam.server().count("UpdateAccessKey") < 2 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, iam.server().count("UpdateAccessKey"), () -> "the apply reached action 2: " + log("err.log"));
            process.destroy(); // SIGTERM on Linux
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped by SIGTERM");

            assertEquals(143, process.exitValue(), () -> log("err.log"));
            assertTrue(log("err.log").contains("credreport: stopped; the result file"), () -> log("err.log"));
            // Whole JSON (a cut file would not parse), naming each action of the plan.
            List<Outcome> outcomes;
            try (Reader reader = Files.newBufferedReader(result)) {
                outcomes = PlanJson.readOutcomes(reader, result.toString());
            }
            assertEquals(List.of("1 done", "2 done", "3 not-started", "4 not-started", "5 not-started"), outcomes.stream()
                    .map(outcome -> outcome.action().id() + " " + outcome.state().jsonName()).toList(), () -> log("err.log"));
            assertTrue(Files.readString(result).contains("\"finished\" : false"), "the result says the apply did not finish");
            // Exactly what the result says was done, and nothing else, was changed.
            assertEquals(List.of("UpdateAccessKey " + FixProcess.key(1) + " Inactive", "TagUser u1 credreport-deactivated-"
                    + FixProcess.key(1), "UpdateAccessKey " + FixProcess.key(2) + " Inactive", "TagUser u2 credreport-deactivated-"
                    + FixProcess.key(2)), iam.changes());
            for (int n = 3; n <= ACTIONS; n++) {
                assertTrue(iam.keyActive("u" + n, FixProcess.key(n)), "u" + n + " untouched");
            }
            // The undo plan in the result reactivates the two keys, and no temporary file is left.
            try (Reader reader = Files.newBufferedReader(result)) {
                assertEquals(List.of(FixProcess.key(1), FixProcess.key(2)), PlanJson.readUndo(reader, "result").actions().stream()
                        .map(action -> action.accessKeyId()).toList());
            }
            assertTrue(TestFiles.namesIn(dir).stream().noneMatch(name -> name.endsWith(".tmp")), TestFiles.namesIn(dir)::toString);
        }
    }

    String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(no " + name + ")";
        }
    }
}

package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.FakeIamUsers;
import dev.credreport.support.FixProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fix apply's confirmation, in a real process: on a terminal (a pseudo-terminal made by util-linux
 * {@code script}) it lists the actions and asks; 'n' changes nothing and makes no AWS call, 'y' applies. Without
 * a terminal and without --yes it exits 2 before any AWS call.
 */
class FixPromptIT {
    static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path dir;

    @BeforeAll
    static void script() {
        if (!Files.isExecutable(SCRIPT) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("util-linux script is needed to test the terminal prompt in CI");
        }
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    }

    record Run(int exitCode, String screen) {
    }

    /** Runs credreport with its standard streams on a pseudo-terminal, typing {@code typed} into it. */
    Run onTerminal(String typed, String... args) throws IOException, InterruptedException {
        String command = FixProcess.command(args).stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null").redirectErrorStream(true);
        FixProcess.environment(builder.environment(), dir);
        // STS is the fake IAM's endpoint too (fix apply checks the credentials are of the plan's account).
        builder.environment().put("AWS_ENDPOINT_URL_STS", args[java.util.Arrays.asList(args).indexOf("--endpoint-url") + 1]);
        Process process = builder.start();
        try (OutputStream keyboard = process.getOutputStream()) {
            keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), screen);
        return new Run(process.exitValue(), screen);
    }

    @Test
    void on_a_terminal_n_changes_nothing_and_y_applies() throws Exception {
        try (FakeIamUsers iam = FixProcess.users(2)) {
            Path plan = FixProcess.plan(dir, 2);

            Run no = onTerminal("n\n", "fix", "apply", plan.toString(), "--endpoint-url", iam.endpoint());

            assertEquals(0, no.exitCode(), no.screen());
            assertTrue(no.screen().contains("deactivate-access-key  access key 1 (" + FixProcess.key(1) + ") of u1"), no.screen());
            assertTrue(no.screen().contains("apply these 2 action(s)? [y/N]"), no.screen());
            assertTrue(no.screen().contains("credreport: nothing changed"), no.screen());
            assertEquals(List.of(), iam.server().requests(), "no AWS call after 'n'");
            assertTrue(Files.notExists(dir.resolve("plan.result.json")));

            Run yes = onTerminal("y\n", "fix", "apply", plan.toString(), "--endpoint-url", iam.endpoint());

            assertEquals(0, yes.exitCode(), yes.screen());
            assertEquals(List.of("UpdateAccessKey " + FixProcess.key(1) + " Inactive", "TagUser u1 credreport-deactivated-"
                    + FixProcess.key(1), "UpdateAccessKey " + FixProcess.key(2) + " Inactive", "TagUser u2 credreport-deactivated-"
                    + FixProcess.key(2)), iam.changes(), yes.screen());
            assertTrue(Files.exists(dir.resolve("plan.result.json")), yes.screen());
        }
    }

    @Test
    void without_a_terminal_and_without_yes_it_exits_2_before_any_aws_call() throws Exception {
        try (FakeIamUsers iam = FixProcess.users(1)) {
            Path plan = FixProcess.plan(dir, 1);
            ProcessBuilder builder = new ProcessBuilder(FixProcess.command("fix", "apply", plan.toString(), "--endpoint-url",
                    iam.endpoint())).redirectErrorStream(true);
            FixProcess.environment(builder.environment(), dir);
            builder.environment().put("AWS_ENDPOINT_URL_STS", iam.endpoint());
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

            assertEquals(2, process.exitValue(), output);
            assertTrue(output.contains("standard input is not a terminal") && output.contains("--yes"), output);
            assertEquals(List.of(), iam.server().requests(), "no AWS call");
            assertTrue(iam.keyActive("u1", FixProcess.key(1)));
        }
    }
}

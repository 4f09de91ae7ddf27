package dev.credreport.support;

import dev.credreport.fix.Action;
import dev.credreport.fix.ActionKind;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code credreport fix apply} as a process of its own ({@code java -cp credreport.jar dev.credreport.Main}),
 * against a {@link FakeIamUsers} with users {@code u1} ... {@code uN}, one unused key each, and a plan that
 * deactivates them in order: for tests of what only a real process has (signals, a terminal).
 */
public final class FixProcess {
    public static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private FixProcess() {
    }

    /** The key of user {@code u<n>}. */
    public static String key(int n) {
        return String.format("AKIAFIXPROCESS%06d", n);
    }

    /** Users u1 ... u{count} in the fake, each with one active key never used. */
    public static FakeIamUsers users(int count) {
        FakeIamUsers iam = new FakeIamUsers();
        for (int n = 1; n <= count; n++) {
            iam.key("u" + n, key(n), true, CREATED, null);
        }
        return iam;
    }

    /** A plan, made now, deactivating the keys of u1 ... u{count} in that order. */
    public static Path plan(Path dir, int count) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            actions.add(new Action(n, ActionKind.DEACTIVATE_KEY, FakeIamUsers.ACCOUNT, "u" + n, key(n), 1, CREATED, null,
                    "credentials-unused: access key 1 never used"));
        }
        Path plan = dir.resolve("plan.json");
        try (Writer writer = Files.newBufferedWriter(plan)) {
            PlanJson.write(new Plan(Instant.now(), null, Duration.ofDays(7), Duration.ofDays(30), actions, List.of()), writer);
        }
        return plan;
    }

    /** The command line that runs credreport with these arguments from the packaged jar. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("credreport.jar", "target/credreport.jar"), "dev.credreport.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** The environment of a run with the test's credentials and no AWS configuration of the machine's. */
    public static void environment(Map<String, String> environment, Path dir) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", CommandHarness.TEST_ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", CommandHarness.TEST_SECRET_KEY);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }
}

package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples run as written (issue 22, point 6): every shell block marked
 * {@code <!-- runnable -->} runs in bash against the sample reports and a fake IAM endpoint,
 * through the launcher as a user has it on PATH; and the crontab line runs on its first and
 * second day. A README that rots fails the build.
 */
class ReadmeExamplesIT {
    static final String MARK = "<!-- runnable -->";

    @TempDir
    Path dir;

    /** The shell blocks the README marks runnable, each as one script. */
    static List<String> runnableBlocks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(MARK) && i + 1 < lines.size() && lines.get(i + 1).startsWith("```sh")) {
                StringBuilder block = new StringBuilder();
                for (int j = i + 2; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    block.append(lines.get(j)).append('\n');
                }
                blocks.add(block.toString());
            }
        }
        return blocks;
    }

    /** The commands of a block, one a line (a line ending in a backslash goes on), comment lines left out. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            command.append(line);
            if (line.endsWith("\\")) {
                command.setLength(command.length() - 1);
                continue;
            }
            commands.add(command.toString());
            command.setLength(0);
        }
        return commands;
    }

    /** The crontab line's command, the five schedule fields left out. */
    static String crontabCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```cron")) {
                return lines.get(i + 1).strip().split("\\s+", 6)[5];
            }
        }
        throw new AssertionError("the README has no crontab line");
    }

    PackagedJarIT.Run bash(String script, Path workDirectory, Map<String, String> environment) throws Exception {
        Path file = Files.writeString(dir.resolve("script.sh"), "set -euo pipefail\ncd '" + workDirectory + "'\n" + script);
        return PackagedJarIT.run(environment, "bash", file.toString());
    }

    Map<String, String> environment(FakeIam iam, Path home, Path bin) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("AWS_ENDPOINT_URL", iam.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", CommandHarness.TEST_ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", CommandHarness.TEST_SECRET_KEY);
        return environment;
    }

    @Test
    void should_run_every_runnable_example_as_written() throws Exception {
        List<String> blocks = runnableBlocks();
        assertTrue(blocks.size() >= 3, "the README marks its runnable examples: " + blocks.size());
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("src"));
        Files.createSymbolicLink(work.resolve("src/sample"), Path.of("src/sample").toAbsolutePath());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("credreport"), Path.of(PackagedJarIT.launcher()).toAbsolutePath());
        Path home = Files.createDirectories(dir.resolve("home"));
        try (FakeIam iam = FakeIam.start().onGenerate(FakeIam.state("COMPLETE"))
                .onGet(FakeIam.report(SampleReports.standard(), Instant.now().minusSeconds(60)))) {
            for (String block : blocks) {
                for (String command : commands(block)) {
                    PackagedJarIT.Run run = bash(command, work, environment(iam, home, bin));

                    // An audit that finds something exits 3, as documented; anything else is a failure.
                    int expected = run.exitCode() == 3 && command.contains("credreport audit") ? 3 : 0;
                    assertEquals(expected, run.exitCode(), () -> "README example failed: " + command + "\n--- stderr ---\n"
                            + run.err());
                }
            }
        }
    }

    @Test
    void should_run_the_crontab_line_from_its_first_day() throws Exception {
        String command = crontabCommand();
        Path home = Files.createDirectories(dir.resolve("home"));
        // Where the README's Install puts the archive: ~/credreport, its launcher in bin/.
        Path bin = Files.createDirectories(home.resolve("credreport/bin"));
        Files.createSymbolicLink(bin.resolve("credreport"), Path.of(PackagedJarIT.launcher()).toAbsolutePath());
        try (FakeIam iam = FakeIam.start().onGenerate(FakeIam.state("COMPLETE"))
                .onGet(FakeIam.report(SampleReports.standard(), Instant.now().minusSeconds(86_400)))) {
            PackagedJarIT.Run day1 = bash(command, home, environment(iam, home, bin));
            iam.onGet(FakeIam.report(SampleReports.standard(), Instant.now().minusSeconds(60)));
            PackagedJarIT.Run day2 = bash(command, home, environment(iam, home, bin));

            assertEquals(0, day1.exitCode(), day1::toString);
            assertEquals("", day1.err(), "cron mails what a job prints: nothing on a good day");
            assertEquals(0, day2.exitCode(), day2::toString);
            try (var saved = Files.list(home.resolve("reports"))) {
                assertEquals(4, saved.count(), "two reports and their metadata");
            }
        }
    }
}

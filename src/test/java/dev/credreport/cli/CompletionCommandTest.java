package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompletionCommandTest {
    @TempDir
    Path dir;

    /** The commands a user can run: every one the factory builds, less the hidden ones. */
    static List<String> visibleCommands() {
        dev.credreport.support.FakeTime time = new dev.credreport.support.FakeTime(java.time.Instant.EPOCH);
        CommandLine all = CommandLineFactory.create(new Environment(java.util.Map.of(), java.io.InputStream.nullInputStream(), false, false,
                () -> 80, time, time, new dev.credreport.support.ManualTicker(time)), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), null);
        return all.getSubcommands().entrySet().stream()
                .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    record Shell(int exitCode, String out) {
    }

    Shell shell(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // zsh's completion system reads and may write files in the home directory.
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("ZDOTDIR", dir.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the shell finished");
        return new Shell(process.exitValue(), out);
    }

    /** Asks the completion function what follows {@code line}, as the shell does on Tab. */
    static String complete(String line) {
        String words = line.endsWith(" ") ? line + "''" : line;
        return "COMP_LINE='" + line + "'; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMPREPLY=(); _complete_credreport; printf '%s\\n' \"${COMPREPLY[@]}\"";
    }

    @Test
    void should_print_a_bash_script_that_names_every_command_and_that_bash_accepts() throws Exception {
        CommandHarness.Result result = new CommandHarness().run("completion", "bash");
        Path script = Files.writeString(dir.resolve("credreport.bash"), result.out());

        Shell syntax = shell("bash", "-n", script.toString());
        // compopt works only inside a real completion: outside one it only complains.
        String bash = "compopt() { :; }; source " + script + " && ";
        Shell commands = shell("bash", "-c", bash + complete("credreport "));
        Shell options = shell("bash", "-c", bash + complete("credreport fetch --inp"));
        Shell formats = shell("bash", "-c", bash + complete("credreport fetch --format "));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.err());
        assertTrue(result.out().startsWith("#!/usr/bin/env bash"), result.out());
        for (String command : visibleCommands()) {
            // picocli drops characters a shell function name cannot hold: athena-ddl becomes athenaddl.
            assertTrue(result.out().contains("function _picocli_credreport_" + command.replace("-", "") + "()"), command);
        }
        assertFalse(result.out().contains("cds-training"), "hidden commands stay hidden");
        assertEquals(0, syntax.exitCode(), syntax.out());
        assertEquals(visibleCommands(), commands.out().lines().toList(), commands.out());
        assertTrue(visibleCommands().containsAll(List.of("fetch", "audit", "diff", "completion")), visibleCommands()::toString);
        assertEquals(List.of("--input"), options.out().lines().toList(), options.out());
        assertEquals(List.of("table", "csv", "blocks", "json"), formats.out().lines().toList(), formats.out());
    }

    @Test
    void should_print_a_script_that_zsh_loads_and_completes_with() throws Exception {
        assumeZsh();
        CommandHarness.Result result = new CommandHarness().run("completion", "zsh");
        Path script = Files.writeString(dir.resolve("credreport.zsh"), result.out());

        Shell syntax = shell("zsh", "-n", script.toString());
        Shell loaded = shell("zsh", "-f", "-c", "source " + script + " && print -r -- \"$_comps[credreport]\" && "
                + complete("credreport "));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(0, syntax.exitCode(), syntax.out());
        assertEquals(0, loaded.exitCode(), loaded.out());
        List<String> lines = loaded.out().lines().toList();
        assertTrue(lines.get(0).contains("_complete_credreport"), "registered with zsh's completion system: " + loaded.out());
        assertEquals(visibleCommands(), lines.subList(1, lines.size()), loaded.out());
    }

    /** Every option and operand of every command whose value names a file or directory, as "COMMAND OPTION" or "COMMAND" for an operand. */
    static List<String> fileTakingValues() {
        CommandLine all = CommandLineFactory.create(new Environment(java.util.Map.of(), java.io.InputStream.nullInputStream(), false, false,
                () -> 80, java.time.Clock.systemUTC(), dev.credreport.aws.Sleeper.SYSTEM, Ticker.SYSTEM), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), null);
        List<String> values = new java.util.ArrayList<>();
        all.getSubcommands().forEach((name, command) -> {
            command.getCommandSpec().options().stream().filter(CompletionCommand::takesFile)
                    .forEach(option -> values.add(name + " " + option.longestName()));
            command.getCommandSpec().positionalParameters().stream().filter(CompletionCommand::takesFile)
                    .forEach(operand -> values.add(name));
        });
        return values;
    }

    @Test
    void should_complete_file_names_in_bash_for_every_option_that_takes_a_file_or_directory() throws Exception {
        Files.createFile(dir.resolve("report-old.csv"));
        Files.createDirectory(dir.resolve("reports"));
        Path script = Files.writeString(dir.resolve("credreport.bash"), new CommandHarness().run("completion", "bash").out());
        List<String> values = fileTakingValues();
        // Text options (they may be s3:// locations) as well as Path ones, and diff's two operands.
        assertTrue(values.containsAll(List.of("fetch --input", "fetch --output-file", "fetch --output-dir", "fetch --accounts-file",
                "fetch --ca-bundle", "audit --input", "report --history", "diff --dir", "diff --output-file", "diff")), values::toString);
        String bash = "compopt() { :; }; source " + script + " && ";

        for (String value : values) {
            Shell completed = shell("bash", "-c", bash + complete("credreport " + value + " rep"));
            assertEquals(List.of("report-old.csv", "reports"), completed.out().lines().sorted().toList(), value + ": " + completed.out());
        }
        Shell second = shell("bash", "-c", bash + complete("credreport diff report-old.csv rep"));
        Shell notAFile = shell("bash", "-c", bash + complete("credreport fetch --region rep"));
        Shell s3 = shell("bash", "-c", bash + complete("credreport fetch --input s3://bucket/rep"));
        Shell registered = shell("bash", "-c", "source " + script + " && complete -p credreport");

        assertEquals(List.of("report-old.csv", "reports"), second.out().lines().sorted().toList(), second.out());
        assertEquals("", notAFile.out().strip(), "a region is no file name: " + notAFile.out());
        assertEquals("", s3.out().strip(), s3.out());
        assertEquals("complete -o default -F _complete_credreport credreport", registered.out().strip());
    }

    @Test
    void should_complete_file_names_in_zsh_for_every_option_that_takes_a_file_or_directory() throws Exception {
        assumeZsh();
        Files.createFile(dir.resolve("report-old.csv"));
        Path script = Files.writeString(dir.resolve("credreport.zsh"), new CommandHarness().run("completion", "zsh").out());

        for (String value : fileTakingValues()) {
            Shell completed = shell("zsh", "-f", "-c", "source " + script + " && " + zshComplete("credreport " + value + " rep"));
            // zsh's compgen emulation offers every file: zsh itself then keeps those that start with what was typed.
            assertTrue(completed.out().lines().toList().contains("report-old.csv"), value + ": " + completed.out());
        }
        Shell notAFile = shell("zsh", "-f", "-c", "source " + script + " && " + zshComplete("credreport fetch --region rep"));

        assertEquals(0, notAFile.exitCode(), notAFile.out());
        assertFalse(notAFile.out().contains("report-old.csv"), notAFile.out());
    }

    /** What zsh's bash emulation offers on Tab after {@code line}: its compgen runs the function as _bash_complete does. */
    static String zshComplete(String line) {
        String[] words = line.split(" ");
        return "COMP_LINE='" + line + "'; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + ";"
                + " compgen -F _complete_credreport -- '" + words[words.length - 1] + "'";
    }

    private static void assumeZsh() {
        boolean zsh = Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh"));
        if (!zsh && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("zsh is not installed: .ci/run installs it, and CI must test zsh completion");
        }
        Assumptions.assumeTrue(zsh, "zsh is not installed (apt-get install zsh)");
    }

    @Test
    void should_complete_the_fixed_lists_of_cis_versions_and_rule_ids_in_bash() throws Exception {
        Path script = Files.writeString(dir.resolve("credreport.bash"), new CommandHarness().run("completion", "bash").out());
        String bash = "compopt() { :; }; source " + script + " && ";

        Shell versions = shell("bash", "-c", bash + complete("credreport audit --cis-version 7"));
        Shell rules = shell("bash", "-c", bash + complete("credreport audit --skip-rules access-key-n"));

        assertEquals(List.of("7.0.0"), versions.out().lines().toList(), versions.out());
        assertEquals(List.of("access-key-not-rotated"), rules.out().lines().toList(), rules.out());
    }

    @Test
    void should_refuse_a_shell_it_cannot_complete_for() {
        CommandHarness.Result result = new CommandHarness().run("completion", "fish");

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().contains("fish"), result.err());
    }
}

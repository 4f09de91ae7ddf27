package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help never breaks a line inside what a user copies from it, at any width. */
class HelpLayoutTest {
    /** A word holding ':', '/', '~', '@' or '=': a URL, a path, an IAM action, option=VALUE. */
    private static final Pattern PUNCTUATED = Pattern.compile("[^\\s]*[:/~@=][^\\s]*");
    /** An option and the word after it, when that word is a value: a LABEL, a number, a path or a candidate. */
    private static final Pattern OPTION_AND_WORD = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*) ([^\\s,;)]+)");

    static List<String> commands() {
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(CompletionCommandTest.visibleCommands().stream().filter(command -> !command.equals("help")).toList());
        return commands;
    }

    static Result help(String command, int width) {
        CommandHarness harness = new CommandHarness().terminal(true, true, width);
        return command.isEmpty() ? harness.run("--help") : harness.run(command, "--help");
    }

    /** The options of a command that take a value, by name, with the values a shell completes for them. */
    static java.util.Map<String, Set<String>> valueOptions(String command) {
        CommandLine all = CommandLineFactory.create(new Environment(java.util.Map.of(), java.io.InputStream.nullInputStream(), false,
                false, () -> 80, java.time.Clock.systemUTC(), dev.credreport.aws.Sleeper.SYSTEM, Ticker.SYSTEM), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null);
        java.util.Map<String, Set<String>> options = new java.util.HashMap<>();
        all.getSubcommands().values().forEach(sub -> {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.arity().max() > 0) {
                    Set<String> candidates = new LinkedHashSet<>();
                    if (option.completionCandidates() != null) {
                        option.completionCandidates().forEach(candidates::add);
                    }
                    for (String name : option.names()) {
                        options.computeIfAbsent(name, key -> new LinkedHashSet<>()).addAll(candidates);
                    }
                }
            }
        });
        return options;
    }

    /** What a user copies from the help: found in help so wide that nothing wraps. */
    static Set<String> copyableTokens(String wideHelp) {
        java.util.Map<String, Set<String>> options = valueOptions("");
        Set<String> tokens = new LinkedHashSet<>();
        for (String line : wideHelp.lines().toList()) {
            Matcher punctuated = PUNCTUATED.matcher(line);
            while (punctuated.find()) {
                String token = punctuated.group().replaceAll("^[('\"\\[]+", "").replaceAll("[.,;:)'\"\\]]+$", "");
                if (PUNCTUATED.matcher(token).matches() && token.length() > 2) {
                    tokens.add(token);
                }
            }
            Matcher option = OPTION_AND_WORD.matcher(line);
            while (option.find()) {
                String value = option.group(2).replaceAll("[.:']+$", "");
                Set<String> candidates = options.get(option.group(1));
                if (candidates != null && (value.matches("[A-Z][A-Z0-9_]*|.*[\\d:/.=@~'-].*") || candidates.contains(value))) {
                    tokens.add(option.group(1) + " " + value);
                }
            }
        }
        return tokens;
    }

    static int occurrences(String text, String token) {
        int count = 0;
        for (String line : text.lines().toList()) {
            for (int at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + 1)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void should_never_split_a_copyable_token_across_lines_in_any_commands_help_at_80_and_60_columns() {
        Set<String> everyToken = new LinkedHashSet<>();
        for (String command : commands()) {
            String wide = help(command, 1000).out();
            Set<String> tokens = copyableTokens(wide);
            everyToken.addAll(tokens);
            for (int width : List.of(80, 60)) {
                Result narrow = help(command, width);
                assertEquals(0, narrow.exitCode(), narrow::toString);
                for (String token : tokens) {
                    assertEquals(occurrences(wide, token), occurrences(narrow.out(), token),
                            "'" + token + "' split across lines in 'credreport " + command + " --help' at " + width + " columns:\n" + narrow.out());
                }
                List<String> wideLines = wide.lines().toList();
                for (String line : narrow.out().lines().toList()) {
                    // Only an example, never wrapped at any width, may be wider.
                    assertTrue(line.length() <= width || line.startsWith("  ") && wideLines.contains(line), width + " columns: " + line);
                }
            }
        }
        // The tokens the test looks for are the ones users copy: picocli itself split each of these.
        List<String> named = new ArrayList<>(List.of("iam:GetCredentialReport", "~/.aws/credentials", "~/.aws/config",
                "s3://BUCKET/PREFIX", "s3://BUCKET/KEY", "--sse aws:kms", "--output-dir s3://BUCKET/PREFIX",
                "organizations:ListAccounts", "--accounts=ID[,ID"));
        named.removeAll(everyToken);
        assertEquals(List.of(), named, everyToken::toString);
    }

    @Test
    void should_say_the_same_at_every_width() {
        for (String command : commands()) {
            String wide = help(command, 1000).out().replaceAll("\\s+", " ");
            for (int width : List.of(80, 60, 55)) {
                assertEquals(wide, help(command, width).out().replaceAll("\\s+", " "), command + " at " + width);
            }
        }
    }

    @Test
    void should_break_only_at_spaces_outside_options_with_their_values_and_short_quotes() {
        assertEquals(List.of("with --sse aws:kms:", "the key"), HelpLines.wrap("with --sse aws:kms: the key", 19));
        assertEquals(List.of("run", "'credreport athena-ddl'", "once"), HelpLines.wrap("run 'credreport athena-ddl' once", 10));
        assertEquals(List.of("needs", "iam:GetCredentialReport", "alone"), HelpLines.wrap("needs iam:GetCredentialReport alone", 10));
        assertEquals(List.of("a b c", "d"), HelpLines.wrap("a b c d", 5));
        // An option followed by prose keeps one word of it; the rest wraps as usual.
        assertEquals(List.of("assuming", "--role-name in", "each"), HelpLines.wrap("assuming --role-name in each", 14));
        // A quote that never closes, or runs long, holds nothing together.
        assertEquals(List.of("the roles'", "trust"), HelpLines.wrap("the roles' trust", 10));
        assertEquals(List.of("'an", "unclosed", "quote"), HelpLines.wrap("'an unclosed quote", 8));
    }

    @Test
    void should_put_a_description_under_its_option_when_a_token_is_wider_than_the_column() {
        String help = help("fetch", 60).out();
        List<String> lines = help.lines().toList();
        int option = lines.indexOf("      --output-dir=DIR");

        assertTrue(option > 0, help);
        assertTrue(lines.get(option + 1).startsWith(" ".repeat(CopyableHelp.STACKED) + "Save the report"), help);
        assertTrue(help.contains("\n" + " ".repeat(CopyableHelp.STACKED) + "DIR/credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ.csv\n"), help);
    }
}

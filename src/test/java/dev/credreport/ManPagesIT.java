package dev.credreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.cli.CommandLineFactory;
import dev.credreport.cli.Environment;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the package phase makes (src/assembly/java/.../ManPages.java) hold every section,
 * every option of their command with its description, and every exit code: a new option or exit
 * code cannot ship undocumented.
 */
class ManPagesIT {
    static final List<String> SECTIONS = List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT",
            "FILES", "SEE ALSO");

    /** Where distribution.xml stages the archive: target/distribution/credreport-VERSION/man/man1. */
    static Path manDirectory() {
        Path archive = Path.of(System.getProperty("credreport.archive"));
        return archive.resolveSibling("distribution").resolve(archive.getFileName()).resolve("man/man1");
    }

    /** credreport and every command a user runs, as the pages are made: not hidden, not picocli's help. */
    static List<CommandSpec> commands() {
        StringWriter ignored = new StringWriter();
        CommandSpec root = CommandLineFactory.create(Environment.system(), new PrintWriter(ignored), new PrintWriter(ignored), null)
                .getCommandSpec();
        List<CommandSpec> commands = new ArrayList<>(List.of(root));
        root.subcommands().values().stream()
                .filter(command -> !command.getCommandSpec().usageMessage().hidden())
                .filter(command -> !(command.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(command -> commands.add(command.getCommandSpec()));
        return commands;
    }

    /** A page's sections by name, their troff turned into plain text as man shows it, on one line each. */
    static Map<String, String> sections(Path page) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith(".SH ")) {
                if (current != null) {
                    sections.put(current, plain(text.toString()));
                }
                current = line.substring(4).replace("\"", "");
                text.setLength(0);
            } else if (!line.startsWith(".") && !line.startsWith("'")) {
                text.append(line).append(' ');
            }
        }
        if (current != null) {
            sections.put(current, plain(text.toString()));
        }
        return sections;
    }

    /** The few escapes Asciidoctor's manpage backend writes, undone; quotes made plain on both sides. */
    static String plain(String troff) {
        return troff.replace("\\*(Aq", "'").replace("\\(cq", "'").replace("\\(oq", "'").replace("\\(aq", "'")
                .replace("\\(lq", "\"").replace("\\(rq", "\"").replace("\\(em", "—").replace("\\(en", "–")
                .replace("\\-", "-").replace("\\&", "").replace("\\fB", "").replace("\\fI", "").replace("\\fP", "")
                .replace("\\f(CR", "").replace("\\(rs", "\\").replace("\\|", "").replace("’", "'")
                .replaceAll("\\s+", " ").strip();
    }

    @Test
    void should_have_a_page_for_each_command_and_no_other() throws IOException {
        List<String> expected = commands().stream().map(command -> command.qualifiedName("-") + ".1").sorted().toList();
        List<String> pages;
        try (Stream<Path> files = Files.list(manDirectory())) {
            pages = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(expected, pages);
    }

    @Test
    void should_hold_every_section_in_order_in_every_page() throws IOException {
        for (CommandSpec command : commands()) {
            Path page = manDirectory().resolve(command.qualifiedName("-") + ".1");
            List<String> found = sections(page).keySet().stream().filter(SECTIONS::contains).toList();
            assertEquals(SECTIONS, found, page.toString());
            for (String section : SECTIONS) {
                assertTrue(sections(page).get(section).length() > 0, page + ": " + section + " is empty");
            }
        }
    }

    @Test
    void should_describe_every_option_of_the_command() throws IOException {
        for (CommandSpec command : commands()) {
            Path page = manDirectory().resolve(command.qualifiedName("-") + ".1");
            String options = sections(page).get("OPTIONS");
            for (OptionSpec option : command.options()) {
                if (option.hidden()) {
                    continue;
                }
                for (String name : option.names()) {
                    assertTrue(options.contains(name), page + ": OPTIONS lacks " + name);
                }
                String description = plain(String.join(" ", option.description()));
                String start = description.substring(0, Math.min(60, description.length()));
                assertTrue(options.contains(start), page + ": OPTIONS lacks the description of " + option.longestName()
                        + ": " + start);
            }
        }
    }

    /** A command's --help as one line of words, at a width where nothing wraps. */
    static String help(CommandSpec command) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(command.parent() == null ? List.of() : List.of(command.name()));
        args.add("--help");
        Environment wide = new Environment(Map.of(), java.io.InputStream.nullInputStream(), true, false, () -> 1000,
                java.time.Clock.systemUTC(), dev.credreport.aws.Sleeper.SYSTEM, dev.credreport.cli.Ticker.SYSTEM);
        CommandLineFactory.run(wide, new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        return out.toString();
    }

    @Test
    void should_say_what_help_says() throws IOException {
        for (CommandSpec command : commands()) {
            Path page = manDirectory().resolve(command.qualifiedName("-") + ".1");
            String man = plain(String.join(" ", sections(page).values()));
            String help = help(command);
            List<String> lines = help.lines().toList();
            List<String> missing = new ArrayList<>();
            for (String paragraph : command.usageMessage().description()) {
                if (!paragraph.isBlank() && !man.contains(plain(paragraph))) {
                    missing.add(paragraph);
                }
            }
            // Each option's description as help shows it (defaults filled in): the text after its names.
            int checked = 0;
            for (OptionSpec option : command.options()) {
                String row = lines.stream().filter(line -> line.matches("\\s+(-\\w, )?" + Pattern.quote(option.names()[option.names().length - 1])
                        + "\\b.*|\\s+" + Pattern.quote(option.names()[0]) + "\\b.*")).findFirst().orElse("");
                String description = row.replaceFirst("^\\s+(-\\w, )?\\S+\\s+", "");
                if (!option.hidden() && !description.isEmpty()) {
                    checked++;
                    if (!man.contains(plain(description))) {
                        missing.add(option.longestName() + ": " + description);
                    }
                }
            }
            // The examples, word for word.
            for (String example : lines.stream().filter(line -> line.startsWith("  credreport ")).toList()) {
                if (!man.contains(plain(example))) {
                    missing.add(example);
                }
            }
            assertEquals(List.of(), missing, page + " does not say what --help says");
            assertTrue(checked > command.options().size() / 2, page + ": the options' descriptions were found in --help");
        }
    }

    @Test
    void should_list_every_exit_code_with_its_meaning() throws IOException {
        for (CommandSpec command : commands()) {
            Path page = manDirectory().resolve(command.qualifiedName("-") + ".1");
            String exitStatus = sections(page).get("EXIT STATUS");
            for (ExitCode code : ExitCode.values()) {
                assertTrue(exitStatus.contains(code.code() + " " + plain(code.meaning())),
                        page + ": EXIT STATUS lacks " + code + ": " + exitStatus);
            }
        }
    }

    /**
     * The environment variables the code and the launcher read, found in their source (the IT runs
     * in the project directory), and those the SDK reads for us that users set most.
     */
    static Set<String> variablesRead() throws IOException {
        Set<String> variables = new TreeSet<>(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "NO_COLOR"));
        Pattern java = Pattern.compile("(?:variable|get|apply|getenv)\\(\"([A-Z][A-Z0-9_]+)\"\\)|\"((?:AWS|CREDREPORT)_[A-Z0-9_]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher found = java.matcher(Files.readString(source));
                while (found.find()) {
                    variables.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        Matcher launcher = Pattern.compile("\\$\\{?(CREDREPORT_[A-Z_]+|JAVA_HOME)").matcher(Files.readString(Path.of("src/main/launcher/credreport")));
        while (launcher.find()) {
            variables.add(launcher.group(1));
        }
        return variables;
    }

    @Test
    void should_name_every_variable_the_code_reads_in_every_page() throws IOException {
        Set<String> variables = variablesRead();
        assertTrue(variables.containsAll(List.of("AWS_PROFILE", "AWS_REGION", "AWS_CA_BUNDLE", "AWS_CONFIG_FILE",
                "AWS_ENDPOINT_URL_IAM", "COLUMNS", "CREDREPORT_CDS")), "the sources were read: " + variables);
        for (CommandSpec command : commands()) {
            Path page = manDirectory().resolve(command.qualifiedName("-") + ".1");
            String environment = sections(page).get("ENVIRONMENT");
            List<String> missing = variables.stream().filter(variable -> !environment.contains(variable)).toList();
            assertEquals(List.of(), missing, page + ": ENVIRONMENT lacks them");
        }
    }
}

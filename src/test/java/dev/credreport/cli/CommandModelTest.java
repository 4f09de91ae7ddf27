package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.FakeTime;
import dev.credreport.support.ManualTicker;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The generated command model (CommandModel, written by CommandModelProcessor from the annotations)
 * against the one picocli builds from the same annotations by reflection, which only this test still
 * builds: every command's help, man page and completion script byte for byte, and every attribute of
 * every option, operand and group.
 */
class CommandModelTest {
    private static final Function<Object, CommandLine> REFLECTIVE = CommandLine::new;
    private static final Function<Object, CommandLine> GENERATED =
            command -> new CommandLine(CommandModel.of(command), CommandModel.FACTORY);

    record Run(int exitCode, String out, String err) {
    }

    private static Environment environment(boolean terminal, int width) {
        FakeTime time = new FakeTime(Instant.parse("2024-06-01T12:00:00Z"));
        return new Environment(Map.of(), InputStream.nullInputStream(), terminal, terminal, () -> width, time, time,
                new ManualTicker(time));
    }

    private static Run run(Function<Object, CommandLine> models, Set<String> full, boolean terminal, int width, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int code = CommandLineFactory.create(environment(terminal, width), outWriter, errWriter, full, models).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new Run(code, out.toString(), err.toString());
    }

    private static CommandLine all(Function<Object, CommandLine> models) {
        return CommandLineFactory.create(environment(false, 80), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), null, models);
    }

    /** Every command's words on the command line: "", "fetch", "fix plan", ... */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(all(REFLECTIVE), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine commandLine, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        commandLine.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            collect(sub, longer, paths);
        });
    }

    private static String[] with(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(Arrays.asList(more));
        return args.toArray(new String[0]);
    }

    @Test
    void should_print_every_commands_help_as_the_reflective_model_does_at_every_width() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.size() > 12, "every command and subcommand: " + paths);
        int helpPages = 0;
        for (List<String> path : paths) {
            for (int width : new int[] {0, 55, 80, 132}) {
                boolean terminal = width > 0;
                for (String[] args : List.of(with(path, "--help"), with(List.of("help"), path.toArray(new String[0])))) {
                    Run expected = run(REFLECTIVE, null, terminal, width, args);
                    // As a run builds it: only the commands its arguments name, whole.
                    Run actual = run(GENERATED, Set.copyOf(Arrays.asList(args)), terminal, width, args);
                    assertEquals(expected, actual, String.join(" ", args) + " at width " + width);
                }
                if (run(REFLECTIVE, null, terminal, width, with(path, "--help")).out().startsWith("Usage: credreport")) {
                    helpPages++;
                }
            }
        }
        assertTrue(helpPages >= 4 * 12, "the help pages compared: " + helpPages);
    }

    @Test
    void should_write_the_completion_script_of_the_reflective_model() {
        for (String shell : List.of("bash", "zsh")) {
            Run expected = run(REFLECTIVE, null, false, 80, "completion", shell);
            Run actual = run(GENERATED, Set.of("completion", shell), false, 80, "completion", shell);
            assertEquals(0, expected.exitCode(), expected.err());
            assertTrue(expected.out().contains("function _picocli_credreport_fix_plan"), "every command is in it");
            assertEquals(expected, actual, shell);
        }
    }

    @Test
    void should_write_the_man_pages_of_the_reflective_model() {
        List<CommandSpec> expected = specs(all(REFLECTIVE));
        List<CommandSpec> actual = specs(all(GENERATED));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(manPage(expected.get(i)), manPage(actual.get(i)), expected.get(i).qualifiedName());
        }
    }

    private static String manPage(CommandSpec spec) {
        StringWriter page = new StringWriter();
        try (PrintWriter out = new PrintWriter(page)) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        return page.toString();
    }

    @Test
    void should_hold_every_attribute_the_reflective_model_holds() {
        List<CommandSpec> expected = specs(all(REFLECTIVE));
        List<CommandSpec> actual = specs(all(GENERATED));
        for (int i = 0; i < expected.size(); i++) {
            List<String> expectedLines = describe(expected.get(i)).lines().toList();
            List<String> actualLines = describe(actual.get(i)).lines().toList();
            List<String> differences = new ArrayList<>();
            for (int line = 0; line < Math.max(expectedLines.size(), actualLines.size()); line++) {
                String want = line < expectedLines.size() ? expectedLines.get(line) : "(none)";
                String got = line < actualLines.size() ? actualLines.get(line) : "(none)";
                if (!want.equals(got)) {
                    differences.add("reflective: " + want + "\ngenerated:  " + got);
                }
            }
            assertEquals(List.of(), differences, expected.get(i).qualifiedName());
        }
    }

    @Test
    void should_reach_no_field_by_reflection() {
        for (CommandSpec spec : specs(all(GENERATED))) {
            if (spec.userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            for (ArgSpec arg : spec.args()) {
                assertFalse(arg.userObject() instanceof Member, spec.qualifiedName() + " " + arg);
            }
        }
        for (CommandSpec spec : specs(all(REFLECTIVE))) {
            for (ArgSpec arg : spec.args()) {
                assertInstanceOf(Member.class, arg.userObject(), "the reflective model does, which this test checks by");
            }
        }
    }

    @Test
    void should_build_only_the_command_that_runs_and_list_the_others_by_name_and_summary() {
        CommandLine fetchRun = CommandLineFactory.create(environment(false, 80), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), "fetch");
        assertInstanceOf(FetchCommand.class, fetchRun.getSubcommands().get("fetch").getCommand());
        CommandLine audit = fetchRun.getSubcommands().get("audit");
        assertNull(audit.getCommand(), "audit is only listed");
        assertTrue(audit.getCommandSpec().options().isEmpty());
        assertEquals(all(REFLECTIVE).getSubcommands().get("audit").getCommandSpec().usageMessage().description()[0],
                audit.getCommandSpec().usageMessage().description()[0]);
        assertTrue(fetchRun.getSubcommands().get("cds-training").getCommandSpec().usageMessage().hidden());
        assertEquals(all(REFLECTIVE).getSubcommands().keySet(), fetchRun.getSubcommands().keySet());
    }

    @Test
    void should_build_every_command_when_the_arguments_are_in_a_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path args = java.nio.file.Files.writeString(dir.resolve("args"), "fetch\n--input\n"
                + dir.resolve("missing.csv") + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.run(environment(false, 80), new PrintWriter(out), new PrintWriter(err), "@" + args);
        Run expected = run(REFLECTIVE, null, false, 80, "@" + args);
        assertEquals(7, code, err.toString());
        assertEquals(expected, new Run(code, out.toString(), err.toString()));
    }

    @Test
    void should_say_the_same_as_the_reflective_model_for_runs_that_list_commands() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"--version"},
                new String[] {"-V"}, new String[] {"help"}, new String[] {"fech"}, new String[] {"--nope"},
                new String[] {"fetch", "--nope"}, new String[] {"fetch", "--input"}, new String[] {"fetch", "--width", "x"},
                new String[] {"fetch", "--input", "a", "--input", "b"}, new String[] {"fix"}, new String[] {"fix", "plan", "--min-idle", "x"},
                new String[] {"completion"}, new String[] {"completion", "fish"}, new String[] {"help", "nope"},
                new String[] {"diff"}, new String[] {"audit", "--fail-on", "nope"})) {
            Run expected = run(REFLECTIVE, null, false, 80, args);
            Run actual = run(GENERATED, Set.copyOf(Arrays.asList(args)), false, 80, args);
            assertEquals(expected, actual, String.join(" ", args));
        }
    }

    /** credreport's own specs, then each command's, as the man pages take them. */
    private static List<CommandSpec> specs(CommandLine root) {
        List<CommandSpec> specs = new ArrayList<>();
        add(root, specs);
        return specs;
    }

    private static void add(CommandLine commandLine, List<CommandSpec> specs) {
        specs.add(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().forEach(sub -> add(sub, specs));
    }

    private static String describe(CommandSpec spec) {
        StringBuilder text = new StringBuilder();
        UsageMessageSpec usage = spec.usageMessage();
        text.append("command ").append(spec.qualifiedName()).append(" aliases=").append(Arrays.toString(spec.aliases()))
                .append(" version=").append(Arrays.toString(spec.version()))
                .append(" versionProvider=").append(spec.versionProvider() == null ? null : spec.versionProvider().getClass())
                .append(" standardHelp=").append(spec.mixinStandardHelpOptions())
                .append(" mixins=").append(spec.mixins().keySet())
                .append(" subcommands=").append(spec.subcommands().keySet())
                .append(" exitCodes=").append(spec.exitCodeOnSuccess()).append(spec.exitCodeOnInvalidInput())
                .append(spec.exitCodeOnExecutionException())
                .append("\nusage description=").append(Arrays.toString(usage.description()))
                .append(" header=").append(Arrays.toString(usage.header()))
                .append(" footer=").append(Arrays.toString(usage.footer()))
                .append(" headings=").append(List.of(usage.headerHeading(), usage.synopsisHeading(), usage.descriptionHeading(),
                        usage.parameterListHeading(), usage.optionListHeading(), usage.commandListHeading(), usage.footerHeading()))
                .append(" sortOptions=").append(usage.sortOptions()).append(" hidden=").append(usage.hidden())
                .append(" showDefaultValues=").append(usage.showDefaultValues())
                .append(" abbreviateSynopsis=").append(usage.abbreviateSynopsis()).append('\n');
        for (OptionSpec option : spec.options()) {
            text.append("option ").append(Arrays.toString(option.names())).append(" order=").append(option.order())
                    .append(" usageHelp=").append(option.usageHelp()).append(" versionHelp=").append(option.versionHelp())
                    .append(" negatable=").append(option.negatable()).append(" fallback=").append(option.fallbackValue())
                    .append(' ').append(describe(option)).append('\n');
        }
        for (PositionalParamSpec operand : spec.positionalParameters()) {
            text.append("operand index=").append(operand.index()).append(' ')
                    .append(describe(operand)).append('\n');
        }
        for (ArgGroupSpec group : spec.argGroups()) {
            text.append("group heading=").append(group.heading()).append(" order=").append(group.order())
                    .append(" validate=").append(group.validate()).append(" exclusive=").append(group.exclusive())
                    .append(" multiplicity=").append(group.multiplicity())
                    .append(" type=").append(group.typeInfo() == null ? null : group.typeInfo().getType())
                    .append(" aux=").append(group.typeInfo() == null ? null : Arrays.toString(group.typeInfo().getAuxiliaryTypes()))
                    .append(" args=");
            group.args().forEach(arg -> text.append(arg.paramLabel()).append(arg.isOption() ? ((OptionSpec) arg).longestName() : "")
                    .append(','));
            text.append(" subgroups=").append(group.subgroups().size()).append('\n');
        }
        return text.toString();
    }

    private static String describe(ArgSpec arg) {
        List<String> converters = new ArrayList<>();
        for (CommandLine.ITypeConverter<?> converter : arg.converters()) {
            converters.add(converter.getClass().getName());
        }
        List<String> candidates = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(candidates::add);
        }
        Object initial;
        try {
            initial = arg.initialValue();
        } catch (RuntimeException e) {
            initial = e;
        }
        Object value;
        try {
            value = arg.getValue();
        } catch (RuntimeException e) {
            value = e;
        }
        return "label=" + arg.paramLabel() + " arity=" + arg.arity() + "/" + arg.arity().isUnspecified()
                + " required=" + arg.required() + " type=" + arg.type().getName()
                + " aux=" + Arrays.toString(arg.auxiliaryTypes()) + " multi=" + arg.isMultiValue()
                + " description=" + Arrays.toString(arg.description()) + " descriptionKey=" + arg.descriptionKey()
                + " default=" + arg.defaultValue() + " initial=" + initial + " hasInitial=" + arg.hasInitialValue()
                + " value=" + value + " split=" + arg.splitRegex() + " hidden=" + arg.hidden() + " interactive=" + arg.interactive()
                + " hideParamSyntax=" + arg.hideParamSyntax() + " showDefault=" + arg.showDefaultValue()
                + " converters=" + converters + " candidates=" + candidates + " toString=" + arg
                + " group=" + (arg.group() == null ? null : arg.group().heading()) + " inherited=" + arg.inherited()
                + " scopeType=" + arg.scopeType();
    }
}

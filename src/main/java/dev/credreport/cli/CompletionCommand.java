package dev.credreport.cli;

import dev.credreport.io.OutputTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a shell completion script. picocli writes one script for both shells: under zsh it loads
 * zsh's bash-completion emulation (bashcompinit) itself. Every option or operand whose value is
 * named FILE, DIR or REPORT completes file names, whatever its Java type (see {@link #asTheShellSeesIt}).
 */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print a completion script for bash or zsh: commands, options and their values complete with Tab.",
        },
        footerHeading = "%nInstall:%n",
        footer = {
            "  bash, now:           source <(credreport completion bash)",
            "  bash, every shell:   echo 'source <(credreport completion bash)' >> ~/.bashrc",
            "  zsh, every shell:    echo 'source <(credreport completion zsh)' >> ~/.zshrc",
            "",
            "The release archive holds the same scripts, made at build time, in its completion directory."
        })
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    private final Supplier<CommandLine> everyCommand;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    /** {@code everyCommand} builds the command line with all its commands: a run builds only its own. */
    CompletionCommand(Supplier<CommandLine> everyCommand) {
        this.everyCommand = everyCommand;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash("credreport", asTheShellSeesIt(everyCommand.get()));
        // Through the same path as every command's standard output: a closed pipe is exit 141, not a bug.
        new OutputTarget(null).write(spec.commandLine().getOut(), out -> out.write(script));
        return dev.credreport.core.ExitCode.SUCCESS.code();
    }

    /** The labels of values that name a local file or directory (or an s3:// location, which no shell completes). */
    static final Set<String> FILE_LABELS = Set.of("FILE", "DIR", "REPORT");

    private static final ITypeInfo ONE_PATH = OptionSpec.builder("-p").type(Path.class).build().typeInfo();
    private static final ITypeInfo PATHS = PositionalParamSpec.builder().type(List.class).auxiliaryTypes(Path.class)
            .build().typeInfo();

    /**
     * A copy of the command tree for picocli's script writer, with every value named FILE, DIR or
     * REPORT typed as a Path: picocli completes file names only for File and Path values, and
     * --input, --history, --output-dir, --dir and diff's operands are text, since they may be s3://
     * locations. Only the copy changes: the commands keep their types. The copy leaves out option
     * groups (picocli cannot retype an option in one), which the script does not show anyway.
     */
    static CommandLine asTheShellSeesIt(CommandLine commandLine) {
        if (commandLine.getCommand() instanceof CommandLine.HelpCommand) {
            // The script completes "help COMMAND" with its parent's commands for this one class alone.
            return new CommandLine(new CommandLine.HelpCommand());
        }
        CommandSpec original = commandLine.getCommandSpec();
        CommandSpec copy = CommandSpec.create().name(original.name()).aliases(original.aliases());
        copy.usageMessage().hidden(original.usageMessage().hidden());
        original.options().forEach(option -> copy.addOption(takesFile(option)
                ? option.toBuilder().typeInfo(option.typeInfo().isMultiValue() ? PATHS : ONE_PATH).build()
                : option.toBuilder().build()));
        original.positionalParameters().forEach(operand -> copy.addPositional(takesFile(operand)
                ? operand.toBuilder().typeInfo(operand.typeInfo().isMultiValue() ? PATHS : ONE_PATH).build()
                : operand.toBuilder().build()));
        CommandLine shellView = new CommandLine(copy);
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                shellView.addSubcommand(name, asTheShellSeesIt(sub));
            }
        });
        return shellView;
    }

    static boolean takesFile(ArgSpec value) {
        return FILE_LABELS.contains(value.paramLabel());
    }
}

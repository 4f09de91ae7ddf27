package dev.credreport.cli;

import dev.credreport.io.OutputTarget;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a shell completion script. picocli writes one script for both shells: under zsh it loads
 * zsh's bash-completion emulation (bashcompinit) itself.
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
        String script = AutoComplete.bash("credreport", everyCommand.get());
        // Through the same path as every command's standard output: a closed pipe is exit 141, not a bug.
        new OutputTarget(null).write(spec.commandLine().getOut(), out -> out.write(script));
        return dev.credreport.core.ExitCode.SUCCESS.code();
    }
}

package dev.credreport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "credreport",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Fetch, parse and print AWS IAM credential reports: every IAM user of an account, and the root user, "
                    + "with the state of their passwords, MFA, access keys and signing certificates.",
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Run 'credreport COMMAND --help' for a command's options.")
final class CredreportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String commands = spec.subcommands().entrySet().stream()
                .filter(command -> !command.getValue().getCommandSpec().usageMessage().hidden() && !command.getKey().equals("help"))
                .map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.joining(", "));
        spec.commandLine().getErr().println("credreport: missing command: " + commands + "; 'credreport --help' says what each does");
        return dev.credreport.core.ExitCode.USAGE.code();
    }
}

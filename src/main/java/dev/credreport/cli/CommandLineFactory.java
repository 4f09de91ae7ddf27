package dev.credreport.cli;

import dev.credreport.io.OutputTarget;

import dev.credreport.aws.SdkPrewarm;
import dev.credreport.log.DebugLog;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the command line that {@code main} and the tests both run. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    /** Runs the arguments as {@code main} does and returns the exit code. */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        if (callsAws(args)) {
            SdkPrewarm.start();
        }
        int code = create(environment, out, err, args.length > 0 ? args[0] : null).execute(args);
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            return stdoutFailed(err, e.getCause(), code);
        }
        return code;
    }

    /**
     * The exit code of a run whose standard output failed: 141 when the reader went away, else 8
     * with the reason; a run that had already failed keeps its own code.
     */
    public static int stdoutFailed(PrintWriter err, IOException cause, int code) {
        if (code != ExitCode.SUCCESS.code() && code != ExitCode.FLAGGED.code()) {
            return code;
        }
        CredreportException failure = OutputTarget.stdoutFailure(cause);
        if (!failure.getMessage().isEmpty()) {
            err.println("credreport: " + failure.getMessage());
            err.flush();
        }
        return failure.exitCode().code();
    }

    /** Whether the arguments will reach AWS, so that the SDK is worth warming up meanwhile. */
    private static boolean callsAws(String[] args) {
        if (args.length == 0 || !(args[0].equals("fetch") || args[0].equals("audit"))) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--input") || arg.startsWith("--input=") || arg.equals("--help") || arg.equals("-h")
                    || arg.equals("--list-rules")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The command line with every command, or with only {@code command} when that names one:
     * building a command's model by reflection is most of picocli's start-up time, so a run pays
     * only for the command it runs.
     */
    public static CommandLine create(Environment environment, PrintWriter out, PrintWriter err, String command) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("fetch", () -> new FetchCommand(environment));
        commands.put("audit", () -> new AuditCommand(environment));
        commands.put("diff", () -> new DiffCommand(environment));
        commands.put("report", () -> new ReportCommand(environment));
        commands.put("fix", () -> FixCommand.create(environment));
        commands.put("exceptions", () -> new CommandLine(new ExceptionsCommand())
                .addSubcommand("check", new ExceptionsCommand.Check(environment)));
        commands.put("athena-ddl", AthenaDdlCommand::new);
        commands.put("completion", () -> new CompletionCommand(() -> create(environment, out, err, null)));
        commands.put("cds-training", TrainingCommand::new);
        CommandLine commandLine = new CommandLine(new CredreportCommand());
        // help COMMAND, and suggestions for a mistyped command, need every command.
        boolean all = command == null || command.equals("help") || !commands.containsKey(command);
        commands.forEach((name, factory) -> {
            if (all || command.equals(name)) {
                commandLine.addSubcommand(name, factory.get());
            }
        });
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        FailureHandler failures = new FailureHandler();
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        commandLine.setExecutionStrategy(parseResult -> {
            FailureHandler.refuseOptionsGivenTwice(parseResult);
            if (HelpLayout.helpRequested(parseResult)) {
                HelpLayout.apply(commandLine, environment.stdoutIsTerminal() ? environment.terminalWidth().getAsInt() : 0);
            }
            return executeWithDebugLog(parseResult, err);
        });
        return commandLine;
    }

    /** Points the SDK's log at standard error for the length of a --debug run. */
    private static int executeWithDebugLog(ParseResult parseResult, PrintWriter err) {
        boolean debug = false;
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            debug |= result.hasMatchedOption("--debug");
        }
        if (debug) {
            DebugLog.enable(err);
        }
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (UncheckedIOException e) {
            if (!printsHelp(parseResult)) {
                throw e;
            }
            return stdoutFailed(err, e.getCause(), ExitCode.SUCCESS.code());
        } catch (CommandLine.ExecutionException e) {
            if (!printsHelp(parseResult) || !(e.getCause() instanceof UncheckedIOException)) {
                throw e;
            }
            return stdoutFailed(err, ((UncheckedIOException) e.getCause()).getCause(), ExitCode.SUCCESS.code());
        } finally {
            DebugLog.disable();
        }
    }

    /**
     * Whether picocli itself prints (help or version): its writes to a closed or full standard
     * output happen outside the commands, whose own output handles that.
     */
    private static boolean printsHelp(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.isVersionHelpRequested()) {
                return true;
            }
        }
        return HelpLayout.helpRequested(parseResult);
    }
}

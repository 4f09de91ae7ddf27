package dev.credreport.cli;

import dev.credreport.io.OutputTarget;

import dev.credreport.aws.SdkPrewarm;
import dev.credreport.log.DebugLog;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
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
        int code = create(environment, out, err, named(args), GENERATED).execute(args);
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
     * The command line with every command, or with only {@code command} in full when that names one:
     * the others are listed by name and summary alone (see {@link #create(Environment, PrintWriter,
     * PrintWriter, Set, Function)}).
     */
    public static CommandLine create(Environment environment, PrintWriter out, PrintWriter err, String command) {
        return create(environment, out, err, command == null ? null : Set.of(command), GENERATED);
    }

    /**
     * The commands a run needs whole: every one an argument names ('help fetch' needs fetch's), or
     * all of them (null) when an argument is an @FILE, whose words picocli reads only while parsing.
     */
    private static Set<String> named(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return null;
            }
        }
        return new HashSet<>(Arrays.asList(args));
    }

    /** Each command's model from the generated {@link CommandModel}: no reflection. */
    private static final Function<Object, CommandLine> GENERATED =
            command -> new CommandLine(CommandModel.of(command), CommandModel.FACTORY);

    /**
     * The command line whose commands named in {@code full} (every one when it is null) have their
     * whole model, built by {@code models}; the others are there by name and summary only, enough for
     * the command list of 'credreport --help' and for suggestions. A run pays only for what it runs.
     */
    static CommandLine create(Environment environment, PrintWriter out, PrintWriter err, Set<String> full,
            Function<Object, CommandLine> models) {
        CommandLine commandLine = models.apply(new CredreportCommand());
        for (String name : COMMANDS) {
            commandLine.addSubcommand(name, full == null || full.contains(name)
                    ? command(name, environment, out, err, models) : new CommandLine(CommandModel.summary(name)));
        }
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

    /** credreport's commands, in the order its help lists them. */
    private static final String[] COMMANDS = {
        "fetch", "audit", "diff", "report", "fix", "exceptions", "athena-ddl", "completion", "cds-training", "help"
    };

    private static CommandLine command(String name, Environment environment, PrintWriter out, PrintWriter err,
            Function<Object, CommandLine> models) {
        return switch (name) {
            case "fetch" -> models.apply(new FetchCommand(environment));
            case "audit" -> models.apply(new AuditCommand(environment));
            case "diff" -> models.apply(new DiffCommand(environment));
            case "report" -> models.apply(new ReportCommand(environment));
            case "fix" -> FixCommand.create(environment, models);
            case "exceptions" -> models.apply(new ExceptionsCommand())
                    .addSubcommand("check", models.apply(new ExceptionsCommand.Check(environment)));
            case "athena-ddl" -> models.apply(new AthenaDdlCommand());
            case "completion" -> models.apply(new CompletionCommand(() -> create(environment, out, err, null, models)));
            case "cds-training" -> models.apply(new TrainingCommand());
            // picocli's own help command, whose model only picocli's reflection builds.
            case "help" -> new CommandLine(new CommandLine.HelpCommand());
            default -> throw new IllegalArgumentException("no command " + name);
        };
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

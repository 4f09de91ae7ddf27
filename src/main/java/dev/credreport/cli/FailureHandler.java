package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.report.UntrustedText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns failures into one line on standard error and an exit code (a line that names the setting
 * at fault and what to do; only picocli's own parse errors add a pointer to --help): expected ones
 * ({@link CredreportException}) with their own code, anything else as an internal error (1) that
 * asks for a bug report. Stack traces only with --debug.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String BUG_REPORT = "this is a bug in credreport; please report it with the output of the same command run with --debug";

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = debugRequested(parseResult);
        if (exception instanceof CredreportException) {
            CredreportException failure = (CredreportException) exception;
            if (!failure.getMessage().isEmpty()) {
                // An empty message is a failure that needs no words, such as a reader closing the pipe.
                err.println("credreport: " + oneLine(failure.getMessage()));
            }
            if (debug && failure.getCause() != null) {
                failure.printStackTrace(err);
            }
            err.flush();
            return failure.exitCode().code();
        }
        err.println("credreport: internal error: " + oneLine(exception.toString()) + "; " + BUG_REPORT);
        if (debug) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // One line, which says where to look: a second line of advice is one more to read past.
        err.println("credreport: " + oneLine(describe(exception, args)) + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * picocli's words, but a mistyped command is called what it is (with the commands it may have
     * meant), an option is named as it was typed, and two names of one option are said to be that.
     */
    private static String describe(ParameterException exception, String[] args) {
        if (exception instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) exception;
            List<String> arguments = unmatched.getUnmatched();
            String suggestion = Suggestions.forUnmatched(unmatched);
            if (unmatched.getCommandLine().getParent() == null && !arguments.isEmpty() && !arguments.get(0).startsWith("-")) {
                return "unknown command '" + arguments.get(0) + "'" + suggestion;
            }
            return exception.getMessage() + suggestion;
        }
        if (exception.getValue() != null && helpCommandRan(exception.getCommandLine())) {
            // picocli's help command says "Unknown subcommand 'fecth'." where the command line itself suggests.
            return "unknown command '" + exception.getValue() + "'"
                    + Suggestions.forCommand(exception.getValue(), exception.getCommandLine().getCommandSpec());
        }
        if (exception instanceof CommandLine.OverwrittenOptionException
                && ((CommandLine.OverwrittenOptionException) exception).getOverwritten() instanceof OptionSpec) {
            return givenTwice((OptionSpec) ((CommandLine.OverwrittenOptionException) exception).getOverwritten(), args);
        }
        if (exception.getArgSpec() instanceof OptionSpec) {
            OptionSpec option = (OptionSpec) exception.getArgSpec();
            List<Use> uses = uses(option, args);
            if (!uses.isEmpty()) {
                return exception.getMessage().replace("'" + option.longestName() + "'", "'" + uses.get(uses.size() - 1).name() + "'");
            }
        }
        return exception.getMessage();
    }

    /**
     * Refuses an option that takes one value given twice (-o a -o b, -o a --output-file b): picocli
     * refuses that itself, but not for the options of a group (Output:, AWS connection:), where the
     * last would silently win. The mistake is then told as picocli's own is.
     */
    static void refuseOptionsGivenTwice(ParseResult parseResult) {
        String[] args = parseResult.originalArgs().toArray(String[]::new);
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            for (OptionSpec option : new java.util.LinkedHashSet<>(result.matchedOptions())) {
                if (option.arity().max() > 0 && !option.typeInfo().isMultiValue() && uses(option, args).size() > 1) {
                    throw new CommandLine.OverwrittenOptionException(result.commandSpec().commandLine(), option,
                            "option '" + option.longestName() + "' should be specified only once");
                }
            }
        }
    }

    /** "--format and --output are the same option": picocli's "should be specified only once" does not say so. */
    private static String givenTwice(OptionSpec option, String[] args) {
        List<Use> uses = uses(option, args);
        List<String> names = uses.stream().map(Use::name).distinct().toList();
        if (names.size() > 1) {
            String awsCliName = names.contains("--output") ? " (--output is its AWS CLI name)" : "";
            return String.join(" and ", names) + " are the same option" + awsCliName + ": give one";
        }
        String name = names.isEmpty() ? option.longestName() : names.get(0);
        String values = uses.stream().map(use -> UntrustedText.quote(use.value())).collect(Collectors.joining(", then "));
        return name + " is given twice" + (option.arity().max() == 0 || uses.isEmpty() ? "" : " (" + values + ")") + ": give it once";
    }

    /** One use of an option on the command line: the name as typed, and the value after it (or after its '='). */
    private record Use(String name, String value) {
    }

    private static List<Use> uses(OptionSpec option, String[] args) {
        List<Use> uses = new ArrayList<>();
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            int equals = args[i].indexOf('=');
            String name = equals > 0 ? args[i].substring(0, equals) : args[i];
            if (List.of(option.names()).contains(name)) {
                uses.add(new Use(name, equals > 0 ? args[i].substring(equals + 1) : i + 1 < args.length ? args[i + 1] : ""));
            }
        }
        return uses;
    }

    private static boolean helpCommandRan(CommandLine commandLine) {
        ParseResult parsed = commandLine.getParseResult();
        return parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().userObject() instanceof CommandLine.HelpCommand;
    }

    /**
     * A message as one line, whatever made it: messages quote report text and user input, and a
     * line break or terminal control in them must neither forge a second line nor drive the terminal.
     */
    static String oneLine(String message) {
        return message == null ? "" : UntrustedText.escape(message);
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}

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
import java.util.List;

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
        err.println("credreport: " + oneLine(describe(exception)) + suggestion(exception));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** picocli's words, but a mistyped command is called what it is. */
    private static String describe(ParameterException exception) {
        if (exception instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) exception;
            List<String> arguments = unmatched.getUnmatched();
            if (unmatched.getCommandLine().getParent() == null && !arguments.isEmpty() && !arguments.get(0).startsWith("-")) {
                return "unknown command '" + arguments.get(0) + "'";
            }
        }
        return exception.getMessage();
    }

    private static String suggestion(ParameterException exception) {
        return exception instanceof UnmatchedArgumentException ? Suggestions.forUnmatched((UnmatchedArgumentException) exception) : "";
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

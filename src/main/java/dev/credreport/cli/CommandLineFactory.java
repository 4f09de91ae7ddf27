package dev.credreport.cli;

import dev.credreport.log.DebugLog;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the command line that {@code main} and the tests both run. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create(Environment environment, PrintWriter out, PrintWriter err) {
        FailureHandler failures = new FailureHandler();
        CommandLine commandLine = new CommandLine(new CredreportCommand())
                .addSubcommand("fetch", new FetchCommand(environment))
                .addSubcommand("audit", new AuditCommand(environment))
                .addSubcommand("diff", new DiffCommand(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        commandLine.setExecutionStrategy(parseResult -> executeWithDebugLog(parseResult, err));
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
        } finally {
            DebugLog.disable();
        }
    }
}

package dev.credreport.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--debug",
            description = "Show the AWS SDK's log (requests, retries, credential lookup) on standard error, "
                    + "and the stack trace of any failure. Secrets are masked.")
    boolean debug;

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing on standard error but errors: no progress, no notes on stale reports.")
    boolean quiet;
}

package dev.credreport.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--debug",
            description = "Show the stack trace of any failure and, for commands that call AWS, the AWS SDK's log "
                    + "(requests, retries, credential lookup) on standard error. Secrets are masked.")
    boolean debug;

    @Option(names = {"-q", "--quiet"},
            description = "Print only errors on standard error: no progress line, no note on a stale report or on "
                    + "rows read leniently, no summary line (audit to a file, many accounts), and with --output-dir "
                    + "not the saved path on standard output. Errors and exit codes are unchanged.")
    boolean quiet;
}

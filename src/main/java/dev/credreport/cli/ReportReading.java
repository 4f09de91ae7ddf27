package dev.credreport.cli;

import dev.credreport.report.ReportInput;
import dev.credreport.source.OnePassWrite;
import dev.credreport.source.ReportSource;
import java.io.PrintWriter;

/** Reads the one report of a command that covers one account, with its progress line and notes on standard error. */
final class ReportReading {
    private ReportReading() {
    }

    static ReportInput read(ReportSourceOptions options, Environment environment, PrintWriter err, boolean quiet) {
        ReportSource source = options.source();
        return source.read(surroundings(environment, options.aws), ProgressLine.of(environment, err, quiet), say(err, quiet));
    }

    /**
     * As {@link #read}, for a command that writes the one report with {@link OnePassWrite}: the
     * report is validated while it is written, and {@code valid} (given to the write) says its age.
     */
    static ReportInput open(ReportSourceOptions options, Environment environment, PrintWriter err, boolean quiet) {
        return options.source().open(surroundings(environment, options.aws), ProgressLine.of(environment, err, quiet), say(err, quiet));
    }

    /** Says, once the report is known to be good, how old a report from AWS is (a note when stale). */
    static Runnable noteAge(ReportInput report, ReportSourceOptions options, Environment environment, PrintWriter err,
            boolean quiet) {
        return () -> ReportSource.noteAge(report, surroundings(environment, options.aws), say(err, quiet));
    }

    private static java.util.function.Consumer<String> say(PrintWriter err, boolean quiet) {
        return quiet ? line -> { } : line -> err.println("credreport: " + line);
    }

    /** The process as reading a report sees it; the AWS settings are resolved only when asked for. */
    static ReportSource.Surroundings surroundings(Environment environment, AwsConnectionOptions aws) {
        return new ReportSource.Surroundings(() -> aws.toSettings(environment), environment.stdin(), environment.clock(),
                environment.sleeper());
    }
}

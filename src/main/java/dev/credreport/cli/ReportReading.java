package dev.credreport.cli;

import dev.credreport.report.ReportInput;
import dev.credreport.source.ReportSource;
import java.io.PrintWriter;

/** Reads the one report of a command that covers one account, with its progress line and notes on standard error. */
final class ReportReading {
    private ReportReading() {
    }

    static ReportInput read(ReportSourceOptions options, Environment environment, PrintWriter err, boolean quiet) {
        ReportSource source = options.source();
        return source.read(surroundings(environment, options.aws), ProgressLine.of(environment, err, quiet),
                quiet ? line -> { } : line -> err.println("credreport: " + line));
    }

    /** The process as reading a report sees it; the AWS settings are resolved only when asked for. */
    static ReportSource.Surroundings surroundings(Environment environment, AwsConnectionOptions aws) {
        return new ReportSource.Surroundings(() -> aws.toSettings(environment), environment.stdin(), environment.clock(),
                environment.sleeper());
    }
}

package dev.credreport.cli;

import dev.credreport.CredreportException;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.render.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where output goes and in which format. */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, csv, blocks or json. Default: table when standard output is a terminal, "
                    + "csv otherwise (so pipes and files get the report as AWS wrote it).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output: atomically (a failed run leaves any "
                    + "previous FILE as it was) and readable by you alone (mode 0600). '-' is standard output.")
    Path output;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Fit the table to this many columns. Default: the terminal's width (COLUMNS), "
                    + "no limit when not writing to a terminal.")
    Integer width;

    OutputFormat format(Environment environment) {
        if (format != null) {
            return format;
        }
        return toStdout() && environment.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.CSV;
    }

    int width(Environment environment) {
        if (width != null) {
            if (width < 20) {
                throw CredreportException.usage("--width must be at least 20 columns");
            }
            return width;
        }
        return toStdout() ? environment.terminalWidth().getAsInt() : 0;
    }

    boolean toStdout() {
        return output == null || output.toString().equals("-");
    }

    /** Writes through the body to the output file, atomically, or to standard output. */
    void write(PrintWriter stdout, AtomicFileWriter.Body body) {
        if (!toStdout()) {
            AtomicFileWriter.write(output, body);
            return;
        }
        try {
            body.writeTo(stdout);
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot write to standard output: " + e.getMessage(), e);
        }
        stdout.flush();
        if (stdout.checkError()) {
            throw CredreportException.cannotWrite("cannot write to standard output (closed pipe or full disk)", null);
        }
    }
}

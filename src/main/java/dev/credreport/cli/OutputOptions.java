package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.io.StandardOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where output goes: standard output or, atomically, a file. */
public final class OutputOptions {
    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", converter = PathConverter.class,
            description = "Write to FILE instead of standard output: atomically (a failed run leaves any "
                    + "previous FILE as it was) and readable by you alone (mode 0600). '-' is standard output.")
    Path output;

    /** Whether a format-less run should print a table: only to a terminal, never to a file or pipe. */
    boolean tableByDefault(Environment environment) {
        return toStdout() && environment.stdoutIsTerminal();
    }

    /** Checks the output file can be written before any work is done for it (exit 8 if not). */
    void check() {
        if (!toStdout()) {
            AtomicFileWriter.checkTarget(output);
        }
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
            stdout.flush();
        } catch (IOException e) {
            throw stdoutFailure(e);
        } catch (UncheckedIOException e) {
            throw stdoutFailure(e.getCause());
        }
        if (stdout.checkError()) {
            throw CredreportException.cannotWrite("cannot write to standard output (closed pipe or full disk)", null);
        }
    }

    /** A reader that went away (credreport fetch | head) ends the run quietly; anything else is said. */
    static CredreportException stdoutFailure(IOException e) {
        if (StandardOutput.isClosedPipe(e)) {
            return CredreportException.readerGone(e);
        }
        return CredreportException.cannotWrite("cannot write to standard output: " + e.getMessage(), e);
    }
}

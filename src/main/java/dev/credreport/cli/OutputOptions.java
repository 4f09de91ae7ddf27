package dev.credreport.cli;

import dev.credreport.io.OutputTarget;

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
        target().check();
    }

    boolean toStdout() {
        return target().toStdout();
    }

    /** Where the output goes; it writes, these options only hold the name. */
    OutputTarget target() {
        return new OutputTarget(output);
    }
}

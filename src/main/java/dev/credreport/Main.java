package dev.credreport;

import dev.credreport.cli.CommandLineFactory;
import dev.credreport.cli.Environment;
import dev.credreport.io.StandardOutput;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The program: the only place that touches the process's streams and calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        // UTF-8 whatever the locale: the report's bytes must come out as they went in.
        PrintWriter out = StandardOutput.ofThisProcess();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = CommandLineFactory.run(Environment.system(), out, err, args);
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            code = CommandLineFactory.stdoutFailed(err, e.getCause(), code);
        }
        err.flush();
        return code;
    }
}

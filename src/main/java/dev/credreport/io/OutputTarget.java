package dev.credreport.io;

import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where a command's output goes: standard output, or a file written atomically (a failed run
 * leaves any previous file as it was).
 *
 * @param file the file, or null (or '-') for standard output
 */
public record OutputTarget(Path file) {
    public boolean toStdout() {
        return file == null || file.toString().equals("-");
    }

    /** Checks the output file can be written before any work is done for it (exit 8 if not). */
    public void check() {
        if (!toStdout()) {
            AtomicFileWriter.checkTarget(file);
        }
    }

    /**
     * Whether what is written is seen only once the body has finished: a file replaced atomically,
     * not standard output, a device or a FIFO.
     */
    public boolean seenOnlyWhole() {
        return !toStdout() && AtomicFileWriter.replaces(file);
    }

    /** Writes through the body to the output file, atomically, or to standard output. */
    public void write(PrintWriter stdout, AtomicFileWriter.Body body) {
        if (!toStdout()) {
            AtomicFileWriter.write(file, body);
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
    public static CredreportException stdoutFailure(IOException e) {
        if (StandardOutput.isClosedPipe(e)) {
            return CredreportException.readerGone(e);
        }
        return CredreportException.cannotWrite("cannot write to standard output: " + e.getMessage(), e);
    }
}

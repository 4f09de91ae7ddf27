package dev.credreport.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Standard output that fails at once: a PrintWriter hides write errors, so a report piped into
 * {@code head} would otherwise be rendered to its end into a closed pipe. Here a failed write
 * throws, and the run stops.
 */
public final class StandardOutput extends PrintWriter {
    public StandardOutput(Writer out) {
        super(out, false);
    }

    @Override
    public void write(int c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        try {
            out.write(buffer, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        try {
            out.write(text, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a write failure means the reader went away (a closed pipe), which is no one's fault. */
    public static boolean isClosedPipe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Stream closed");
    }
}

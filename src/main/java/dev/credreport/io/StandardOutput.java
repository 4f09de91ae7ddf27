package dev.credreport.io;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Standard output that fails at once: a PrintWriter hides write errors, so a report piped into
 * {@code head} would otherwise be rendered to its end into a closed pipe. Here a failed write
 * throws, and the run stops.
 */
public final class StandardOutput extends PrintWriter {
    private final boolean thisProcess;

    public StandardOutput(Writer out) {
        this(out, false);
    }

    private StandardOutput(Writer out, boolean thisProcess) {
        super(out, false);
        this.thisProcess = thisProcess;
    }

    /** The process's own standard output, in UTF-8 whatever the locale: the report's bytes must come out as they went in. */
    public static StandardOutput ofThisProcess() {
        return new StandardOutput(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 1 << 16), true);
    }

    /**
     * Whether {@code out} writes to this process's standard output (file descriptor 1), not to a
     * writer of a test or of a part of the output: only then may {@link StandardOutputFile} write there.
     */
    public static boolean isThisProcess(PrintWriter out) {
        return out instanceof StandardOutput standard && standard.thisProcess;
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

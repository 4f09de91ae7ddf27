package dev.credreport.io;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Standard output redirected to a regular file ({@code > FILE} or {@code >> FILE}): what a run
 * writes there can be taken back, so a report can be validated while it is written, as into a
 * file given with -o, and a bad row cuts the file back to the length it had: nothing printed, and
 * the report parsed once instead of twice (a million rows as blocks: about a sixth of the time).
 *
 * <p>Not for a file opened in its middle ({@code 1<>FILE}: bytes written over cannot be put back),
 * nor when standard error is the same file (its lines would be cut too), nor where the system has
 * no {@code /dev/fd}: there standard output is written as a terminal or a pipe is.
 */
public final class StandardOutputFile {
    /** O_APPEND in the octal flags of /proc/self/fdinfo (Linux): every write goes to the end. */
    private static final int O_APPEND = 02000;

    private final FileChannel channel;
    private final long start;

    private StandardOutputFile(FileChannel channel, long start) {
        this.channel = channel;
        this.start = start;
    }

    /** This process's standard output, when it is such a file; null when it is not (or cannot be told). */
    public static StandardOutputFile ofThisProcess() {
        try {
            Path out = Path.of("/dev/fd/1");
            if (!Files.isRegularFile(out) || Files.isSameFile(out, Path.of("/dev/fd/2"))) {
                return null;
            }
            return of(new FileOutputStream(FileDescriptor.out).getChannel(), appends(Path.of("/proc/self/fdinfo/1")));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /**
     * A channel's file, written from its position on; null when that is not its end.
     *
     * @param appends whether every write goes to the end whatever the position (O_APPEND)
     */
    public static StandardOutputFile of(FileChannel channel, boolean appends) throws IOException {
        long size = channel.size();
        if (appends) {
            return new StandardOutputFile(channel, size);
        }
        return channel.position() == size ? new StandardOutputFile(channel, size) : null;
    }

    /** Whether the descriptor an fdinfo file describes was opened to append; false when it cannot be told. */
    static boolean appends(Path fdinfo) {
        try {
            for (String line : Files.readAllLines(fdinfo)) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring("flags:".length()).trim(), 8) & O_APPEND) != 0;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // no fdinfo (not Linux): a file opened to append then has its position short of its end, and is not used
        }
        return false;
    }

    /**
     * Writes through the body and flushes. When the body or a write fails, the file is cut back
     * to its length before the run and the failure goes on.
     */
    public void write(AtomicFileWriter.Body body) throws IOException {
        // Never closed: closing would close standard output itself.
        Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        try {
            body.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException | Error e) {
            takeBack(e);
            throw e;
        }
    }

    private void takeBack(Throwable failure) {
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }
}

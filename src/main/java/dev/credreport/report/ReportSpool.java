package dev.credreport.report;

import dev.credreport.core.CredreportException;
import dev.credreport.io.TemporaryFile;
import dev.credreport.io.TemporaryFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps an input that can be read only once (standard input, a FIFO, bash's {@code <(…)}) so that
 * formats can read it more than once: in memory when small, else in a temporary file readable by
 * the user alone, removed when the report is closed or the copy fails.
 */
final class ReportSpool {
    /**
     * How much of a read-once input is kept in memory; beyond it, the rest goes to a private
     * temporary file. Also the most a header line may take before the input is refused.
     */
    static final int IN_MEMORY = 8 << 20;

    private ReportSpool() {
    }

    /** Where the copies go: the JVM's temporary directory, as {@code java.io.tmpdir} names it. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Reads the input to its end and keeps it. Before spilling to disk, the part in memory must
     * begin with a credential report's header: an endless stream that is no report ({@code yes},
     * /dev/zero) fails at once instead of filling the disk.
     */
    static ReportBytes keep(InputStream in, Path directory) throws IOException {
        byte[] head = in.readNBytes(IN_MEMORY);
        if (head.length < IN_MEMORY) {
            return ReportBytes.inMemory(head);
        }
        checkHeader(head);
        TemporaryFile copy = TemporaryFiles.createPrivate(directory, "credreport-stdin-", ".csv");
        try (OutputStream out = Files.newOutputStream(copy.path())) {
            out.write(head);
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e;
        }
        return ReportBytes.inCopy(copy);
    }

    /**
     * Fails with exit 7, as a full read would, unless {@code head} begins with a header line that
     * has every required column. Only the first line is parsed: the rest of the head may end mid-row.
     */
    private static void checkHeader(byte[] head) {
        int end = 0;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        if (end == head.length) {
            throw CredreportException.badInput("line 1: not a credential report: no line end in the first "
                    + (IN_MEMORY >> 20) + " MiB, where the header line should be");
        }
        InputStream line = new ByteArrayInputStream(head, 0, end + 1);
        CredentialReportReader.open(line).close();
    }
}

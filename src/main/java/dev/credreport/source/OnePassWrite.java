package dev.credreport.source;

import dev.credreport.core.CredreportException;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.io.OutputTarget;
import dev.credreport.io.StandardOutput;
import dev.credreport.io.StandardOutputFile;
import dev.credreport.io.TemporaryFile;
import dev.credreport.io.TemporaryFiles;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Writes one report's output so that a report that turns out bad leaves nothing, parsing it once
 * where it can: a failed run prints nothing on standard output and leaves no file.
 *
 * <ul>
 *   <li>Into a file replaced atomically ({@code -o FILE}), the report is validated while it is
 *       written: a bad row fails the write, and the temporary file is removed unpublished.</li>
 *   <li>To standard output redirected to a file ({@code > FILE}), likewise: a bad row cuts the
 *       file back to the length it had (see {@link StandardOutputFile}).</li>
 *   <li>To standard output (a terminal, a pipe, a device) a report whose rows surely fit the run's
 *       {@link RowBudget} is validated first, its rows kept, then written from them; for the csv,
 *       a copy of the bytes, no rows are kept (5,000 users: about 10 MB less at the peak).</li>
 *   <li>A larger one, for a format that reads the rows twice (the table: widths, then rows), is
 *       written into a private spool file, validated as it goes, and copied to standard output
 *       only when whole: two parses and a copy instead of three.</li>
 *   <li>For a format that reads the rows once, a larger report is still validated first and read
 *       again: copying its output out of a spool costs as much as the second parse or more
 *       (1,000,000 rows, -Xmx128m, CPU time spooled against parsed twice: blocks 1.09x, 728 MB of
 *       output; json 1.20x; table 0.89x).</li>
 * </ul>
 */
public final class OnePassWrite {
    private final RowBudget budget;
    private final Path spoolDirectory;
    private final Function<PrintWriter, StandardOutputFile> stdoutFile;

    /**
     * @param budget the rows the run may keep in memory
     * @param spoolDirectory where an output too large to validate first is kept until it is whole
     */
    public OnePassWrite(RowBudget budget, Path spoolDirectory) {
        this(budget, spoolDirectory, out -> null);
    }

    /**
     * @param stdoutFile for the writer of standard output, the file it writes to when that file's writes can be taken
     *     back, or null
     */
    OnePassWrite(RowBudget budget, Path spoolDirectory, Function<PrintWriter, StandardOutputFile> stdoutFile) {
        this.budget = budget;
        this.spoolDirectory = spoolDirectory;
        this.stdoutFile = stdoutFile;
    }

    /**
     * For one run of the process: a quarter of its heap for rows, the JVM's temporary directory for
     * the spool, and standard output written in one pass where it is a file (see {@link StandardOutputFile}).
     */
    public static OnePassWrite forThisRun() {
        return new OnePassWrite(RowBudget.forThisRun(), Path.of(System.getProperty("java.io.tmpdir")),
                out -> StandardOutput.isThisProcess(out) ? StandardOutputFile.ofThisProcess() : null);
    }

    /**
     * Writes the report through {@code body} to {@code target}.
     *
     * @param rowReads how many times {@code body} reads the report's rows ({@code Format.rowReads})
     * @param valid run once the report is known to be good, before a byte reaches standard output
     *     (notes for standard error that a bad report must not give)
     * @throws CredreportException exit 7 when the report is no readable credential report, with
     *     nothing written; exit 8 when the output (or the spool) could not be written
     */
    public void write(ReportInput report, OutputTarget target, PrintWriter stdout, int rowReads, Runnable valid,
            AtomicFileWriter.Body body) {
        AtomicFileWriter.Body validating = out -> {
            body.writeTo(out);
            // Free when the format read every row, as formats do; a parse of its own if not.
            report.validate(budget);
            valid.run();
        };
        if (target.seenOnlyWhole()) {
            report.validateOnFirstRead(budget);
            target.write(stdout, validating);
            return;
        }
        StandardOutputFile file = target.toStdout() ? stdoutFile.apply(stdout) : null;
        if (file != null) {
            // What was printed before goes first; then the report, taken back if it turns out bad.
            stdout.flush();
            report.validateOnFirstRead(budget);
            try {
                file.write(validating);
            } catch (IOException e) {
                throw OutputTarget.stdoutFailure(e);
            } catch (UncheckedIOException e) {
                throw OutputTarget.stdoutFailure(e.getCause());
            }
            return;
        }
        if (rowReads < 2 || report.surelyFits(budget)) {
            // A format that reads no rows (the csv, a copy of the bytes) has no use for kept ones.
            report.validate(rowReads == 0 ? RowBudget.none() : budget);
            valid.run();
            target.write(stdout, body);
            return;
        }
        try (TemporaryFile spool = spool()) {
            report.validateOnFirstRead(budget);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spool.path()), StandardCharsets.UTF_8),
                    1 << 16)) {
                body.writeTo(out);
            } catch (IOException | UncheckedIOException e) {
                throw spoolFailure(spool.path(), e);
            }
            report.validate(budget);
            valid.run();
            target.write(stdout, out -> copy(spool.path(), out));
        }
    }

    private TemporaryFile spool() {
        try {
            return TemporaryFiles.createPrivate(spoolDirectory, "credreport-output-", ".tmp");
        } catch (IOException e) {
            throw spoolFailure(spoolDirectory, e);
        }
    }

    /** Copies the spool to standard output; a spool that cannot be read back is the spool's failure, not the output's. */
    private static void copy(Path spool, Writer out) throws IOException {
        char[] buffer = new char[1 << 16];
        try (Reader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (IOException e) {
                    throw spoolFailure(spool, e);
                }
                if (read < 0) {
                    return;
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static CredreportException spoolFailure(Path where, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return CredreportException.cannotWrite("cannot keep the output in " + where + " until the report is read whole: "
                + cause.getMessage() + " (free space there, or write to a file with -o FILE)", cause);
    }
}

package dev.credreport.report;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A credential report and what is known of where it came from. It can be opened more than once:
 * the raw CSV output validates the report before copying it. Where its bytes are is
 * {@link ReportBytes}' business, keeping a read-once input {@link ReportSpool}'s, the validating
 * read {@link ReportValidation}'s. Close it when the command is done: a piped report may be in a
 * temporary file, removed then.
 */
public final class ReportInput implements AutoCloseable {
    /** Where a report came from, as the JSON metadata names it. */
    public enum Origin { AWS, FILE, STDIN }

    private final Origin origin;
    private final String name;
    private final Instant generatedTime;
    private final ReportBytes bytes;
    private ReportValidation validation;
    /** What a first read through {@link #openReport} may keep of the rows, or null: such a read validates nothing. */
    private RowBudget firstReadBudget;
    /** Whether a first read through {@link #openReport} is under way, recording the validation. */
    private boolean recording;
    /** How many times the CSV was parsed from its start. */
    private int parses;
    /** Where notes go; until it is set, the note waits in {@link #pendingNote}. */
    private Consumer<String> notes;
    private String pendingNote;
    private boolean noted;

    private ReportInput(Origin origin, String name, Instant generatedTime, ReportBytes bytes) {
        this.origin = origin;
        this.name = name;
        this.generatedTime = generatedTime;
        this.bytes = bytes;
    }

    /** A report as GetCredentialReport returned it. */
    public static ReportInput fromAws(byte[] content, Instant generatedTime, String endpoint) {
        return new ReportInput(Origin.AWS, endpoint, generatedTime, ReportBytes.inMemory(Objects.requireNonNull(content)));
    }

    /** A saved report; the file must exist and be readable. */
    public static ReportInput fromFile(Path file) {
        return fromFile(file, null);
    }

    /**
     * A saved report whose generated time is known from its metadata (or null). A path that is not
     * a regular file (a FIFO, bash's {@code <(…)} as /dev/fd/N, /dev/stdin, a device) can be read
     * only once, so it is read now and kept as standard input is.
     */
    public static ReportInput fromFile(Path file, Instant generatedTime) {
        if (Files.isDirectory(file)) {
            throw CredreportException.badInput("cannot read " + file + ": it is a directory, not a report file");
        }
        if (!Files.exists(file)) {
            throw CredreportException.badInput("cannot read " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw CredreportException.badInput("cannot read " + file + ": permission denied");
        }
        if (Files.isRegularFile(file)) {
            return new ReportInput(Origin.FILE, file.toString(), generatedTime, ReportBytes.inFile(file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            try {
                return new ReportInput(Origin.FILE, file.toString(), generatedTime, ReportSpool.keep(in, ReportSpool.defaultDirectory()));
            } catch (CredreportException e) {
                throw named(file.toString(), e);
            }
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A saved report read from a remote store (an s3:// object), named by its location. */
    public static ReportInput fromStore(byte[] content, String location, Instant generatedTime) {
        return new ReportInput(Origin.FILE, location, generatedTime, ReportBytes.inMemory(Objects.requireNonNull(content)));
    }

    /**
     * A report piped in. Standard input can be read only once but formats read the report more than
     * once, so it is kept: in memory when small, else in a temporary file readable by the user alone,
     * removed when the report is closed.
     */
    public static ReportInput fromStdin(InputStream stdin) {
        return fromStdin(stdin, ReportSpool.defaultDirectory());
    }

    /** As {@link #fromStdin(InputStream)}, with a large input kept in {@code spoolDirectory}. */
    static ReportInput fromStdin(InputStream stdin, Path spoolDirectory) {
        ReportBytes kept;
        try {
            kept = ReportSpool.keep(stdin, spoolDirectory);
        } catch (CredreportException e) {
            throw named("standard input", e);
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read standard input: " + e.getMessage(), e);
        }
        if (kept.isEmpty()) {
            throw CredreportException.badInput("standard input is empty: pipe a credential report into it, "
                    + "or give --input FILE");
        }
        return new ReportInput(Origin.STDIN, "standard input", null, kept);
    }

    public Origin origin() {
        return origin;
    }

    /** The endpoint, file name or "standard input". */
    public String name() {
        return name;
    }

    public Optional<Instant> generatedTime() {
        return Optional.ofNullable(generatedTime);
    }

    /** The report's bytes exactly as they were received or saved. */
    public byte[] bytes() {
        return bytes.readAll();
    }

    /** The temporary copy the report is kept in, or null: for a test that closing removes it. */
    Path temporaryCopy() {
        return bytes.copyPath();
    }

    /** As {@link #validate(RowBudget)}, keeping no rows: formats that need them again parse the report again. */
    public ReportSummary validate() {
        return validate(RowBudget.none());
    }

    /**
     * Reads the whole report once, proving it is a credential report, before anything of it is
     * written: a bad row after good ones must fail the run before a single byte of output, never
     * leave a well-formed document holding the rows before it. Its rows are kept while the run's
     * {@code budget} lasts. Later calls return the first answer.
     *
     * @throws dev.credreport.core.CredreportException exit 7 when it is not a readable credential report
     */
    public synchronized ReportSummary validate(RowBudget budget) {
        if (validation == null) {
            validation = ReportValidation.read(parse(), budget);
        }
        return validation.summary();
    }

    /**
     * Lets the first read through {@link #openReport} (a format writing the report where nothing
     * is seen until the end) be the validating read: it keeps the rows while {@code budget} lasts,
     * and once it reaches the end {@link #validate} answers without parsing again.
     */
    public synchronized void validateOnFirstRead(RowBudget budget) {
        firstReadBudget = Objects.requireNonNull(budget);
    }

    /**
     * Whether the report's rows surely fit in what is left of {@code budget}, told from its size
     * alone before any parse: a row of a credential report takes at least {@link #MIN_ROW_BYTES}.
     * A report too large is better written once to a spool than parsed twice.
     */
    public synchronized boolean surelyFits(RowBudget budget) {
        return bytes.size() / MIN_ROW_BYTES <= budget.left();
    }

    /**
     * The fewest bytes a row of a credential report takes: an ARN of 30 or more, a creation time
     * of 20 or more, and 20 more cells of at least 3 ({@code N/A}, {@code true}) and their commas.
     */
    static final int MIN_ROW_BYTES = 128;

    /** How many times the report was parsed from its start: a test's check that a run reads it once. */
    public synchronized int parses() {
        return parses;
    }

    /** The report as text; bytes that are not UTF-8 fail the read rather than turn into replacement characters. */
    public Reader openReader() {
        return new InputStreamReader(bytes.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Where notes on how the report was read go (a row read leniently). However often the report
     * is read, each note is given once; one given before this is called (by a validating read on
     * another thread) is passed on now.
     */
    public synchronized void sendNotesTo(Consumer<String> sink) {
        notes = Objects.requireNonNull(sink);
        if (pendingNote != null) {
            String note = pendingNote;
            pendingNote = null;
            sink.accept(note);
        }
    }

    private synchronized void note(String note) {
        if (noted) {
            return;
        }
        noted = true;
        if (notes == null) {
            pendingNote = note;
        } else {
            notes.accept(note);
        }
    }

    /**
     * The report's rows: those the validating read kept, else read again from the CSV, which
     * begins by reading its header. After {@link #validateOnFirstRead}, the first read is the
     * validating one, its rows kept as it goes.
     */
    public synchronized ReportRows openReport() {
        if (validation != null) {
            ReportRows kept = validation.keptRows();
            return kept != null ? kept : parse();
        }
        if (firstReadBudget == null || recording) {
            return parse();
        }
        CredentialReportReader rows = parse();
        recording = true;
        RowBudget budget = firstReadBudget;
        return new ReportValidation.Recording(rows, budget, this::validated);
    }

    /** A first read reached the end: the report is valid, and later reads take its kept rows. */
    private synchronized void validated(ReportValidation read) {
        recording = false;
        if (validation == null) {
            validation = read;
        } else {
            // Another read of the same report was first: this one's rows go back to the budget.
            read.release();
        }
    }

    private CredentialReportReader parse() {
        parses++;
        try {
            return CredentialReportReader.open(bytes.open(), this::lineOfBadUtf8, this::note);
        } catch (CredreportException e) {
            throw named(name(), e);
        }
    }

    /** A file that is no credential report is told by its name: the user may have given the wrong one. */
    private static CredreportException named(String name, CredreportException e) {
        if (e.exitCode() == ExitCode.BAD_INPUT && e.getMessage().startsWith(CredentialReportReader.NOT_A_REPORT)
                && !e.getMessage().contains(name)) {
            return CredreportException.badInput(UntrustedText.escape(name) + ": " + e.getMessage(), e);
        }
        return e;
    }

    /** The line of the first byte that is not UTF-8, or -1; read again from the start, as only a failed read asks. */
    private long lineOfBadUtf8() {
        try (InputStream in = bytes.open()) {
            return Utf8Lines.lineOfFirstMalformed(in);
        } catch (IOException | CredreportException e) {
            return -1;
        }
    }

    /**
     * Removes the temporary copy a piped report was kept in, and gives the rows its validating read
     * kept back to the run's {@link RowBudget}, so that a run over thousands of accounts keeps the
     * rows of the reports still to come, not only of its first; the report cannot be read after.
     */
    @Override
    public void close() {
        ReportValidation done;
        synchronized (this) {
            done = validation;
        }
        if (done != null) {
            done.release();
        }
        bytes.close();
    }
}

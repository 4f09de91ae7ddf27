package dev.credreport.report;

import dev.credreport.core.CredreportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A credential report's bytes and what is known of where they came from. It can be opened more
 * than once: the raw CSV output validates the report before copying it.
 */
public final class ReportInput {
    /** Where a report came from, as the JSON metadata names it. */
    public enum Origin { AWS, FILE, STDIN }

    private final Origin origin;
    private final String name;
    private final Instant generatedTime;
    private final byte[] bytes;
    private final Path file;
    private ReportSummary summary;
    /** What the validating read kept, or null when it kept nothing (over the budget, or not yet read). */
    private Kept kept;

    private record Kept(ReportHeader header, List<UserCredentials> users) {
    }
    /** Where notes go; until it is set, the note waits in {@link #pendingNote}. */
    private Consumer<String> notes;
    private String pendingNote;
    private boolean noted;

    private ReportInput(Origin origin, String name, Instant generatedTime, byte[] bytes, Path file) {
        this.origin = origin;
        this.name = name;
        this.generatedTime = generatedTime;
        this.bytes = bytes;
        this.file = file;
    }

    /**
     * How many users all reports of this run may keep in memory from their validating read, so
     * that formats which read a report again (blocks, json, table, audit, the page) do not parse
     * it twice or three times: a report is kept when all of it fits, so a million-row report is
     * read again instead, in constant memory, and so are the last accounts of a run over many.
     */
    static final RowBudget KEEP_BUDGET = RowBudget.forHeap(Runtime.getRuntime().maxMemory());

    /** A report as GetCredentialReport returned it. */
    public static ReportInput fromAws(byte[] content, Instant generatedTime, String endpoint) {
        return new ReportInput(Origin.AWS, endpoint, generatedTime, Objects.requireNonNull(content), null);
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
            return new ReportInput(Origin.FILE, file.toString(), generatedTime, null, file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readOnce(in, Origin.FILE, file.toString(), generatedTime);
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A saved report read from a remote store (an s3:// object), named by its location. */
    public static ReportInput fromStore(byte[] content, String location, Instant generatedTime) {
        return new ReportInput(Origin.FILE, location, generatedTime, Objects.requireNonNull(content), null);
    }

    /**
     * How much of a read-once input is kept in memory; beyond it, the rest goes to a private
     * temporary file. Also the most a header line may take before the input is refused.
     */
    static final int STDIN_IN_MEMORY = 8 << 20;

    /**
     * A report piped in. Standard input can be read only once but formats read the report more than
     * once, so it is kept: in memory when small, else in a temporary file readable by the user alone,
     * deleted when the program ends.
     */
    public static ReportInput fromStdin(InputStream stdin) {
        try {
            ReportInput input = readOnce(stdin, Origin.STDIN, "standard input", null);
            if (input.bytes != null && input.bytes.length == 0) {
                throw CredreportException.badInput("standard input is empty: pipe a credential report into it, "
                        + "or give --input FILE");
            }
            return input;
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an input that cannot be opened again, keeping it: in memory up to {@link #STDIN_IN_MEMORY},
     * else in a temporary file readable by the user alone, deleted when the program ends. Before
     * spilling, the part in memory must begin with a credential report's header: an endless stream
     * that is no report ({@code yes}, /dev/zero) fails at once instead of filling the disk.
     */
    private static ReportInput readOnce(InputStream in, Origin origin, String name, Instant generatedTime) throws IOException {
        byte[] head = in.readNBytes(STDIN_IN_MEMORY);
        if (head.length < STDIN_IN_MEMORY) {
            return new ReportInput(origin, name, generatedTime, head, null);
        }
        checkHeader(head);
        Path spill = Files.createTempFile("credreport-stdin-", ".csv",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        spill.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(spill)) {
            out.write(head);
            in.transferTo(out);
        }
        return new ReportInput(origin, name, generatedTime, null, spill);
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
                    + (STDIN_IN_MEMORY >> 20) + " MiB, where the header line should be");
        }
        byte[] line = Arrays.copyOf(head, end + 1);
        new ReportInput(Origin.STDIN, "header", null, line, null).parse().close();
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
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the whole report once, proving it is a credential report, before anything of it is
     * written: a bad row after good ones must fail the run before a single byte of output, never
     * leave a well-formed document holding the rows before it. Later calls return the first answer.
     *
     * @throws dev.credreport.core.CredreportException exit 7 when it is not a readable credential report
     */
    public synchronized ReportSummary validate() {
        if (summary == null) {
            ReportSummary.Counter counter = new ReportSummary.Counter();
            List<UserCredentials> users = new ArrayList<>();
            try (CredentialReportReader report = parse()) {
                while (report.hasNext()) {
                    UserCredentials user = report.next();
                    counter.add(user);
                    users = keep(users, user);
                }
                kept = users == null ? null : new Kept(report.header(), users);
            } catch (RuntimeException e) {
                if (users != null) {
                    KEEP_BUDGET.giveBack(users.size());
                }
                throw e;
            }
            summary = counter.summary();
        }
        return summary;
    }

    /** The rows kept so far with {@code user} added, or null (every row given back) once the budget runs out. */
    private static List<UserCredentials> keep(List<UserCredentials> users, UserCredentials user) {
        if (users == null) {
            return null;
        }
        if (!KEEP_BUDGET.take(1)) {
            KEEP_BUDGET.giveBack(users.size());
            return null;
        }
        users.add(user);
        return users;
    }

    /** The report as text; bytes that are not UTF-8 fail the read rather than turn into replacement characters. */
    public Reader openReader() {
        return new InputStreamReader(openStream(), StandardCharsets.UTF_8.newDecoder()
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
     * begins by reading its header.
     */
    public synchronized ReportRows openReport() {
        if (kept != null) {
            return new KeptRows(kept.header(), kept.users());
        }
        return parse();
    }

    private CredentialReportReader parse() {
        return CredentialReportReader.open(openReader(), this::lineOfBadUtf8, this::note);
    }

    /** The line of the first byte that is not UTF-8, or -1; read again from the start, as only a failed read asks. */
    private long lineOfBadUtf8() {
        try (InputStream in = openStream()) {
            return Utf8Lines.lineOfFirstMalformed(in);
        } catch (IOException | CredreportException e) {
            return -1;
        }
    }

    private InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw CredreportException.badInput("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw CredreportException.badInput("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

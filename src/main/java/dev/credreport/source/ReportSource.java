package dev.credreport.source;

import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.CredentialReportFetcher;
import dev.credreport.aws.FetchedReport;
import dev.credreport.aws.IamConnection;
import dev.credreport.aws.ReportStores;
import dev.credreport.aws.S3Settings;
import dev.credreport.aws.Sleeper;
import dev.credreport.core.CredreportException;
import dev.credreport.core.HumanTime;
import dev.credreport.io.Progress;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import dev.credreport.store.Location;
import dev.credreport.store.ReportArchive;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where one account's report comes from: AWS (generate, wait, get) or a saved report named by
 * --input ('-', a file, or s3://BUCKET/KEY). The whole report is validated before it is handed
 * on, so no command writes a byte of a report that turns out bad further down.
 *
 * @param input the saved report to read, or null to fetch from AWS
 * @param maxWait the longest wait for AWS to generate the report
 * @param generate whether to ask AWS to generate a report, or only take the latest one
 */
public record ReportSource(String input, Duration maxWait, boolean generate) {
    /** Reports older than this get a note: AWS reuses a report for up to 4 hours. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    public ReportSource {
        Objects.requireNonNull(maxWait, "maxWait");
        if (input != null && !generate) {
            throw CredreportException.usage("--no-generate cannot be used with --input: a saved report is never generated");
        }
    }

    /**
     * What reading needs from the process: its AWS settings (resolved only if used), standard
     * input, its clock, and how it waits (tests pass a fake clock and sleeper).
     */
    public record Surroundings(Supplier<AwsSettings> settings, InputStream stdin, Clock clock, Sleeper sleeper) {
    }

    /**
     * Reads the saved report or fetches one from AWS. The caller closes it when done (a piped
     * report may be in a temporary copy); a report that fails here is closed already.
     *
     * @param progress shows the wait for AWS
     * @param say told each note and warning for standard error (nothing when quiet)
     */
    public ReportInput read(Surroundings surroundings, Progress progress, Consumer<String> say) {
        ReportInput report = open(surroundings, progress, say);
        try {
            report.validate(RowBudget.forThisRun());
        } catch (RuntimeException e) {
            // A piped report may be in a temporary copy: gone with the failed command.
            report.close();
            throw e;
        }
        noteAge(report, surroundings, say);
        return report;
    }

    /**
     * As {@link #read}, but not validated yet: for a command that writes the report through
     * {@link OnePassWrite}, which validates it while writing where nothing is seen until the end,
     * and then says {@link #noteAge}.
     */
    public ReportInput open(Surroundings surroundings, Progress progress, Consumer<String> say) {
        ReportInput report = input != null
                ? saved(input, "--input", () -> surroundings.settings().get().s3(), surroundings.stdin())
                : fetch(surroundings, progress, say);
        report.sendNotesTo(note -> say.accept("note: " + note));
        return report;
    }

    /** Says, once the report is known to be good, that a report from AWS is older than a few minutes. */
    public static void noteAge(ReportInput report, Surroundings surroundings, Consumer<String> say) {
        if (report.origin() == ReportInput.Origin.AWS) {
            noteIfStale(report, surroundings.clock(), say);
        }
    }

    /**
     * A saved report: '-' for standard input, s3://BUCKET/KEY, or a file (whose generated time,
     * when saved with --output-dir, is in the metadata beside it).
     *
     * @param option the option that named it, for messages
     */
    public static ReportInput saved(String name, String option, Supplier<S3Settings> s3, InputStream stdin) {
        if (name.equals("-")) {
            return ReportInput.fromStdin(stdin);
        }
        Location location = Location.parse(name, option);
        if (location instanceof Location.S3 object) {
            return ReportStores.readObject(object, s3.get());
        }
        return ReportArchive.open(((Location.Local) location).path());
    }

    /**
     * The text of a file a command reads beside its report (the exceptions file): a local file or
     * s3://BUCKET/KEY, read as UTF-8.
     *
     * @param option the option that named it, for messages
     */
    public static String savedText(String name, String option, Supplier<S3Settings> s3) {
        Location location = Location.parse(name, option);
        if (location instanceof Location.S3 object) {
            return utf8(ReportStores.readObject(object, s3.get()).bytes(), option, name);
        }
        java.nio.file.Path path = ((Location.Local) location).path();
        String cannot = option + " " + name + " cannot be read: ";
        if (java.nio.file.Files.isDirectory(path)) {
            throw CredreportException.usage(cannot + "it is a directory; give a YAML file");
        }
        try {
            return utf8(java.nio.file.Files.readAllBytes(path), option, name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw CredreportException.usage(cannot + "no such file; give a YAML file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw CredreportException.usage(cannot + "permission denied; give a readable YAML file");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw CredreportException.usage(cannot + (e.getMessage() == null ? "an input/output error"
                    : dev.credreport.report.UntrustedText.excerpt(e.getMessage())) + "; give a readable YAML file");
        }
    }

    /** The bytes as UTF-8 text, or a refusal naming the line of the first byte that is not UTF-8. */
    private static String utf8(byte[] bytes, String option, String name) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalid(bytes);
            for (int i = 0; i < bad; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw CredreportException.usage(option + " " + name + " cannot be read: it is not UTF-8 at line " + line
                    + "; save it as UTF-8");
        }
    }

    /** Where the first byte of a sequence that is not UTF-8 is (the length when every sequence is). */
    private static int firstInvalid(byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private ReportInput fetch(Surroundings surroundings, Progress progress, Consumer<String> say) {
        AwsSettings settings = surroundings.settings().get();
        if (!settings.verifyTls()) {
            say.accept("warning: --no-verify-ssl: TLS certificates are not verified");
        }
        settings.regionWarning().ifPresent(warning -> say.accept("warning: " + warning));
        try (IamConnection connection = IamConnection.open(settings)) {
            FetchedReport fetched = new CredentialReportFetcher(connection, maxWait, generate, progress::update,
                    surroundings.clock(), surroundings.sleeper()).fetch();
            return ReportInput.fromAws(fetched.content(), fetched.generatedTime(), settings.endpointDescription());
        } finally {
            progress.clear();
        }
    }

    private static void noteIfStale(ReportInput report, Clock clock, Consumer<String> say) {
        if (report.generatedTime().isEmpty()) {
            return;
        }
        Instant generated = report.generatedTime().get();
        Duration age = Duration.between(generated, clock.instant());
        if (age.compareTo(STALE_AFTER) > 0) {
            say.accept("note: this report was generated " + HumanTime.minute(generated) + " ("
                    + HumanTime.age(generated, clock.instant()) + "); changes since then are not in it");
        }
    }
}

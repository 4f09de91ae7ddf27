package dev.credreport.cli;

import dev.credreport.BuildInfo;
import dev.credreport.CredreportException;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportSummary;
import dev.credreport.store.ReportArchive;
import dev.credreport.store.ReportMetadata;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Saving reports into a directory, as cron jobs do. */
public final class SaveOptions {
    @Option(names = "--output-dir", paramLabel = "DIR", converter = PathConverter.class,
            description = "Save the report as AWS wrote it into DIR/credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ.csv (its "
                    + "generated time, UTC) with its metadata beside it, and print the path. A report already saved is "
                    + "kept, not written again; a saved report is never overwritten. DIR is created (mode 0700) if needed.")
    Path directory;

    @Option(names = "--keep", paramLabel = "N",
            description = "With --output-dir: delete the oldest saved reports of the account beyond the newest N. "
                    + "Only files named as credreport names them are touched.")
    Integer keep;

    boolean saving() {
        return directory != null;
    }

    void check() {
        if (keep != null && directory == null) {
            throw CredreportException.usage("--keep goes with --output-dir");
        }
        if (keep != null && keep < 1) {
            throw CredreportException.usage("--keep must be 1 or more");
        }
        if (directory != null) {
            checkDirectory();
        }
    }

    /** Says now, before any AWS call, why reports could not be saved into the directory. */
    private void checkDirectory() {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw CredreportException.cannotWrite("--output-dir " + directory + ": " + existing
                    + " is a file, not a directory", null);
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw CredreportException.cannotWrite("--output-dir " + directory + ": no permission to "
                    + (existing.equals(directory.toAbsolutePath()) ? "write into " : "create directories in ") + existing, null);
        }
    }

    /** Saves the report and prunes old ones; prints the path unless quiet. */
    void save(ReportInput report, PrintWriter out, PrintWriter err, boolean quiet) {
        Instant generated = report.generatedTime().orElseThrow(() -> CredreportException.usage(
                "--output-dir names files by the report's generated time, which " + report.name()
                        + " does not tell: save reports fetched from AWS"));
        ReportSummary summary = report.validate();
        if (summary.accountId() == null) {
            throw CredreportException.badInput("the report lists no users, so its account is unknown and it cannot be named");
        }
        byte[] content = report.bytes();
        ReportMetadata metadata = new ReportMetadata(generated, summary.accountId(), summary.partition(), BuildInfo.version(),
                ReportMetadata.sha256(content));
        ReportArchive archive = new ReportArchive(directory);
        ReportArchive.SaveOutcome outcome = archive.save(content, metadata);
        if (keep != null) {
            archive.prune(summary.accountId(), keep);
        }
        if (!quiet) {
            out.println(outcome.path());
            if (!outcome.written()) {
                err.println("credreport: note: " + outcome.path().getFileName() + " already holds this report; kept it as it was");
            }
        }
    }
}

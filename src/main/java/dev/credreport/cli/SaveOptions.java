package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.report.UntrustedText;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.store.ReportStore;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Saving reports into a directory or an S3 prefix, as cron jobs do. */
public final class SaveOptions {
    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Save the report as AWS wrote it into DIR/credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ.csv (its "
                    + "generated time, UTC) with its metadata beside it, and print the path. A report already saved is "
                    + "kept, not written again; a saved report is never overwritten. DIR is created (mode 0700) if needed. "
                    + "DIR may be s3://BUCKET/PREFIX: the report goes to PREFIX/dt=YYYY-MM-DD/credential-report-….csv "
                    + "(ready for 'credreport athena-ddl'), its metadata in the object's user metadata.")
    String directory;

    @Option(names = "--keep", paramLabel = "N",
            description = "With --output-dir: delete the oldest saved reports of the account beyond the newest N. "
                    + "Only files named as credreport names them are touched.")
    Integer keep;

    @Option(names = "--sse", paramLabel = "ALGORITHM",
            description = "With --output-dir s3://: encrypt the objects with AES256 (S3-managed keys) or aws:kms. "
                    + "Default: the bucket's own default encryption.")
    String sse;

    @Option(names = "--sse-kms-key-id", paramLabel = "KEY",
            description = "With --sse aws:kms: the KMS key (id, ARN or alias) instead of the account's aws/s3 key.")
    String sseKmsKeyId;

    private Location location;
    private Encryption encryption = Encryption.BUCKET_DEFAULT;

    boolean saving() {
        return directory != null;
    }

    /** Checks the options and the location before anything is fetched. */
    void check() {
        if (keep != null && directory == null) {
            throw CredreportException.usage("--keep goes with --output-dir");
        }
        if (keep != null && keep < 1) {
            throw CredreportException.usage("--keep must be 1 or more");
        }
        if (directory != null) {
            location = Location.parse(directory, "--output-dir");
            if (location instanceof Location.Local) {
                AtomicFileWriter.checkDirectoryTarget(((Location.Local) location).path(), "--output-dir");
            }
        }
        if ((sse != null || sseKmsKeyId != null) && !(location instanceof Location.S3)) {
            throw CredreportException.usage("--sse and --sse-kms-key-id go with --output-dir s3://BUCKET/PREFIX");
        }
        if (sse != null && !sse.equals("AES256") && !sse.equals("aws:kms")) {
            throw CredreportException.usage("--sse takes AES256 or aws:kms, not '" + sse + "'");
        }
        if (sseKmsKeyId != null && !"aws:kms".equals(sse)) {
            throw CredreportException.usage("--sse-kms-key-id goes with --sse aws:kms");
        }
        encryption = new Encryption(sse, sseKmsKeyId);
    }

    /** Where reports are saved: checked by {@link #check}. */
    Location location() {
        return location;
    }

    Encryption encryption() {
        return encryption;
    }

    /** How many of the account's saved reports to keep, or null for all. */
    Integer keep() {
        return keep;
    }

    /** Prints where the report is (unless quiet), with a note when it was there already. */
    static void print(ReportStore.SaveOutcome outcome, PrintWriter out, PrintWriter err, boolean quiet) {
        if (!quiet) {
            // A path is untrusted text like any other (the directory came from the user, a name may not be ours).
            out.println(UntrustedText.escape(outcome.location()));
            if (!outcome.written()) {
                String name = outcome.location().substring(outcome.location().lastIndexOf('/') + 1);
                err.println("credreport: note: " + UntrustedText.escape(name) + " already holds this report; kept it as it was");
            }
        }
    }
}

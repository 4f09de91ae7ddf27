package dev.credreport.aws;

import dev.credreport.store.ReportArchive;
import dev.credreport.store.ReportStore;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.core.CredreportException;
import dev.credreport.report.ReportInput;
import java.util.function.Supplier;

/**
 * Opens the store a location names. The S3 client is built only for an s3:// location, so that
 * runs on local files never load the S3 classes.
 */
public final class ReportStores {
    private ReportStores() {
    }

    /**
     * @param s3 the S3 connection settings, asked for only when the location is in S3
     * @param encryption what objects written to S3 are encrypted with
     */
    public static ReportStore open(Location location, Supplier<S3Settings> s3, Encryption encryption) {
        if (location instanceof Location.S3) {
            return openS3((Location.S3) location, s3.get(), encryption);
        }
        return new ReportArchive(((Location.Local) location).path());
    }

    /** Reads one report object, named by its full key (--input s3://BUCKET/KEY). */
    public static ReportInput readObject(Location.S3 object, S3Settings s3) {
        if (object.key().isEmpty() || object.key().endsWith("/")) {
            throw CredreportException.usage("--input " + object + " names a prefix, not an object: "
                    + "give the key of one report (s3://BUCKET/PREFIX/dt=YYYY-MM-DD/credential-report-….csv)");
        }
        try (S3ReportStore store = new S3ReportStore(S3Connection.open(s3), new Location.S3(object.bucket(), ""),
                Encryption.BUCKET_DEFAULT)) {
            return store.readObject(object.key());
        }
    }

    private static ReportStore openS3(Location.S3 location, S3Settings settings, Encryption encryption) {
        return new S3ReportStore(S3Connection.open(settings), location, encryption);
    }
}

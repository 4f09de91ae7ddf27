package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.report.UntrustedText;
import dev.credreport.store.Location;
import dev.credreport.store.ReportStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where saved reports are read from (report --history, diff --dir), checked before any report is
 * fetched: a location that holds no saved report is the same mistake (exit 2, the same words)
 * whether it is a directory or an S3 prefix, and for either option. S3 has no directories, so there the check is the first listing.
 */
final class SavedReportsLocation {
    private static final String WHAT_TO_GIVE = "give the directory or s3://BUCKET/PREFIX that 'fetch --output-dir' saves reports into";

    private SavedReportsLocation() {
    }

    /** The location, a local one checked to be a directory. */
    static Location parse(String history, String option) {
        Location location = Location.parse(history, option);
        if (location instanceof Location.Local) {
            Path directory = ((Location.Local) location).path();
            if (Files.isRegularFile(directory)) {
                throw mistake(option, history, "it is a file, not a directory of saved reports (a saved report itself goes to --input)");
            }
            if (!Files.isDirectory(directory)) {
                throw mistake(option, history, "no such directory");
            }
        }
        return location;
    }

    /** Checks that the opened location holds a saved report of some account; a missing bucket is the same mistake. */
    static void requireSavedReports(ReportStore store, String option, String history, Location location) {
        boolean empty;
        try {
            empty = store.list(null).isEmpty();
        } catch (CredreportException e) {
            if (e.exitCode() != ExitCode.BAD_INPUT && e.exitCode() != ExitCode.USAGE) {
                // Refused or unreachable: the access failure's own code.
                throw e;
            }
            throw new CredreportException(ExitCode.USAGE, option + " " + UntrustedText.quote(history) + ": " + e.getMessage()
                    + "; " + WHAT_TO_GIVE, e);
        }
        if (empty) {
            throw mistake(option, history, location instanceof Location.S3 ? "no saved report under this prefix"
                    : "no saved report in this directory");
        }
    }

    private static CredreportException mistake(String option, String history, String what) {
        return CredreportException.usage(option + " " + UntrustedText.quote(history) + ": " + what + "; " + WHAT_TO_GIVE);
    }
}

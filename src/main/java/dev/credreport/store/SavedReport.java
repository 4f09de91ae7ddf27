package dev.credreport.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A report saved as {@link ArchiveLayout} names it: where it is, whose it is, when AWS generated
 * it, and the suffix its name got when the plain name was taken by other content (0: none).
 */
public record SavedReport(String location, String accountId, Instant generatedTime, int suffix) {
    /** Oldest first: by generated time, then by suffix. */
    public static final Comparator<SavedReport> OLDEST_FIRST =
            Comparator.comparing(SavedReport::generatedTime).thenComparingInt(SavedReport::suffix);

    public SavedReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(generatedTime, "generatedTime");
    }
}

package dev.credreport.store;

import dev.credreport.report.ReportInput;
import java.util.List;

/**
 * A place that keeps saved reports, one per account and generated time, never overwriting one
 * with another: a local directory or an S3 prefix. Chosen by {@link ReportStores#open}.
 */
public interface ReportStore extends AutoCloseable {
    /** What a save did: where the report is, and whether this save wrote it (false: it was there already). */
    record SaveOutcome(String location, boolean written) {
    }

    /**
     * Saves a report under its account and generated time. The same content already saved under
     * that name is kept as it is; a name taken by other content gets the next free suffix.
     */
    SaveOutcome save(byte[] content, ReportMetadata metadata);

    /** The saved reports of an account (of every account for null), oldest first; only names credreport gives. */
    List<SavedReport> list(String accountId);

    /** A saved report, as {@link #list} gave it, ready to parse. */
    ReportInput read(SavedReport report);

    /** Deletes the oldest saved reports of the account beyond the newest {@code keep}; returns their locations. */
    List<String> prune(String accountId, int keep);

    /**
     * Says now, before any report is fetched, why this store cannot be used: a bucket that does
     * not exist (exit 2), no permission to list it (the refusal's own code). A directory is
     * checked by the options that name it.
     */
    default void check() {
    }

    /** How the store lays out what it saves, and so how a report must be written for it. */
    ArchiveLayout layout();

    /** Where the store is, for messages. */
    String describe();

    @Override
    default void close() {
    }
}

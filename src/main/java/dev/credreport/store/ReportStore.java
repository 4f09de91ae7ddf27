package dev.credreport.store;

import dev.credreport.report.ReportInput;
import java.util.List;

/**
 * A place that keeps saved reports, one per account and generated time, never overwriting one
 * with another: a local directory or an S3 prefix. Chosen by {@link ReportStores#open}.
 */
public interface ReportStore extends AutoCloseable {
    /**
     * What a save did: where the report is, whether this save wrote it (false: it was there
     * already), and the suffix its name got (0: none).
     */
    record SaveOutcome(String location, boolean written, int suffix) {
    }

    /**
     * What one look over the whole store finds, for a run's saves: every report named as
     * credreport names them, and (in a directory) each metadata file whose report is gone, both
     * as {@link ArchiveLayout} names the report.
     */
    interface Sweep {
        void saved(SavedReport report);

        /** Metadata left without their report (what a prune that raced a save can leave): the report's name. */
        default void orphan(SavedReport report) {
        }
    }

    /**
     * Saves a report under its account and generated time. The same content already saved under
     * that name is kept as it is; a name taken by other content gets the next free suffix.
     */
    default SaveOutcome save(byte[] content, ReportMetadata metadata) {
        return save(content, metadata, -1);
    }

    /**
     * Saves as {@link #save(byte[], ReportMetadata)} does, the new name coming after this suffix.
     *
     * @param highestTaken the highest suffix a saved report of this account and generated time is
     *     known to have (what the run's sweep found), -1 for none; see {@link SaveWithoutOverwriting}
     */
    SaveOutcome save(byte[] content, ReportMetadata metadata, int highestTaken);

    /** The saved reports of an account (of every account for null), oldest first; only names credreport gives. */
    List<SavedReport> list(String accountId);

    /** A saved report, as {@link #list} gave it, ready to parse. */
    ReportInput read(SavedReport report);

    /**
     * Once per run, before its first save: one look over the whole store, never one per save.
     * Removes what runs killed with SIGKILL left (stale temporary files) and, unless {@code found}
     * is null, tells it every saved report and orphaned metadata file, streamed, not kept in a list.
     * A store with nothing to remove (S3, whose writes are whole or absent) need not look when
     * {@code found} is null.
     */
    void sweep(Sweep found);

    /**
     * Deletes a saved report (one {@link #list} or {@link #sweep} told) with its metadata;
     * one gone already is no failure.
     */
    void delete(SavedReport report);

    /** Deletes the metadata {@link #sweep} found orphaned, while their report is still gone. Nothing by default. */
    default void deleteOrphan(SavedReport report) {
    }

    /** Where a path relative to the root, as {@link ArchiveLayout} makes it, is: a file path or an s3:// URI. */
    String location(String path);

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

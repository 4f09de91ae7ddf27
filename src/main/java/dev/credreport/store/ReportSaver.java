package dev.credreport.store;

import dev.credreport.core.BuildInfo;
import dev.credreport.core.CredreportException;
import dev.credreport.report.AwsColumnOrder;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * Saves reports into a store as cron jobs do: names each by its account and generated time, and
 * keeps the newest {@code keep} of the account when asked.
 *
 * <p>A save touches only its own account's reports, so that a run over thousands of accounts costs
 * the same per account on the first day and on the hundredth: the store is looked over once per
 * run ({@link ReportStore#sweep}: stale temporaries removed, and with {@code keep} every saved
 * report remembered compactly in {@link KeptReports}), and each save then writes its own name and
 * deletes its own account's oldest reports beyond {@code keep}. Saves may run at once, from many
 * threads.
 */
public final class ReportSaver implements AutoCloseable {
    private final ReportStore store;
    private final Integer keep;
    /** What the run's one sweep found, with --keep; null before it, or without --keep. */
    private KeptReports kept;
    private boolean swept;

    /** @param keep how many reports of an account to keep, or null to keep them all */
    public ReportSaver(ReportStore store, Integer keep) {
        this.store = Objects.requireNonNull(store, "store");
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("keep must be 1 or more");
        }
        this.keep = keep;
    }

    /**
     * Says now, before any report is fetched, why reports could not be saved (see
     * {@link ReportStore#check}), and looks the store over for the run.
     */
    public void check() {
        store.check();
        sweepOnce();
    }

    /** The run's one look over the store, made before its first save. */
    private synchronized KeptReports sweepOnce() {
        if (!swept) {
            KeptReports found = keep == null ? null : new KeptReports();
            store.sweep(found);
            kept = found;
            swept = true;
        }
        return kept;
    }

    /** Saves a report named by the account its rows tell; a report with no rows cannot be named. */
    public ReportStore.SaveOutcome save(ReportInput report) {
        return save(report, null, null);
    }

    /**
     * Saves a report fetched for an account: the account asked for names it when its rows tell
     * none (a new account's report holds only the header).
     *
     * @param requestedAccount the account the report was fetched for, or null when not known
     * @param requestedPartition that account's partition (aws, aws-cn, ...), or null when not known
     */
    public ReportStore.SaveOutcome save(ReportInput report, String requestedAccount, String requestedPartition) {
        Instant generated = report.generatedTime().orElseThrow(() -> CredreportException.usage(
                "--output-dir names files by the report's generated time, which " + report.name()
                        + " does not tell: save reports fetched from AWS"));
        ReportSummary summary = report.validate();
        boolean rowsTell = summary.accountId() != null;
        String accountId = rowsTell ? summary.accountId() : requestedAccount;
        String partition = rowsTell ? summary.partition() : requestedPartition;
        if (accountId == null || partition == null) {
            throw CredreportException.badInput("the report lists no users, so its account is unknown and it cannot be named");
        }
        // Athena reads by position: a report with other columns or in another order would shift every
        // value of its rows into the wrong column, and the query over its partition would fail.
        byte[] content = store.layout().readByPosition() ? AwsColumnOrder.of(report) : report.bytes();
        ReportMetadata metadata = new ReportMetadata(generated, accountId, partition, BuildInfo.version(),
                ReportMetadata.sha256(content));
        KeptReports known = sweepOnce();
        // After every name of this account and time the sweep found: a lower name freed by --keep
        // would sort before them, and this very prune would delete the report just saved.
        ReportStore.SaveOutcome outcome = store.save(content, metadata,
                known == null ? -1 : known.highestSuffix(accountId, generated));
        if (known != null) {
            // Only after this report is saved: an account whose save failed keeps every report it had.
            KeptReports.Pruned pruned = known.saved(accountId, generated, outcome.suffix(), keep,
                    (account, time, suffix) -> store.location(store.layout().path(account, time, suffix)));
            pruned.beyondKeep().forEach(store::delete);
            pruned.orphans().forEach(store::deleteOrphan);
        }
        return outcome;
    }

    @Override
    public void close() {
        store.close();
    }
}

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
 */
public final class ReportSaver implements AutoCloseable {
    private final ReportStore store;
    private final Integer keep;

    /** @param keep how many reports of an account to keep, or null to keep them all */
    public ReportSaver(ReportStore store, Integer keep) {
        this.store = Objects.requireNonNull(store, "store");
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("keep must be 1 or more");
        }
        this.keep = keep;
    }

    /** Saves a report named by the account its rows tell; a report with no rows cannot be named. */
    /** Says now, before any report is fetched, why reports could not be saved (see {@link ReportStore#check}). */
    public void check() {
        store.check();
    }

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
        ReportStore.SaveOutcome outcome = store.save(content, metadata);
        if (keep != null) {
            store.prune(accountId, keep);
        }
        return outcome;
    }

    @Override
    public void close() {
        store.close();
    }
}

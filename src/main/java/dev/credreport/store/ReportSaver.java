package dev.credreport.store;

import dev.credreport.BuildInfo;
import dev.credreport.CredreportException;
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

    public ReportStore.SaveOutcome save(ReportInput report) {
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
        ReportStore.SaveOutcome outcome = store.save(content, metadata);
        if (keep != null) {
            store.prune(summary.accountId(), keep);
        }
        return outcome;
    }

    @Override
    public void close() {
        store.close();
    }
}

package dev.credreport.source;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.RuleIds;
import dev.credreport.core.CredreportException;
import dev.credreport.render.html.HistoryPoint;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportRows;
import dev.credreport.report.UserCredentials;
import dev.credreport.store.ReportStore;
import dev.credreport.store.SavedReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The trend figures of an account from the reports saved by {@code fetch --output-dir}, for the page. */
public final class History {
    private final ReportStore archive;
    private final Auditor auditor;
    private final Function<Instant, AuditSettings> settings;
    private final Consumer<String> skipped;

    /**
     * @param settings the thresholds as of a saved report's generated time
     * @param skipped told one line per saved report that cannot be read, which is left out
     */
    public History(ReportStore archive, Auditor auditor, Function<Instant, AuditSettings> settings, Consumer<String> skipped) {
        this.archive = archive;
        this.auditor = auditor;
        this.settings = settings;
        this.skipped = skipped;
    }

    /** One point per saved report of the account, oldest first, each audited as of its own generated time. */
    public List<HistoryPoint> of(String accountId) {
        List<HistoryPoint> points = new ArrayList<>();
        for (SavedReport saved : archive.list(accountId)) {
            try {
                points.add(point(archive.read(saved), saved.generatedTime()));
            } catch (CredreportException | IllegalArgumentException e) {
                skipped.accept("skipped saved report " + saved.location() + ": "
                        + CredreportException.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return points;
    }

    /** The figures of one report; old keys are audit's findings of access-key-not-rotated, as on the page. */
    private HistoryPoint point(ReportInput report, Instant generated) {
        int users = 0;
        int withoutMfa = 0;
        try (ReportRows reader = report.openReport()) {
            while (reader.hasNext()) {
                UserCredentials user = reader.next();
                if (user.isRoot()) {
                    continue;
                }
                users++;
                if (user.password().isEnabled() && !user.hasMfa()) {
                    withoutMfa++;
                }
            }
        }
        AuditResult result = auditor.audit(report, settings.apply(generated));
        int[] oldKeys = {0};
        try {
            auditor.findings(report, result).forEach(finding -> {
                if (finding.rule().id().equals(RuleIds.ACCESS_KEY_NOT_ROTATED)) {
                    oldKeys[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Open findings, as the headline counts them: an accepted risk is no finding in the trend either.
        return new HistoryPoint(generated, users, withoutMfa, oldKeys[0], result.openCounts());
    }
}

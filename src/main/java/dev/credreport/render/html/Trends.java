package dev.credreport.render.html;

import dev.credreport.core.CredreportException;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.Severity;
import dev.credreport.audit.rules.AccessKeyNotRotated;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UserCredentials;
import dev.credreport.store.ReportStore;
import dev.credreport.store.SavedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Figures over time from the reports saved by {@code fetch --output-dir}, and their charts. */
final class Trends {
    private static final AccessKeyNotRotated OLD_KEYS = new AccessKeyNotRotated();

    private Trends() {
    }

    /**
     * One point per saved report of the account, oldest first, each audited as of its own generated
     * time. A saved report that cannot be read is named through {@code skipped} and left out.
     */
    static List<HistoryPoint> load(ReportStore archive, String accountId, Auditor auditor,
            Function<Instant, AuditSettings> settings, Consumer<String> skipped) {
        List<HistoryPoint> points = new ArrayList<>();
        for (SavedReport saved : archive.list(accountId)) {
            try {
                points.add(point(archive.read(saved), saved.generatedTime(), auditor,
                        settings.apply(saved.generatedTime())));
            } catch (CredreportException | IllegalArgumentException e) {
                skipped.accept("skipped saved report " + saved.location() + ": " + CredreportException.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return points;
    }

    /** The trend figures of one report. */
    static HistoryPoint point(ReportInput report, Instant generated, Auditor auditor, AuditSettings settings) {
        int users = 0;
        int withoutMfa = 0;
        int[] oldKeys = {0};
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
                OLD_KEYS.check(user, settings, finding -> oldKeys[0]++);
            }
        }
        AuditResult result = auditor.audit(report, settings);
        return new HistoryPoint(generated, users, withoutMfa, oldKeys[0], result.counts());
    }

    /** Two charts: people and keys, and findings by severity; none without history. */
    static List<LineChart> charts(List<HistoryPoint> history) {
        if (history.isEmpty()) {
            return List.of();
        }
        List<Instant> times = history.stream().map(HistoryPoint::generatedTime).toList();
        LineChart people = LineChart.of("Users, console users without MFA and old active keys", times,
                List.of("users", "console users without MFA", "old active keys"), List.of("s1", "s2", "s3"),
                List.of(history.stream().map(HistoryPoint::users).toList(),
                        history.stream().map(HistoryPoint::consoleWithoutMfa).toList(),
                        history.stream().map(HistoryPoint::oldActiveKeys).toList()));
        List<String> names = new ArrayList<>();
        List<String> tones = new ArrayList<>();
        List<List<Integer>> values = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            names.add(severity.label());
            tones.add(severity.label());
            values.add(history.stream().map(point -> point.findings().getOrDefault(severity, 0)).toList());
        }
        return List.of(people, LineChart.of("Findings by severity", times, names, tones, values));
    }
}

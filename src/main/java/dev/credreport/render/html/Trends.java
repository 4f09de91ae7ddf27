package dev.credreport.render.html;

import dev.credreport.audit.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The charts of an account's figures over time (loaded by the command from the saved reports). */
final class Trends {
    private Trends() {
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

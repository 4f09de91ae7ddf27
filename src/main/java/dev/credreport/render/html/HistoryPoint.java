package dev.credreport.render.html;

import dev.credreport.audit.Severity;
import java.time.Instant;
import java.util.Map;

/** The trend figures of one saved report: when it was generated and what it showed. */
public record HistoryPoint(Instant generatedTime, int users, int consoleWithoutMfa, int oldActiveKeys,
        Map<Severity, Integer> findings) {
}

package dev.credreport.render.html;

import dev.credreport.audit.AuditResult;
import java.util.List;

/** Everything the page shows of one account. */
public record AccountView(String accountId, String anchor, String generated, String reportAge, String asOf,
        String source, Glance glance, AuditResult audit, List<BarChart> charts, List<LineChart> trends,
        List<HistoryPoint> history, List<Recommendation> recommendations, List<UserRow> rows, int rotationDays,
        int unusedDays) {

    public int findingCount() {
        return audit.findingCount();
    }

    public int critical() {
        return audit.counts().get(dev.credreport.audit.Severity.CRITICAL);
    }

    public int high() {
        return audit.counts().get(dev.credreport.audit.Severity.HIGH);
    }

    public int medium() {
        return audit.counts().get(dev.credreport.audit.Severity.MEDIUM);
    }

    public int low() {
        return audit.counts().get(dev.credreport.audit.Severity.LOW);
    }

    public int info() {
        return audit.counts().get(dev.credreport.audit.Severity.INFO);
    }

    /** Whether access-key-not-rotated ran, so the card of old keys has a figure to show. */
    public boolean oldKeysJudged() {
        return glance.oldActiveKeys() != null;
    }

    /** Whether credentials-unused ran. */
    public boolean unusedJudged() {
        return glance.unusedCredentials() != null;
    }

    public boolean hasTrends() {
        return !trends.isEmpty();
    }

    public int historyCount() {
        return history.size();
    }

    public boolean hasRecommendations() {
        return !recommendations.isEmpty();
    }

    public int ignoredCount() {
        return audit.ignoredCount();
    }

    public String ruleCount() {
        int rules = audit.rules().size();
        return rules + (rules == 1 ? " rule" : " rules");
    }

    public int userCount() {
        return rows.size();
    }
}

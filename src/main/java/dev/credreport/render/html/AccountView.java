package dev.credreport.render.html;

import dev.credreport.audit.AuditResult;
import java.util.List;

/**
 * Everything the page shows of one account.
 *
 * @param ownerTag the --owner-tag whose values the rows show as owners (escaped), or null without owner tags
 * @param accepted the findings an exceptions file accepts, listed apart from the recommendations
 */
public record AccountView(String accountId, String name, String anchor, String generated, String reportAge, String asOf,
        String source, Glance glance, AuditResult audit, List<BarChart> charts, List<LineChart> trends,
        List<HistoryPoint> history, List<Recommendation> recommendations, List<UserRow> rows, int rotationDays,
        int unusedDays, String ownerTag, List<AcceptedRisk> accepted) {

    /** Whether the rows show owners (--owner-tag). */
    public boolean owners() {
        return ownerTag != null;
    }

    public boolean hasAccepted() {
        return !accepted.isEmpty();
    }

    public String acceptedText() {
        int count = accepted.size();
        return count + (count == 1 ? " accepted risk" : " accepted risks");
    }

    /** Findings of a severity that count: those no exceptions-file entry in force accepts. */
    private int open(dev.credreport.audit.Severity severity) {
        return audit.openCounts().getOrDefault(severity, 0);
    }

    /** The id with the name beside it when the input has one: "123456789012 (prod)". */
    public String label() {
        return name == null || name.isBlank() ? accountId : accountId + " (" + name + ")";
    }

    /** One severity's count in the headline. */
    public record Count(String severity, int count, String text) {
    }

    /**
     * The headline: audit's counts of findings by severity that count (accepted risks apart), worst
     * first, only those with findings.
     */
    public List<Count> headline() {
        List<Count> counts = new java.util.ArrayList<>();
        for (dev.credreport.audit.Severity severity : dev.credreport.audit.Severity.values()) {
            int count = open(severity);
            if (count > 0) {
                counts.add(new Count(severity.label(), count, count + " " + severity.label()));
            }
        }
        return counts;
    }

    public String headlineText() {
        int total = findingCount() - audit.exceptedCount();
        return total == 0 ? (audit.exceptedCount() > 0 ? "No open findings" : "No findings") : total + (total == 1 ? " finding" : " findings");
    }

    /** The first recommendations to act on, worst first. */
    public List<Recommendation> first() {
        return recommendations.subList(0, Math.min(3, recommendations.size()));
    }

    /** How bad, for ranking accounts: counts by severity, worst severity weighing most. */
    public long badness() {
        long score = 0;
        for (dev.credreport.audit.Severity severity : dev.credreport.audit.Severity.values()) {
            score = score * 100_000 + Math.min(99_999, open(severity));
        }
        return score;
    }

    /** Whether it is getting better: total findings of the oldest and newest saved report, or null without two. */
    public String trendText() {
        if (history.size() < 2) {
            return null;
        }
        HistoryPoint first = history.get(0);
        HistoryPoint last = history.get(history.size() - 1);
        int then = first.findings().values().stream().mapToInt(Integer::intValue).sum();
        int now = last.findings().values().stream().mapToInt(Integer::intValue).sum();
        String verdict = now < then ? "getting better" : now > then ? "getting worse" : "no change";
        return verdict + ": " + now + (now == 1 ? " finding" : " findings") + " in the report of "
                + Words.date(last.generatedTime()) + ", " + then + " in the report of " + Words.date(first.generatedTime())
                + " (" + history.size() + " saved reports)";
    }

    public String trendTone() {
        String text = trendText();
        return text == null ? "" : text.startsWith("getting better") ? "good" : text.startsWith("getting worse") ? "bad" : "";
    }

    public int findingCount() {
        return audit.findingCount();
    }

    public int critical() {
        return open(dev.credreport.audit.Severity.CRITICAL);
    }

    public int high() {
        return open(dev.credreport.audit.Severity.HIGH);
    }

    public int medium() {
        return open(dev.credreport.audit.Severity.MEDIUM);
    }

    public int low() {
        return open(dev.credreport.audit.Severity.LOW);
    }

    public int info() {
        return open(dev.credreport.audit.Severity.INFO);
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

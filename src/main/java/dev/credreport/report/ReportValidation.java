package dev.credreport.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The validating read: the whole report parsed once, proving it is a credential report, before
 * anything of it is written. It keeps the parsed rows while the run's {@link RowBudget} lasts, so
 * that formats reading the report again need not parse it again; a report is kept whole or not at all.
 */
final class ReportValidation {
    private final ReportSummary summary;
    /** What the read kept, or null when the budget could not hold all of it. */
    private final ReportHeader header;
    private List<UserCredentials> kept;
    /** What the kept rows were taken from, and are given back to by {@link #release}. */
    private final RowBudget budget;

    private ReportValidation(ReportSummary summary, ReportHeader header, List<UserCredentials> kept, RowBudget budget) {
        this.summary = summary;
        this.header = header;
        this.kept = kept;
        this.budget = budget;
    }

    /**
     * Reads every row of {@code report} (and closes it).
     *
     * @throws dev.credreport.core.CredreportException exit 7 when it is not a readable credential report;
     *     whatever it had taken from the budget is given back
     */
    static ReportValidation read(CredentialReportReader report, RowBudget budget) {
        ReportSummary.Counter counter = new ReportSummary.Counter();
        List<UserCredentials> users = new ArrayList<>();
        try (report) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                counter.add(user);
                users = keep(users, user, budget);
            }
            return new ReportValidation(counter.summary(), report.header(), users, budget);
        } catch (RuntimeException e) {
            if (users != null) {
                budget.giveBack(users.size());
            }
            throw e;
        }
    }

    /** The rows kept so far with {@code user} added, or null (every row given back) once the budget runs out. */
    private static List<UserCredentials> keep(List<UserCredentials> users, UserCredentials user, RowBudget budget) {
        if (users == null) {
            return null;
        }
        if (!budget.take(1)) {
            budget.giveBack(users.size());
            return null;
        }
        users.add(user);
        return users;
    }

    ReportSummary summary() {
        return summary;
    }

    /**
     * Gives the kept rows back to the run's budget, for the reports still to come (the report is
     * done with); the rows are read again from the CSV should anything still ask for them.
     */
    synchronized void release() {
        if (kept != null) {
            budget.giveBack(kept.size());
            kept = null;
        }
    }

    /** The kept rows, given again without parsing; null when none were kept. */
    synchronized ReportRows keptRows() {
        return kept == null ? null : new KeptRows(header, kept);
    }
}

package dev.credreport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The validating read: the whole report parsed once, proving it is a credential report, before
 * anything of it is written or while it is written where nothing is seen until the end (an
 * atomic file, a spool). It keeps the parsed rows while the run's {@link RowBudget} lasts, so
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
        ReportValidation[] done = {null};
        try (Recording rows = new Recording(report, budget, validation -> done[0] = validation)) {
            while (rows.hasNext()) {
                rows.next();
            }
        }
        return done[0];
    }

    /**
     * The rows of a first read handed on as they are parsed (to a format writing them), each
     * counted and kept while the budget lasts; a read that reaches the end is a validating read,
     * given to {@code done}. A read that fails or is closed before its end gives its rows back.
     */
    static final class Recording implements ReportRows {
        private final CredentialReportReader report;
        private final RowBudget budget;
        private final Consumer<ReportValidation> done;
        private final ReportSummary.Counter counter = new ReportSummary.Counter();
        private List<UserCredentials> users = new ArrayList<>();
        private boolean finished;

        Recording(CredentialReportReader report, RowBudget budget, Consumer<ReportValidation> done) {
            this.report = report;
            this.budget = budget;
            this.done = done;
        }

        @Override
        public ReportHeader header() {
            return report.header();
        }

        @Override
        public boolean hasNext() {
            boolean more;
            try {
                more = report.hasNext();
            } catch (RuntimeException e) {
                giveBack();
                throw e;
            }
            if (!more && !finished) {
                finished = true;
                done.accept(new ReportValidation(counter.summary(), report.header(), users, budget));
            }
            return more;
        }

        @Override
        public UserCredentials next() {
            UserCredentials user;
            try {
                user = report.next();
            } catch (RuntimeException e) {
                giveBack();
                throw e;
            }
            counter.add(user);
            users = keep(users, user, budget);
            return user;
        }

        @Override
        public void close() {
            if (!finished) {
                giveBack();
            }
            report.close();
        }

        private void giveBack() {
            if (users != null) {
                budget.giveBack(users.size());
                users = null;
            }
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

package dev.credreport.diff;

import dev.credreport.report.ReportInput;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The changes between two reports, root first, then users in the new report's order, then removed users.
 *
 * @param oldReport where the old report came from
 * @param newReport where the new report came from
 */
public record DiffResult(Side oldReport, Side newReport, List<Change> changes) {

    /** One of the two reports compared. */
    public record Side(String source, ReportInput.Origin origin, Instant generatedTime, String accountId) {
        public Side {
            Objects.requireNonNull(source, "source");
        }
    }

    public DiffResult {
        Objects.requireNonNull(oldReport, "oldReport");
        Objects.requireNonNull(newReport, "newReport");
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long alerts() {
        return changes.stream().filter(Change::alert).count();
    }

    public long usersChanged() {
        return changes.stream().map(Change::arn).distinct().count();
    }

    /** "3 users changed: 1 added, 1 removed; 7 changes, 2 needing a look". */
    public String summary() {
        if (changes.isEmpty()) {
            return "no changes";
        }
        long added = changes.stream().filter(c -> c.kind() == ChangeKind.USER_ADDED).count();
        long removed = changes.stream().filter(c -> c.kind() == ChangeKind.USER_REMOVED).count();
        return usersChanged() + (usersChanged() == 1 ? " user" : " users") + " changed: " + added + " added, " + removed
                + " removed; " + changes.size() + (changes.size() == 1 ? " change, " : " changes, ") + alerts()
                + " needing a look";
    }
}

package dev.credreport.report;

import java.time.Instant;

/**
 * What reading a whole report tells about it; reading it also proves it is a credential report.
 *
 * @param accountId the account of the first row, or null for a report without users
 * @param partition the ARN partition of the first row (aws, aws-cn, aws-us-gov), or null
 * @param users how many rows it has
 * @param latest the latest time a row records something happening (a creation, use, change or
 *     rotation; not a next rotation, which may lie ahead), or null for a report without users:
 *     the report was generated at this time or later
 */
public record ReportSummary(String accountId, String partition, int users, Instant latest) {

    /**
     * Reads the report to the end without keeping its rows, as {@link ReportInput#validate()} would
     * not; anything that is not a credential report fails with exit 7.
     */
    static ReportSummary of(ReportInput input) {
        try (ReportRows report = input.openReport()) {
            Counter counter = new Counter();
            report.forEachRemaining(counter::add);
            return counter.summary();
        }
    }

    /** Builds a summary a row at a time, for a read that does more with each row. */
    static final class Counter {
        private String account;
        private String partition;
        private int users;
        private Instant latest;

        void add(UserCredentials user) {
            latest = later(latest, latestIn(user));
            if (account == null) {
                account = user.accountId();
                partition = Arns.partition(user.arn());
            }
            users++;
        }

        ReportSummary summary() {
            return new ReportSummary(account, partition, users, latest);
        }
    }

    private static Instant latestIn(UserCredentials user) {
        Instant latest = user.creationTime();
        latest = later(latest, user.password().lastUsed());
        latest = later(latest, user.password().lastChanged());
        for (AccessKey key : user.accessKeys()) {
            latest = later(latest, key.lastRotated());
            latest = later(latest, key.lastUsedDate());
        }
        for (SigningCertificate certificate : user.certificates()) {
            latest = later(latest, certificate.lastRotated());
        }
        return latest;
    }

    private static Instant later(Instant latest, ReportValue<Instant> value) {
        return value.isPresent() ? later(latest, value.value()) : latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}

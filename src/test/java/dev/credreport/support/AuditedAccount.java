package dev.credreport.support;

import static dev.credreport.support.ReportRow.root;
import static dev.credreport.support.ReportRow.user;

/**
 * Rows of a small account as of 2024-06-01 with something for most audit rules to find, shared by
 * the tests of audit, its standards and the report page, which each add users of their own.
 */
public final class AuditedAccount {
    /** The root user, its password used recently and nothing else. */
    public static final String ROOT = root().set("password_last_used", "2024-05-20T08:00:00+00:00").toString();
    public static final String ALICE = user("alice").password("2024-05-30T09:00:00+00:00", "2024-03-01T00:00:00+00:00").mfa(true)
            .key(1, true, "2024-04-01T00:00:00+00:00", "2024-05-30T10:00:00+00:00").toString();
    public static final String BOB = user("bob").password("2024-05-25T09:00:00+00:00", "2024-03-01T00:00:00+00:00").toString();
    public static final String CAROL = user("carol").key(1, true, "2023-01-01T00:00:00+00:00", "2024-05-31T00:00:00+00:00")
            .key(2, true, "2024-05-01T00:00:00+00:00", "2024-05-31T00:00:00+00:00").toString();
    public static final String DAVE = user("dave").password("no_information", "2024-01-01T00:00:00+00:00").mfa(true)
            .key(1, true, "2024-01-01T00:05:00+00:00", "N/A").toString();
    public static final String ERIN = user("erin").password("2024-05-30T09:00:00+00:00", "2024-02-01T00:00:00+00:00").mfa(true)
            .set("password_next_rotation", "2024-05-01T00:00:00+00:00")
            .certificate(1, true, "2023-01-01T00:00:00+00:00").toString();
    public static final String BREAKGLASS_ADMIN = user("breakglass-admin").password("no_information", "2024-05-15T00:00:00+00:00")
            .toString();

    private AuditedAccount() {
    }
}

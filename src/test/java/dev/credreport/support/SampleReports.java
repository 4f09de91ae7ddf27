package dev.credreport.support;

import java.util.List;

/** Hand-written credential reports for tests, in the shape AWS writes them. */
public final class SampleReports {
    public static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    public static final String ROOT = "<root_account>,arn:aws:iam::123456789012:root,2019-01-10T08:00:00+00:00,"
            + "not_supported,2024-05-01T12:30:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    /** A console user with MFA and one active key used from eu-west-1. */
    public static final String ALICE = "alice,arn:aws:iam::123456789012:user/alice,2020-02-03T04:05:06+00:00,"
            + "true,2024-05-20T09:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,true,true,2024-02-01T10:00:00+00:00,"
            + "2024-05-21T11:15:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    /** A user with a comma in its name (so the field is quoted), no password, two keys (one inactive), a certificate. */
    public static final String BOB = "\"bob,ops\",\"arn:aws:iam::123456789012:user/ops/bob,ops\",2021-06-07T08:09:10Z,"
            + "false,N/A,N/A,N/A,false,true,2021-06-07T08:10:00Z,N/A,N/A,N/A,false,2022-01-01T00:00:00Z,"
            + "2022-03-04T05:06:07Z,N/A,iam,true,2021-06-07T08:11:00Z,false,N/A";

    /** A console user whose password was never used. */
    public static final String CAROL = "carol,arn:aws:iam::123456789012:user/carol,2023-03-03T03:03:03+00:00,"
            + "true,no_information,2023-03-03T03:03:03+00:00,2023-06-01T00:00:00+00:00,false,false,N/A,N/A,N/A,N/A,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    private SampleReports() {
    }

    /** A report of the given rows under the standard header, LF line ends, with a final line end. */
    public static String report(String... rows) {
        return lines(HEADER, rows);
    }

    public static String lines(String header, String... rows) {
        StringBuilder report = new StringBuilder(header).append('\n');
        for (String row : rows) {
            report.append(row).append('\n');
        }
        return report.toString();
    }

    public static String standard() {
        return report(ROOT, ALICE, BOB, CAROL);
    }

    public static List<String> standardUsers() {
        return List.of("<root_account>", "alice", "bob,ops", "carol");
    }
}

package dev.credreport.report;

/**
 * What reading a whole report tells about it; reading it also proves it is a credential report.
 *
 * @param accountId the account of the first row, or null for a report without users
 * @param partition the ARN partition of the first row (aws, aws-cn, aws-us-gov), or null
 * @param users how many rows it has
 */
public record ReportSummary(String accountId, String partition, int users) {

    /** Reads the report to the end; anything that is not a credential report fails with exit 7. */
    public static ReportSummary of(ReportInput input) {
        String account = null;
        String partition = null;
        int users = 0;
        try (CredentialReportReader report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                if (account == null) {
                    account = user.accountId();
                    partition = Arns.partition(user.arn());
                }
                users++;
            }
        }
        return new ReportSummary(account, partition, users);
    }
}

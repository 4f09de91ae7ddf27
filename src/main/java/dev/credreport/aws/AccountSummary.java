package dev.credreport.aws;

import dev.credreport.audit.RootFacts;
import dev.credreport.core.CredreportException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The root user's facts from iam:GetAccountSummary, asked once per account. A denied or failed
 * call does not fail the audit: the facts are then unavailable, with the classified error's
 * message (naming the permission) as the reason, and the root rules judge from the report.
 */
public final class AccountSummary {
    private AccountSummary() {
    }

    /** With the caller's credentials. */
    public static RootFacts read(AwsSettings settings) {
        try (IamConnection connection = IamConnection.open(settings)) {
            return read(connection);
        }
    }

    /**
     * In an account of a multi-account run, with its role's credentials over the run's HTTP client;
     * the account's client and credentials are closed before this returns.
     */
    public static RootFacts inAccount(AccountAccess access, String accountId) {
        try (IamConnection connection = access.iamIn(accountId)) {
            return read(connection);
        }
    }

    static RootFacts read(IamConnection connection) {
        Map<String, Integer> summary;
        try {
            summary = connection.client().getAccountSummary().summaryMapAsStrings();
        } catch (SdkException e) {
            CredreportException classified = ErrorClassifier.classify(e,
                    AwsCall.iam(IamAction.ACCOUNT_SUMMARY, connection.settings()));
            return RootFacts.unavailable(CredreportException.firstLine(classified.getMessage()));
        }
        return new RootFacts(flag(summary, "AccountMFAEnabled"), flag(summary, "AccountAccessKeysPresent"),
                flag(summary, "AccountSigningCertificatesPresent"), flag(summary, "AccountPasswordPresent"), null);
    }

    private static Boolean flag(Map<String, Integer> summary, String key) {
        Integer value = summary.get(key);
        return value == null ? null : value > 0;
    }
}

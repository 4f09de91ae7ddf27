package dev.credreport.aws;

/** The IAM calls credreport makes, with the permission each needs and what to do when it is denied. */
enum IamAction {
    GENERATE("GenerateCredentialReport",
            "grant it, or pass --no-generate to read an existing report with iam:GetCredentialReport alone"),
    GET("GetCredentialReport", "grant iam:GetCredentialReport to this identity"),
    ACCOUNT_SUMMARY("GetAccountSummary", "grant iam:GetAccountSummary so that the root user is judged from the "
            + "account's facts (MFA, keys, certificates, password)"),
    LIST_USER_TAGS("ListUserTags", "grant iam:ListUserTags on the account's users to this identity, or leave out "
            + "--owner-tag");

    private final String apiName;
    private final String accessDeniedAdvice;

    IamAction(String apiName, String accessDeniedAdvice) {
        this.apiName = apiName;
        this.accessDeniedAdvice = accessDeniedAdvice;
    }

    String apiName() {
        return apiName;
    }

    String permission() {
        return "iam:" + apiName;
    }

    String accessDeniedAdvice() {
        return accessDeniedAdvice;
    }
}

package dev.credreport.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsClient;

/**
 * One AWS call, as {@link ErrorClassifier} needs it to say what failed and what to do: the service
 * and operation, the permission it needs, what credreport was doing, and where it was sent.
 *
 * @param operation the API name (GenerateCredentialReport, PutObject)
 * @param permission the IAM action the call needs (iam:GenerateCredentialReport, s3:PutObject)
 * @param context what credreport was doing, put before the reason ("cannot write s3://b/k"), or null
 * @param deniedReason what an access denial means, or null when it can mean several things that
 *     {@code deniedAdvice} lists (an assumed role's trust policy or the caller's permissions)
 * @param deniedAdvice what to do when access is denied
 * @param bucket the S3 bucket, named when it does not exist, or null
 * @param writing whether the call was writing the output (a missing bucket is then exit 8, else 7)
 */
record AwsCall(Service service, String operation, String permission, String context, String deniedReason,
        String deniedAdvice, String bucket, boolean writing, Endpoint endpoint) {

    /** The services credreport calls, by the names messages use. */
    enum Service {
        IAM("IAM"), STS("STS"), ORGANIZATIONS("AWS Organizations"), S3("S3"), SECURITY_HUB("Security Hub");

        private final String title;

        Service(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /**
     * Where a call went, for messages about the network.
     *
     * @param description the endpoint as messages name it ("STS at http://127.0.0.1:4566", "https://iam.amazonaws.com")
     * @param setting the option or variable that sets it, named in advice
     * @param connectTimeout --cli-connect-timeout, or null when the caller does not know it
     * @param readTimeout --cli-read-timeout, or null when the caller does not know it
     */
    record Endpoint(String description, String setting, Duration connectTimeout, Duration readTimeout) {
        Endpoint {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(setting, "setting");
        }

        /** A service's endpoint: its override and the variable that sets it, else the service's own. */
        static Endpoint of(Service service, URI override, String variable, String region, AwsSettings settings) {
            String description = override != null ? service.title() + " at " + override
                    : service.title() + (region == null ? "" : " in " + region);
            // Where the region came from for this service: Security Hub has its own option.
            String regionSetting = service == Service.SECURITY_HUB ? "--security-hub-region" : "--region";
            return new Endpoint(description, override != null ? variable : regionSetting,
                    settings == null ? null : settings.connectTimeout(), settings == null ? null : settings.readTimeout());
        }

        /** Where an SDK client sends its calls, told by the client itself. */
        static Endpoint of(Service service, AwsClient client, String variable) {
            var configuration = client.serviceClientConfiguration();
            return of(service, configuration.endpointOverride().orElse(null), variable,
                    configuration.region() == null ? null : configuration.region().id(), null);
        }
    }

    AwsCall {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(deniedAdvice, "deniedAdvice");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** A call of the credential report pipeline: its messages stand alone, as fetching is what the run is for. */
    static AwsCall iam(IamAction action, AwsSettings settings) {
        return new AwsCall(Service.IAM, action.apiName(), action.permission(), null, mayNotCall(action.permission()),
                action.accessDeniedAdvice(), null, false, new Endpoint(settings.endpointDescription(),
                        settings.endpoint() != null ? "--endpoint-url" : "--region",
                        settings.connectTimeout(), settings.readTimeout()));
    }

    /**
     * A call of fix plan, apply or undo on one user's credentials.
     *
     * @param operation the IAM API (ListAccessKeys, UpdateAccessKey, DeleteAccessKey, DeleteLoginProfile, TagUser ...)
     * @param user the user acted on
     * @param settings the settings, for the endpoint and timeouts
     */
    static AwsCall iamFix(String operation, String user, AwsSettings settings) {
        String permission = "iam:" + operation;
        String doing = switch (operation) {
            case "ListAccessKeys", "GetAccessKeyLastUsed", "ListUserTags", "GetUser", "ListSigningCertificates" -> "cannot check";
            default -> "cannot change";
        };
        return new AwsCall(Service.IAM, operation, permission, doing + " the credentials of user " + user + " (" + operation + ")",
                mayNotCall(permission), "grant " + permission + " on the user to this identity (README: 'Fixing')", null, false,
                new Endpoint(settings.endpointDescription(), settings.endpoint() != null ? "--endpoint-url" : "--region",
                        settings.connectTimeout(), settings.readTimeout()));
    }

    /**
     * AssumeRole of a multi-account run or a role profile.
     *
     * @param caller whose credentials asked, for the advice ("the caller", "the credentials of profile 'base'")
     * @param externalId whether an external id was sent
     * @param settings the settings, for the STS endpoint and timeouts, or null when the SDK chose the endpoint
     */
    static AwsCall assumeRole(String roleArn, String caller, boolean externalId, AwsSettings settings) {
        String advice = "check that the role exists and its trust policy lets " + caller + " assume it, that " + caller
                + " may call sts:AssumeRole on it, and "
                + (externalId ? "that --external-id matches the trust policy's sts:ExternalId"
                        : "whether the trust policy requires an external id (--external-id)");
        return new AwsCall(Service.STS, "AssumeRole", "sts:AssumeRole", "cannot assume role " + roleArn, null, advice,
                null, false, Endpoint.of(Service.STS, settings == null ? null : settings.stsEndpoint(), "AWS_ENDPOINT_URL_STS",
                        null, settings));
    }

    /** GetCallerIdentity: whose account the caller's credentials are of (fix apply checks it is the plan's). */
    static AwsCall callerIdentity(AwsSettings settings) {
        return new AwsCall(Service.STS, "GetCallerIdentity", "sts:GetCallerIdentity",
                "cannot tell which account the credentials are of", null,
                "check the credentials (--profile) and that STS is reachable (AWS_ENDPOINT_URL_STS for an emulator)", null, false,
                Endpoint.of(Service.STS, settings.stsEndpoint(), "AWS_ENDPOINT_URL_STS", null, settings));
    }

    static AwsCall listAccounts(AwsSettings settings) {
        return new AwsCall(Service.ORGANIZATIONS, "ListAccounts", "organizations:ListAccounts",
                "cannot list the Organization's accounts", mayNotCall("organizations:ListAccounts"),
                "run --org from the management account or a delegated administrator with organizations:ListAccounts, "
                        + "or name the accounts with --accounts",
                null, false, Endpoint.of(Service.ORGANIZATIONS, settings.organizationsEndpoint(),
                        "AWS_ENDPOINT_URL_ORGANIZATIONS", null, settings));
    }

    /**
     * A call of the S3 report store.
     *
     * @param where the s3:// location the call was about
     * @param writing whether the call served writing the output
     */
    static AwsCall s3(AwsClient client, String operation, String permission, String where, String bucket, boolean writing) {
        String verb = operation.equals("DeleteObject") ? "delete" : operation.startsWith("List") ? "list"
                : writing ? "write" : "read";
        return new AwsCall(Service.S3, operation, permission, "cannot " + verb + " " + where, mayNotCall(permission),
                "grant " + permission + " on the bucket to this identity (and kms:GenerateDataKey and kms:Decrypt "
                        + "when the bucket is encrypted with a KMS key)",
                bucket, writing, Endpoint.of(Service.S3, client, "AWS_ENDPOINT_URL_S3"));
    }

    /** A call of a Security Hub delivery, for one account's findings in one region. */
    static AwsCall securityHub(AwsClient client, String operation, String accountId, String region) {
        String permission = "securityhub:" + operation;
        String doing = operation.equals("GetFindings") ? "cannot read the earlier findings in Security Hub"
                : "cannot import findings into Security Hub";
        return new AwsCall(Service.SECURITY_HUB, operation, permission, doing + " for account " + accountId + " in " + region,
                mayNotCall(permission), "grant " + permission + " to this identity in account " + accountId, null, false,
                Endpoint.of(Service.SECURITY_HUB, client, "AWS_ENDPOINT_URL_SECURITYHUB"));
    }

    /** The check before a run that sends findings: whether Security Hub can be used in the region at all. */
    static AwsCall securityHubCheck(AwsClient client, String region) {
        String permission = "securityhub:GetFindings";
        return new AwsCall(Service.SECURITY_HUB, "GetFindings", permission, "cannot use Security Hub in " + region
                + " (checked before the report is fetched)", mayNotCall(permission), "grant " + permission
                + " and securityhub:BatchImportFindings to this identity", null, false,
                Endpoint.of(Service.SECURITY_HUB, client, "AWS_ENDPOINT_URL_SECURITYHUB"));
    }

    private static String mayNotCall(String permission) {
        return "this identity may not call " + permission;
    }
}

package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Why a profile that says how to get credentials gave none, told from the profile's own keys
 * (which the SDK's messages do not name) and the cause: a key missing (exit 2), an SSO login to
 * renew, a credential_process that failed, a role that could not be assumed (exit 4).
 */
final class ProfileDiagnosis {
    private static final Pattern PROCESS_FAILED = Pattern.compile(
            "Command returned non-zero exit value \\((-?\\d+)\\) with error message: (.*)", Pattern.DOTALL);
    private static final int MAX_SOURCE_HOPS = 5;


    static CredreportException explain(String profile, String named, RuntimeException error) {
        // Only when credentials failed: the files are read again to tell why, as they are now.
        return new ProfileDiagnosis(Profiles.load()).explain(profile, named, error, 0);
    }

    private final Profiles files;

    private ProfileDiagnosis(Profiles files) {
        this.files = files;
    }

    /**
     * @param named how the profile is named in messages: "profile 'x' (--profile)", or for a
     *     source profile "profile 'base' (source_profile of 'x')"
     */
    private CredreportException explain(String profile, String named, RuntimeException error, int hops) {
        if (!files.exists(profile)) {
            return CredreportException.usage(named + " is not in " + Profiles.locations()
                    + "; 'aws configure list-profiles' lists the profiles there");
        }
        if (has(profile, ProfileProperty.ROLE_ARN)) {
            return role(profile, named, error, hops);
        }
        if (has(profile, Profiles.SSO_SESSION) || has(profile, ProfileProperty.SSO_START_URL)) {
            return sso(profile, named, error);
        }
        if (has(profile, ProfileProperty.CREDENTIAL_PROCESS)) {
            return process(profile, named, error);
        }
        boolean key = has(profile, ProfileProperty.AWS_ACCESS_KEY_ID);
        boolean secret = has(profile, ProfileProperty.AWS_SECRET_ACCESS_KEY);
        if (key != secret) {
            return CredreportException.usage(named + " has " + (key ? "aws_access_key_id but no aws_secret_access_key"
                    : "aws_secret_access_key but no aws_access_key_id") + ": add the missing key (aws configure --profile "
                    + profile + ")");
        }
        if (!key && !has(profile, ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
            return CredreportException.awsRefused(named + " holds no credentials (no aws_access_key_id, role_arn, "
                    + "sso_session or credential_process): add them (aws configure --profile " + profile
                    + "), or name another profile", error);
        }
        return CredreportException.awsRefused("could not get credentials from " + named + ": "
                + ErrorClassifier.sdkText(error) + "; check the profile in " + Profiles.locations(), error);
    }

    private CredreportException role(String profile, String named, RuntimeException error, int hops) {
        String roleArn = files.property(profile, ProfileProperty.ROLE_ARN).orElse("");
        String source = files.property(profile, ProfileProperty.SOURCE_PROFILE).orElse(null);
        boolean credentialSource = has(profile, ProfileProperty.CREDENTIAL_SOURCE);
        if (source == null && !credentialSource) {
            return CredreportException.usage(named + " has role_arn but neither source_profile nor credential_source: "
                    + "add source_profile = NAME (a profile whose credentials may assume " + roleArn
                    + ") or credential_source = Environment, Ec2InstanceMetadata or EcsContainer");
        }
        if (source != null && credentialSource) {
            return CredreportException.usage(named + " has both source_profile and credential_source: keep one");
        }
        AwsServiceException refused = ErrorClassifier.causedBy(error, AwsServiceException.class);
        if (refused != null && refused.awsErrorDetails() != null
                && "sts".equalsIgnoreCase(String.valueOf(refused.awsErrorDetails().serviceName()))) {
            return ErrorClassifier.classify(refused, AwsCall.assumeRole(roleArn, "the credentials of "
                    + (source != null ? "profile '" + source + "'" : "credential_source"), false, null));
        }
        if (ErrorClassifier.isNetworkFailure(error)) {
            return CredreportException.awsFailed("could not reach STS to assume " + roleArn + " for " + named + " ("
                    + ErrorClassifier.networkText(error) + "): check the network and proxy, and the region", error);
        }
        if (source != null && !source.equals(profile) && hops < MAX_SOURCE_HOPS) {
            if (!files.exists(source)) {
                return CredreportException.usage(named + " has source_profile = " + source + ", which is not in "
                        + Profiles.locations() + ": name a profile that exists");
            }
            return explain(source, "profile '" + source + "' (source_profile of '" + profile + "')", error, hops + 1);
        }
        return CredreportException.awsRefused("could not assume " + roleArn + " for " + named + ": "
                + ErrorClassifier.sdkText(error), error);
    }

    private CredreportException sso(String profile, String named, RuntimeException error) {
        String session = files.property(profile, Profiles.SSO_SESSION).orElse(null);
        String[] required = session != null
                ? new String[] {ProfileProperty.SSO_ACCOUNT_ID, ProfileProperty.SSO_ROLE_NAME}
                : new String[] {ProfileProperty.SSO_START_URL, ProfileProperty.SSO_REGION,
                        ProfileProperty.SSO_ACCOUNT_ID, ProfileProperty.SSO_ROLE_NAME};
        for (String key : required) {
            if (!has(profile, key)) {
                return CredreportException.usage(named + " is an SSO profile without " + key
                        + ": add it, or run 'aws configure sso --profile " + profile + "'");
            }
        }
        if (ErrorClassifier.isNetworkFailure(error)) {
            return CredreportException.awsFailed("could not reach AWS IAM Identity Center (SSO) for " + named + " ("
                    + ErrorClassifier.networkText(error) + "): check the network and proxy", error);
        }
        return CredreportException.awsRefused(named + " has no valid SSO login (never logged in, or the login "
                + "expired): run 'aws sso login --profile " + profile + "' and try again", error);
    }

    private CredreportException process(String profile, String named, RuntimeException error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            Matcher failed = PROCESS_FAILED.matcher(message);
            if (failed.matches()) {
                String said = lastLine(failed.group(2));
                int exit = Integer.parseInt(failed.group(1));
                String outcome = "exit code " + exit + (said.isEmpty() ? ", printing nothing on standard error" : ": " + said);
                if (exit == 126 || exit == 127) {
                    // The SDK runs the command with sh -c, which answers 126 or 127 for a command it cannot run.
                    return CredreportException.usage("the credential_process of " + named + " could not be run ("
                            + outcome + "): check the command in " + Profiles.locations());
                }
                return CredreportException.awsRefused("the credential_process of " + named + " failed with " + outcome, error);
            }
            if (cause instanceof java.io.IOException && message.startsWith("Cannot run program")) {
                return CredreportException.usage("the credential_process of " + named + " could not be run ("
                        + ErrorClassifier.safe(CredreportException.firstLine(message)) + "): check the command in "
                        + Profiles.locations());
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = ErrorClassifier.sdkText(root);
        return CredreportException.awsRefused("the credential_process of " + named + " did not print credentials "
                + "(JSON with Version 1, AccessKeyId and SecretAccessKey): " + detail, error);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return ErrorClassifier.safe(lines[i].strip());
            }
        }
        return "";
    }

    private boolean has(String profile, String key) {
        return files.property(profile, key.toLowerCase(Locale.ROOT)).isPresent();
    }
}

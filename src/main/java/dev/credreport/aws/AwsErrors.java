package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one line that says what happened and what to do, with the exit
 * code of its class: 4 when AWS refused us, 6 when AWS or the network failed after retries.
 */
final class AwsErrors {
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess");
    private static final Set<String> UNKNOWN_KEY = Set.of(
            "InvalidClientTokenId", "InvalidAccessKeyId", "UnrecognizedClientException");
    private static final Set<String> EXPIRED = Set.of(
            "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");
    private static final Set<String> BAD_SIGNATURE = Set.of(
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "InvalidSignatureException");

    private static final java.util.regex.Pattern SDK_BOILERPLATE = java.util.regex.Pattern.compile(
            "\\s*\\((Service: [^)]*|SDK Attempt Count: \\d+|Status Code: [^)]*|Request ID: [^)]*)\\)");
    private static final int MAX_QUOTED = 300;

    private AwsErrors() {
    }

    /** A failure of an IAM call. */
    static CredreportException translate(SdkException error, IamAction action, AwsSettings settings) {
        if (error instanceof AwsServiceException) {
            return serviceError((AwsServiceException) error, action);
        }
        return clientError(error, action.apiName(), settings);
    }

    /** A failure to resolve credentials before any call was made. */
    static CredreportException credentialsFailure(RuntimeException error, AwsSettings settings) {
        if (error instanceof CallerCredentials.ProfileFailure) {
            String profile = ((CallerCredentials.ProfileFailure) error).profile();
            String named = settings.profile() != null ? settings.profileDescription() : "profile 'default'";
            return ProfileDiagnosis.explain(profile, named, (RuntimeException) error.getCause());
        }
        if (isNetworkFailure(error)) {
            return CredreportException.awsFailed("could not get AWS credentials: the credentials service "
                    + "(STS, the container or instance endpoint) could not be reached: " + networkText(error), error);
        }
        if (String.valueOf(error.getMessage()).startsWith("Unable to load credentials from any of the providers")) {
            return CredreportException.awsRefused("no AWS credentials found: set AWS_PROFILE or pass --profile, "
                    + "run 'aws configure' or 'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    + "(--debug shows where credreport looked)", error);
        }
        return CredreportException.awsRefused("could not get AWS credentials: " + sdkText(error), error);
    }

    /**
     * AssumeRole refused or failed: names the role and what to check.
     *
     * @param caller whose credentials asked, for the message
     * @param externalId whether an external id was sent
     */
    static CredreportException assumeRoleFailure(AwsServiceException error, String roleArn, String caller, boolean externalId) {
        AwsErrorDetails details = error.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String awsSays = details == null ? "" : safe(firstLine(details.errorMessage()));
        String said = awsSays.isEmpty() ? "" : " (AWS said: " + awsSays + ")";
        if (ACCESS_DENIED.contains(code) || (error.statusCode() == 403 && !UNKNOWN_KEY.contains(code)
                && !EXPIRED.contains(code) && !BAD_SIGNATURE.contains(code))) {
            return CredreportException.awsRefused("cannot assume role " + roleArn + ": access denied" + said
                    + "; check that the role exists and its trust policy lets " + caller + " assume it, that "
                    + caller + " may call sts:AssumeRole on it, and "
                    + (externalId ? "that --external-id matches the trust policy's sts:ExternalId"
                            : "whether the trust policy requires an external id (--external-id)"), error);
        }
        if (UNKNOWN_KEY.contains(code) || EXPIRED.contains(code) || BAD_SIGNATURE.contains(code)) {
            return CredreportException.awsRefused("cannot assume role " + roleArn + ": STS rejected " + caller + " ("
                    + code + ")" + said + "; refresh or fix those credentials", error);
        }
        if ("RegionDisabledException".equals(code)) {
            return CredreportException.awsRefused("cannot assume role " + roleArn + ": STS is not activated in this "
                    + "region" + said + "; activate it in the account's IAM settings, or use another --region", error);
        }
        if (error.isThrottlingException() || error.statusCode() >= 500) {
            return CredreportException.awsFailed("cannot assume role " + roleArn + ": STS failed after the SDK's retries ("
                    + nonEmpty(code, "HTTP " + error.statusCode()) + ")" + said + "; try again later", error);
        }
        return CredreportException.awsRefused("cannot assume role " + roleArn + ": STS refused with "
                + nonEmpty(code, "HTTP " + error.statusCode()) + said, error);
    }

    /**
     * Any failure of getting a role's credentials in a multi-account run: refused (exit 4), or STS
     * unreachable or failing (exit 6).
     */
    static CredreportException roleFailure(RuntimeException error, String roleArn, String caller, boolean externalId,
            URI stsEndpoint) {
        AwsServiceException refused = causedBy(error, AwsServiceException.class);
        if (refused != null) {
            return assumeRoleFailure(refused, roleArn, caller, externalId);
        }
        String sts = stsEndpoint != null ? "STS at " + stsEndpoint : "STS";
        if (isNetworkFailure(error) || causedBy(error, IOException.class) != null) {
            return CredreportException.awsFailed("cannot assume role " + roleArn + ": could not reach " + sts + " ("
                    + networkText(error) + "); check the network and proxy" + (stsEndpoint != null ? " and AWS_ENDPOINT_URL_STS" : ""),
                    error);
        }
        return CredreportException.awsFailed("cannot assume role " + roleArn + ": " + sdkText(error), error);
    }

    private static CredreportException serviceError(AwsServiceException error, IamAction action) {
        AwsErrorDetails details = error.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String awsSays = details == null || details.errorMessage() == null ? "" : safe(firstLine(details.errorMessage()));
        int status = error.statusCode();
        String said = awsSays.isEmpty() ? "" : " (AWS said: " + awsSays + ")";

        if (ACCESS_DENIED.contains(code) || (status == 403 && code.isEmpty())) {
            return CredreportException.awsRefused("access denied: this identity may not call " + action.permission()
                    + said + "; " + action.accessDeniedAdvice(), error);
        }
        if (UNKNOWN_KEY.contains(code)) {
            return CredreportException.awsRefused("AWS does not recognise the access key (" + code + "): "
                    + "check the credentials in use (--profile, AWS_PROFILE, AWS_ACCESS_KEY_ID)", error);
        }
        if (EXPIRED.contains(code)) {
            return CredreportException.awsRefused("the AWS credentials have expired (" + code + "): refresh them "
                    + "(e.g. 'aws sso login') and run again", error);
        }
        if (BAD_SIGNATURE.contains(code)) {
            return CredreportException.awsRefused("AWS rejected the request signature (" + code + "): the secret "
                    + "access key does not match the access key, or the clock is wrong", error);
        }
        if (error.isThrottlingException()) {
            return CredreportException.awsFailed("IAM kept throttling " + action.apiName() + " after the SDK's retries ("
                    + nonEmpty(code, "HTTP " + status) + "); try again later, or raise AWS_MAX_ATTEMPTS", error);
        }
        if (status >= 500 || "ServiceFailure".equals(code)) {
            return CredreportException.awsFailed("IAM failed to answer " + action.apiName() + " after the SDK's retries ("
                    + nonEmpty(code, "HTTP " + status) + ")" + said + "; try again later", error);
        }
        return CredreportException.awsFailed("IAM refused " + action.apiName() + " with " + nonEmpty(code, "HTTP " + status)
                + said, error);
    }

    private static CredreportException clientError(RuntimeException error, String what, AwsSettings settings) {
        String endpoint = settings.endpointDescription();
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return CredreportException.awsFailed(what + " timed out talking to " + endpoint + ": " + sdkText(error), error);
        }
        if (causedBy(error, UnknownHostException.class) != null) {
            return CredreportException.awsFailed("could not resolve the host of " + endpoint
                    + ": check the network, DNS and --endpoint-url", error);
        }
        if (causedBy(error, ConnectException.class) != null || causedBy(error, NoRouteToHostException.class) != null) {
            return CredreportException.awsFailed("could not connect to " + endpoint + " ("
                    + sdkText(causedBy(error, IOException.class)) + "): check the network, proxy and --endpoint-url", error);
        }
        SocketTimeoutException timeout = causedBy(error, SocketTimeoutException.class);
        if (timeout != null) {
            boolean connecting = String.valueOf(timeout.getMessage()).toLowerCase().contains("connect");
            return CredreportException.awsFailed(connecting
                    ? "connecting to " + endpoint + " timed out after " + seconds(settings.connectTimeout())
                            + " (--cli-connect-timeout); check the network and proxy"
                    : endpoint + " did not answer within " + seconds(settings.readTimeout())
                            + " (--cli-read-timeout); try again, or raise --cli-read-timeout", error);
        }
        if (causedBy(error, SSLException.class) != null) {
            return CredreportException.awsFailed("the TLS connection to " + endpoint + " failed ("
                    + sdkText(causedBy(error, SSLException.class))
                    + "); if a proxy re-signs TLS traffic, pass its CA with --ca-bundle", error);
        }
        IOException io = causedBy(error, IOException.class);
        if (io != null && !(io instanceof InterruptedIOException)) {
            return CredreportException.awsFailed("the connection to " + endpoint + " failed after the SDK's retries ("
                    + sdkText(io) + "); try again", error);
        }
        return CredreportException.awsFailed("the answer from " + endpoint + " to " + what
                + " could not be understood: " + sdkText(error), error);
    }

    static boolean isNetworkFailure(Throwable error) {
        return causedBy(error, java.net.SocketException.class) != null
                || causedBy(error, UnknownHostException.class) != null
                || causedBy(error, SocketTimeoutException.class) != null
                || causedBy(error, SSLException.class) != null
                || error instanceof ApiCallTimeoutException
                || error instanceof ApiCallAttemptTimeoutException;
    }

    static <T extends Throwable> T causedBy(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static String firstLine(String text) {
        return CredreportException.firstLine(text);
    }

    /**
     * What went wrong, in one line and without the SDK's boilerplate: AWS's own code and message
     * for a service error, else the first line of the message without "(Service: …, Status Code:
     * …, Request ID: …)" or "(SDK Attempt Count: …)".
     */
    static String sdkText(Throwable error) {
        if (error instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) error).awsErrorDetails();
            if (details != null && (details.errorCode() != null || details.errorMessage() != null)) {
                String code = nonEmpty(details.errorCode(), "HTTP " + ((AwsServiceException) error).statusCode());
                String message = safe(firstLine(details.errorMessage()));
                return message.isEmpty() ? code : code + ": " + message;
            }
        }
        String text = firstLine(error.getMessage());
        text = SDK_BOILERPLATE.matcher(text).replaceAll("").strip();
        return safe(text.isEmpty() ? error.getClass().getSimpleName() : text);
    }

    /** What a network failure was, told from its cause rather than the SDK's paragraph about it. */
    static String networkText(Throwable error) {
        UnknownHostException unknown = causedBy(error, UnknownHostException.class);
        if (unknown != null) {
            return "cannot resolve host " + safe(firstLine(unknown.getMessage()));
        }
        SocketTimeoutException timeout = causedBy(error, SocketTimeoutException.class);
        if (timeout != null) {
            return "timed out: " + safe(firstLine(timeout.getMessage()));
        }
        IOException io = causedBy(error, IOException.class);
        if (io != null) {
            return sdkText(io);
        }
        return sdkText(error);
    }

    /** Text from elsewhere made safe for one terminal line: control characters escaped, length cut. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
                out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > MAX_QUOTED ? out.substring(0, MAX_QUOTED) + "…" : out.toString();
    }

    private static String nonEmpty(String text, String fallback) {
        return text == null || text.isEmpty() ? fallback : text;
    }

    private static String seconds(java.time.Duration duration) {
        return duration.isZero() ? "no limit" : duration.toSeconds() + "s";
    }
}

package dev.credreport.aws;

import dev.credreport.CredreportException;
import java.io.IOException;
import java.io.InterruptedIOException;
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
        String detail = firstLine(error.getMessage());
        if (isNetworkFailure(error)) {
            return CredreportException.awsFailed("could not get AWS credentials: the credentials service "
                    + "(STS, SSO or the container or instance endpoint) could not be reached: " + detail, error);
        }
        if (settings.profile() != null && !Profiles.exists(settings.profile())) {
            return CredreportException.awsRefused("profile '" + settings.profile() + "' is not in ~/.aws/config or "
                    + "~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE); 'aws configure list-profiles' lists them", error);
        }
        if (settings.profile() != null) {
            return CredreportException.awsRefused("could not get credentials from profile '" + settings.profile()
                    + "': " + detail + " (check ~/.aws/config, or run 'aws sso login --profile " + settings.profile()
                    + "' for an SSO profile)", error);
        }
        if (detail.startsWith("Unable to load credentials from any of the providers")) {
            return CredreportException.awsRefused("no AWS credentials found: set AWS_PROFILE or pass --profile, "
                    + "run 'aws configure' or 'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    + "(--debug shows where the SDK looked)", error);
        }
        return CredreportException.awsRefused("could not get AWS credentials: " + detail, error);
    }

    private static CredreportException serviceError(AwsServiceException error, IamAction action) {
        AwsErrorDetails details = error.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String awsSays = details == null || details.errorMessage() == null ? "" : firstLine(details.errorMessage());
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
            return CredreportException.awsFailed(what + " timed out talking to " + endpoint + ": " + firstLine(error.getMessage()), error);
        }
        if (causedBy(error, UnknownHostException.class) != null) {
            return CredreportException.awsFailed("could not resolve the host of " + endpoint
                    + ": check the network, DNS and --endpoint-url", error);
        }
        if (causedBy(error, ConnectException.class) != null || causedBy(error, NoRouteToHostException.class) != null) {
            return CredreportException.awsFailed("could not connect to " + endpoint + " ("
                    + firstLine(causedBy(error, IOException.class).getMessage()) + "): check the network, proxy and --endpoint-url", error);
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
                    + firstLine(causedBy(error, SSLException.class).getMessage())
                    + "); if a proxy re-signs TLS traffic, pass its CA with --ca-bundle", error);
        }
        IOException io = causedBy(error, IOException.class);
        if (io != null && !(io instanceof InterruptedIOException)) {
            return CredreportException.awsFailed("the connection to " + endpoint + " failed after the SDK's retries ("
                    + nonEmpty(firstLine(io.getMessage()), io.getClass().getSimpleName()) + "); try again", error);
        }
        return CredreportException.awsFailed("the answer from " + endpoint + " to " + what
                + " could not be understood: " + firstLine(error.getMessage()), error);
    }

    private static boolean isNetworkFailure(Throwable error) {
        return causedBy(error, java.net.SocketException.class) != null
                || causedBy(error, UnknownHostException.class) != null
                || causedBy(error, SocketTimeoutException.class) != null
                || causedBy(error, SSLException.class) != null
                || error instanceof ApiCallTimeoutException
                || error instanceof ApiCallAttemptTimeoutException;
    }

    private static <T extends Throwable> T causedBy(Throwable error, Class<T> type) {
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

    private static String nonEmpty(String text, String fallback) {
        return text == null || text.isEmpty() ? fallback : text;
    }

    private static String seconds(java.time.Duration duration) {
        return duration.isZero() ? "no limit" : duration.toSeconds() + "s";
    }
}

package dev.credreport.aws;

import static dev.credreport.aws.FailureKind.*;

import dev.credreport.aws.AwsCall.Service;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one mapping from what an AWS call threw to what the user is told: a table of rows, each
 * matching on the service, operation, error code, HTTP status, AWS's message or the exception
 * underneath, and giving the kind of failure (its sentence and advice, {@link FailureKind}) and
 * the exit code. The first row that matches wins, so rows that look at AWS's message come before
 * the rows of the same codes that do not.
 */
final class ErrorClassifier {
    static final String NO_CREDENTIALS_TEXT = "no AWS credentials found: set AWS_PROFILE or pass --profile, run 'aws configure' "
            + "or 'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (--debug shows where credreport looked)";

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedAccess", "AuthorizationError");
    private static final Set<String> SIGNATURE = Set.of("SignatureDoesNotMatch", "InvalidSignatureException");
    private static final Pattern SDK_BOILERPLATE = Pattern.compile(
            "\\s*\\((Service: [^)]*|SDK Attempt Count: \\d+|Status Code: [^)]*|Request ID: [^)]*)\\)");

    /** The table, first match first. */
    static final List<Row> ROWS = List.of(
            // Credentials: the same condition reads the same from every service.
            Row.of(CLOCK_SKEW, ExitCode.AWS_REFUSED).codes("RequestTimeTooSkewed", "RequestInTheFuture"),
            Row.of(CLOCK_SKEW, ExitCode.AWS_REFUSED).codes(SIGNATURE).saying("Signature (expired|not yet current)"),
            Row.of(UNKNOWN_KEY, ExitCode.AWS_REFUSED).codes("InvalidClientTokenId", "InvalidAccessKeyId",
                    "UnrecognizedClientException", "InvalidToken"),
            Row.of(WRONG_SECRET, ExitCode.AWS_REFUSED).codes(SIGNATURE),
            Row.of(EXPIRED, ExitCode.AWS_REFUSED).codes("ExpiredToken", "ExpiredTokenException", "RequestExpired",
                    "TokenRefreshRequired"),
            // Access denied, and by whom when AWS says so.
            Row.of(DENIED_BY_ORGANIZATION, ExitCode.AWS_REFUSED).codes(DENIED)
                    .saying("explicit deny in an? (service|resource) control policy"),
            Row.of(DENIED_BY_BOUNDARY, ExitCode.AWS_REFUSED).codes(DENIED).saying("permissions boundary"),
            Row.of(ACCESS_DENIED, ExitCode.AWS_REFUSED).codes(DENIED),
            Row.of(SECURITY_HUB_NOT_ENABLED, ExitCode.AWS_REFUSED).services(Service.SECURITY_HUB)
                    .codes("InvalidAccessException"),
            Row.of(NOT_IN_ORGANIZATION, ExitCode.AWS_REFUSED).codes("AWSOrganizationsNotInUseException"),
            Row.of(STS_REGION_DISABLED, ExitCode.AWS_REFUSED).codes("RegionDisabledException"),
            Row.of(REFUSED, ExitCode.AWS_REFUSED).codes("AllAccessDisabled", "AccountProblem", "IncompleteSignature",
                    "MissingAuthenticationToken", "OptInRequired"),
            // Busy or failing: the SDK has retried already.
            Row.of(THROTTLED, ExitCode.AWS_FAILED).codes("Throttling", "ThrottlingException", "ThrottledException",
                    "TooManyRequestsException", "SlowDown", "RequestLimitExceeded", "RequestThrottled",
                    "RequestThrottledException", "BandwidthLimitExceeded"),
            Row.of(THROTTLED, ExitCode.AWS_FAILED).status(429, 429),
            Row.of(THROTTLED, ExitCode.AWS_FAILED).status(503, 503).saying("(?i)slow ?down"),
            Row.of(SERVICE_FAILED, ExitCode.AWS_FAILED).codes("ServiceFailure", "InternalFailure", "InternalError",
                    "ServiceUnavailable", "ServiceUnavailableException", "InternalException", "InternalServerError"),
            // What is not there. A bucket named by the user that does not exist is the user's mistake, found
            // when its prefix is listed (before any report is fetched, or by diff --dir and --history); met
            // later, it is the output's fault when writing, the input's when reading.
            Row.of(NO_SUCH_BUCKET, ExitCode.USAGE).services(Service.S3).operations("ListObjectsV2").codes("NoSuchBucket"),
            Row.of(NO_SUCH_BUCKET, ExitCode.CANNOT_WRITE).codes("NoSuchBucket").writing(true),
            Row.of(NO_SUCH_BUCKET, ExitCode.BAD_INPUT).codes("NoSuchBucket"),
            Row.of(NO_SUCH_OBJECT, ExitCode.CANNOT_WRITE).codes("NoSuchKey").writing(true),
            Row.of(NO_SUCH_OBJECT, ExitCode.BAD_INPUT).codes("NoSuchKey"),
            Row.of(BUCKET_ELSEWHERE, ExitCode.AWS_REFUSED).services(Service.S3).codes("PermanentRedirect"),
            Row.of(BUCKET_ELSEWHERE, ExitCode.AWS_REFUSED).services(Service.S3).codes("AuthorizationHeaderMalformed")
                    .saying("region '[^']*' is wrong"),
            Row.of(NO_SUCH_ENTITY, ExitCode.AWS_REFUSED).codes("NoSuchEntity", "NoSuchEntityException",
                    "ResourceNotFoundException"),
            // HEAD answers have no body, so no code: the status is all S3 says.
            Row.of(ACCESS_DENIED_NO_REASON, ExitCode.AWS_REFUSED).services(Service.S3).noCode().status(403, 403),
            Row.of(NO_SUCH_BUCKET, ExitCode.CANNOT_WRITE).services(Service.S3).operations("HeadBucket").noCode()
                    .status(404, 404).writing(true),
            Row.of(NO_SUCH_BUCKET, ExitCode.BAD_INPUT).services(Service.S3).operations("HeadBucket").noCode().status(404, 404),
            Row.of(NO_SUCH_OBJECT, ExitCode.CANNOT_WRITE).services(Service.S3).noCode().status(404, 404).writing(true),
            Row.of(NO_SUCH_OBJECT, ExitCode.BAD_INPUT).services(Service.S3).noCode().status(404, 404),
            Row.of(BUCKET_ELSEWHERE, ExitCode.AWS_REFUSED).services(Service.S3).status(301, 301),
            Row.of(ACCESS_DENIED, ExitCode.AWS_REFUSED).status(403, 403),
            Row.of(SERVICE_FAILED, ExitCode.AWS_FAILED).status(500, 599),
            Row.of(REFUSED, ExitCode.AWS_FAILED).causedBy(AwsServiceException.class),
            // No answer from AWS: the network, TLS, or no credentials to sign with.
            Row.of(CALL_TIMEOUT, ExitCode.AWS_FAILED).causedBy(ApiCallTimeoutException.class),
            Row.of(CALL_TIMEOUT, ExitCode.AWS_FAILED).causedBy(ApiCallAttemptTimeoutException.class),
            Row.of(UNKNOWN_HOST, ExitCode.AWS_FAILED).causedBy(UnknownHostException.class),
            Row.of(CANNOT_CONNECT, ExitCode.AWS_FAILED).causedBy(ConnectException.class),
            Row.of(CANNOT_CONNECT, ExitCode.AWS_FAILED).causedBy(NoRouteToHostException.class),
            Row.of(CONNECT_TIMEOUT, ExitCode.AWS_FAILED).causedBy(SocketTimeoutException.class).saying("(?i)connect"),
            Row.of(READ_TIMEOUT, ExitCode.AWS_FAILED).causedBy(SocketTimeoutException.class),
            Row.of(TLS_FAILED, ExitCode.AWS_FAILED).causedBy(SSLException.class),
            Row.of(NO_CREDENTIALS, ExitCode.AWS_REFUSED).causedBy(SdkClientException.class)
                    .saying("^Unable to load credentials"),
            Row.of(CONNECTION_FAILED, ExitCode.AWS_FAILED).causedBy(IOException.class),
            Row.of(UNREADABLE_ANSWER, ExitCode.AWS_FAILED).causedBy(Throwable.class));

    private ErrorClassifier() {
    }

    /** The failure of a call as one line with what to do, and its exit code. */
    static CredreportException classify(Throwable error, AwsCall call) {
        if (error instanceof CredreportException) {
            return (CredreportException) error;
        }
        Facts facts = Facts.of(error);
        Row row = rowFor(call, facts);
        String reason = row.kind().text(call, facts);
        return new CredreportException(row.exit(), call.context() == null ? reason : call.context() + ": " + reason, error);
    }

    /**
     * Whether a failure is AWS asking the caller to slow down (Throttling, ThrottlingException,
     * TooManyRequestsException, RequestLimitExceeded, SlowDown, HTTP 429, a 503 SlowDown): the
     * THROTTLED rows of the table, so that what is retried and what is reported are one list.
     */
    static boolean throttled(Throwable error, AwsCall call) {
        if (error instanceof CredreportException) {
            return false;
        }
        return rowFor(call, Facts.of(error)).kind() == THROTTLED;
    }

    /** The first row that matches; the last row matches anything. */
    static Row rowFor(AwsCall call, Facts facts) {
        for (Row row : ROWS) {
            if (row.matches(call, facts)) {
                return row;
            }
        }
        throw new IllegalStateException("the last row matches every failure");
    }

    /**
     * A failure to resolve the caller's credentials before any call was made: the profile told
     * at fault, the credentials service unreachable, or none found.
     */
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
            return CredreportException.awsRefused(NO_CREDENTIALS_TEXT, error);
        }
        return CredreportException.awsRefused("could not get AWS credentials: " + sdkText(error), error);
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

    /**
     * What went wrong, in one line and without the SDK's boilerplate: AWS's own code and message
     * for a service error, else the first line of the message without "(Service: …, Status Code:
     * …, Request ID: …)" or "(SDK Attempt Count: …)".
     */
    static String sdkText(Throwable error) {
        if (error instanceof AwsServiceException) {
            Facts facts = Facts.of(error);
            if (!facts.code().isEmpty() || !facts.message().isEmpty()) {
                return facts.message().isEmpty() ? facts.codeOrStatus() : facts.codeOrStatus() + ": " + facts.message();
            }
        }
        String text = SDK_BOILERPLATE.matcher(CredreportException.firstLine(error.getMessage())).replaceAll("").strip();
        if (text.isEmpty() || text.equals("null")) {
            text = error.getClass().getSimpleName();
        }
        return safe(text);
    }

    /** What a network failure was, told from its cause rather than the SDK's paragraph about it. */
    static String networkText(Throwable error) {
        UnknownHostException unknown = causedBy(error, UnknownHostException.class);
        if (unknown != null) {
            return "cannot resolve host " + hostOf(unknown, "the endpoint's host")
                    + ": the region may not exist or the network has no DNS";
        }
        SocketTimeoutException timeout = causedBy(error, SocketTimeoutException.class);
        if (timeout != null) {
            return "timed out: " + sdkText(timeout);
        }
        IOException io = causedBy(error, IOException.class);
        return sdkText(io != null ? io : error);
    }

    /** Text from elsewhere made safe for one line of a message: escaped, first line only, cut short. */
    static String safe(String text) {
        return text == null ? "" : UntrustedText.excerpt(CredreportException.firstLine(text));
    }

    private static String hostOf(UnknownHostException unknown, String otherwise) {
        // "host" or "host: Name or service not known", as the resolver words it.
        String message = CredreportException.firstLine(unknown.getMessage());
        int colon = message.indexOf(": ");
        String host = colon < 0 ? message : message.substring(0, colon);
        return host.isEmpty() ? otherwise : safe(host);
    }

    /**
     * What a failure told, made safe to show: AWS's code, status and message for a service error
     * (all empty or 0 when the answer had no body), else the exception's own first line.
     */
    record Facts(String code, int status, String message, String bucketRegion, Throwable error) {
        Facts {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(bucketRegion, "bucketRegion");
        }

        static Facts of(Throwable error) {
            AwsServiceException service = causedBy(error, AwsServiceException.class);
            if (service == null) {
                return new Facts("", 0, sdkText(error), "", error);
            }
            AwsErrorDetails details = service.awsErrorDetails();
            if (details == null) {
                return new Facts("", service.statusCode(), "", "", service);
            }
            String region = details.sdkHttpResponse() == null ? ""
                    : details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse("");
            return new Facts(safe(details.errorCode()), service.statusCode(), safe(details.errorMessage()), safe(region),
                    service);
        }

        /** The code, or the HTTP status when the answer had none. */
        String codeOrStatus() {
            return code.isEmpty() ? "HTTP " + status : code;
        }

        /** AWS's message as " (AWS said: …)", or nothing when it said nothing. */
        String said() {
            return message.isEmpty() ? "" : " (AWS said: " + message + ")";
        }

        /** The host that could not be resolved, else the endpoint. */
        String host(AwsCall call) {
            UnknownHostException unknown = causedBy(error, UnknownHostException.class);
            return unknown == null ? call.endpoint().description() : hostOf(unknown, call.endpoint().description());
        }

        /** What the network said ("Connection refused"), from the cause rather than the SDK's words. */
        String networkReason() {
            IOException io = causedBy(error, IOException.class);
            return sdkText(io != null ? io : error);
        }
    }

    /**
     * One row of the table: what it matches (an empty set or null matches anything) and what it
     * gives.
     *
     * @param codes error codes; "" for an answer without one
     * @param minStatus the lowest HTTP status, 0 for any
     * @param cause an exception the failure is or is caused by, or null
     * @param saying a pattern found in AWS's message (or the exception's), or null
     * @param writing whether the call must be writing (true) or reading (false), or null for either
     */
    record Row(FailureKind kind, ExitCode exit, Set<Service> services, Set<String> operations, Set<String> codes,
            int minStatus, int maxStatus, Class<? extends Throwable> cause, Pattern saying, Boolean writing) {
        Row {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(exit, "exit");
            services = Set.copyOf(services);
            operations = Set.copyOf(operations);
            codes = Set.copyOf(codes);
        }

        static Row of(FailureKind kind, ExitCode exit) {
            return new Row(kind, exit, Set.of(), Set.of(), Set.of(), 0, Integer.MAX_VALUE, null, null, null);
        }

        Row services(Service... services) {
            return new Row(kind, exit, Set.of(services), operations, codes, minStatus, maxStatus, cause, saying, writing);
        }

        Row operations(String... operations) {
            return new Row(kind, exit, services, Set.of(operations), codes, minStatus, maxStatus, cause, saying, writing);
        }

        Row codes(String... codes) {
            return codes(Set.of(codes));
        }

        Row codes(Set<String> codes) {
            return new Row(kind, exit, services, operations, codes, minStatus, maxStatus, cause, saying, writing);
        }

        Row noCode() {
            return codes("");
        }

        Row status(int min, int max) {
            return new Row(kind, exit, services, operations, codes, min, max, cause, saying, writing);
        }

        Row causedBy(Class<? extends Throwable> cause) {
            return new Row(kind, exit, services, operations, codes, minStatus, maxStatus, cause, saying, writing);
        }

        Row saying(String regex) {
            return new Row(kind, exit, services, operations, codes, minStatus, maxStatus, cause, Pattern.compile(regex),
                    writing);
        }

        Row writing(boolean writing) {
            return new Row(kind, exit, services, operations, codes, minStatus, maxStatus, cause, saying, writing);
        }

        boolean matches(AwsCall call, Facts facts) {
            Throwable matched = cause == null ? null : ErrorClassifier.causedBy(facts.error(), cause);
            return (services.isEmpty() || services.contains(call.service()))
                    && (operations.isEmpty() || operations.contains(call.operation()))
                    && (codes.isEmpty() || codes.contains(facts.code()))
                    && facts.status() >= minStatus && facts.status() <= maxStatus
                    && (cause == null || matched != null)
                    // The pattern reads the message of the exception matched, else AWS's.
                    && (saying == null || saying.matcher(matched != null ? safe(matched.getMessage()) : facts.message()).find())
                    && (writing == null || writing == call.writing());
        }
    }
}

package dev.credreport.aws;

import static dev.credreport.aws.FailureKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Every row of the classifier's table, each with the exit code and kind of message it must give,
 * from exceptions shaped as the SDK throws them (its message with the "(Service: …, Status Code:
 * …, Request ID: …)" suffix the user must never see).
 */
class ErrorClassifierTest {
    static final AwsSettings SETTINGS = new AwsSettings(null, false, "eu-west-1", Region.AWS_GLOBAL,
            URI.create("http://127.0.0.1:1"), null, URI.create("http://127.0.0.1:2"), null, null, null, true,
            Duration.ofSeconds(5), Duration.ofSeconds(7), dev.credreport.aws.Sleeper.SYSTEM, Profiles.load());
    // Real clients, never called: the calls read their endpoint and region from them.
    static final S3Client S3 = S3Client.builder().region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create())
            .build();
    static final SecurityHubClient HUB = SecurityHubClient.builder().region(Region.EU_WEST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(URI.create("http://127.0.0.1:3")).build();

    static final AwsCall GENERATE = AwsCall.iam(IamAction.GENERATE, SETTINGS);
    static final AwsCall ASSUME = AwsCall.assumeRole("arn:aws:iam::111111111111:role/Audit", "the caller", false, SETTINGS);
    static final AwsCall LIST_ACCOUNTS = AwsCall.listAccounts(SETTINGS);
    static final AwsCall PUT = AwsCall.s3(S3, "PutObject", "s3:PutObject", "s3://b/r/k.csv", "b", true);
    static final AwsCall GET = AwsCall.s3(S3, "GetObject", "s3:GetObject", "s3://b/r/k.csv", "b", false);
    static final AwsCall LIST = AwsCall.s3(S3, "ListObjectsV2", "s3:ListBucket", "s3://b/r", "b", false);
    static final AwsCall HEAD_OBJECT = AwsCall.s3(S3, "HeadObject", "s3:GetObject", "s3://b/r/k.csv", "b", true);
    static final AwsCall HEAD_OBJECT_READING = AwsCall.s3(S3, "HeadObject", "s3:GetObject", "s3://b/r/k.csv", "b", false);
    static final AwsCall HEAD_BUCKET = AwsCall.s3(S3, "HeadBucket", "s3:ListBucket", "s3://b/r/", "b", true);
    static final AwsCall HEAD_BUCKET_READING = AwsCall.s3(S3, "HeadBucket", "s3:ListBucket", "s3://b/r/", "b", false);
    static final AwsCall IMPORT = AwsCall.securityHub(HUB, "BatchImportFindings", "123456789012", "eu-west-1");

    static final Set<ErrorClassifier.Row> COVERED = new HashSet<>();

    /** One failure, what it must be classified as, and a text the message must hold. */
    record Case(String name, Throwable error, AwsCall call, FailureKind kind, ExitCode exit, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // clock skew
        cases.add(new Case("RequestTimeTooSkewed from S3", service(403, "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large."), PUT, CLOCK_SKEW,
                ExitCode.AWS_REFUSED, "clock"));
        cases.add(new Case("SignatureDoesNotMatch: Signature expired, from IAM", service(403, "SignatureDoesNotMatch",
                "Signature expired: 20240601T115000Z is now earlier than 20240601T115500Z (20240601T120000Z - 5 min.)"),
                GENERATE, CLOCK_SKEW, ExitCode.AWS_REFUSED, "clock"));
        cases.add(new Case("InvalidSignatureException: Signature expired, from Security Hub", service(403,
                "InvalidSignatureException", "Signature expired: 20240601T115000Z is now earlier than 20240601T115500Z"),
                IMPORT, CLOCK_SKEW, ExitCode.AWS_REFUSED, "clock"));
        // unknown key
        for (Object[] row : new Object[][] {{"InvalidClientTokenId", GENERATE}, {"InvalidClientTokenId", ASSUME},
                {"InvalidAccessKeyId", GET}, {"UnrecognizedClientException", IMPORT}, {"InvalidToken", PUT}}) {
            cases.add(new Case(row[0] + " from " + ((AwsCall) row[1]).service(), service(403, (String) row[0],
                    "The security token included in the request is invalid."), (AwsCall) row[1], UNKNOWN_KEY,
                    ExitCode.AWS_REFUSED, "AWS does not recognise the access key (" + row[0] + "): check the credentials"));
        }
        // wrong secret
        for (Object[] row : new Object[][] {{"SignatureDoesNotMatch", GENERATE}, {"SignatureDoesNotMatch", ASSUME},
                {"SignatureDoesNotMatch", PUT}, {"InvalidSignatureException", IMPORT}}) {
            cases.add(new Case(row[0] + " from " + ((AwsCall) row[1]).service(), service(403, (String) row[0],
                    "The request signature we calculated does not match the signature you provided. Check your AWS "
                            + "Secret Access Key and signing method."), (AwsCall) row[1], WRONG_SECRET, ExitCode.AWS_REFUSED,
                    "AWS rejected the request signature (" + row[0] + "): the secret access key does not match"));
        }
        // expired session
        for (Object[] row : new Object[][] {{"ExpiredToken", GENERATE}, {"ExpiredToken", GET}, {"ExpiredTokenException", IMPORT},
                {"RequestExpired", ASSUME}, {"TokenRefreshRequired", PUT}}) {
            cases.add(new Case(row[0] + " from " + ((AwsCall) row[1]).service(), service(400, (String) row[0],
                    "The security token included in the request is expired"), (AwsCall) row[1], EXPIRED, ExitCode.AWS_REFUSED,
                    "the AWS credentials have expired (" + row[0] + "): refresh them"));
        }
        // access denied, and by whom
        cases.add(new Case("AccessDenied by a service control policy", service(403, "AccessDenied",
                "User: arn:aws:iam::1:user/a is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::b/r/k.csv\" "
                        + "with an explicit deny in a service control policy"), PUT, DENIED_BY_ORGANIZATION,
                ExitCode.AWS_REFUSED, "ask the Organization's administrator to allow s3:PutObject"));
        cases.add(new Case("AccessDenied by a permissions boundary", service(403, "AccessDenied",
                "User: arn:aws:iam::1:user/a is not authorized to perform: iam:GenerateCredentialReport because no "
                        + "permissions boundary allows the iam:GenerateCredentialReport action"), GENERATE, DENIED_BY_BOUNDARY,
                ExitCode.AWS_REFUSED, "ask whoever owns the boundary to allow iam:GenerateCredentialReport"));
        cases.add(new Case("AccessDenied from IAM", service(403, "AccessDenied",
                "User: arn:aws:iam::1:user/a is not authorized to perform: iam:GenerateCredentialReport"), GENERATE, ACCESS_DENIED,
                ExitCode.AWS_REFUSED, "access denied: this identity may not call iam:GenerateCredentialReport (AWS said: User: "));
        cases.add(new Case("AccessDeniedException from Security Hub", service(403, "AccessDeniedException", "not allowed"),
                IMPORT, ACCESS_DENIED, ExitCode.AWS_REFUSED, "may not call securityhub:BatchImportFindings"));
        cases.add(new Case("AccessDenied from STS AssumeRole", service(403, "AccessDenied", "User: x is not authorized"),
                ASSUME, ACCESS_DENIED, ExitCode.AWS_REFUSED, "cannot assume role arn:aws:iam::111111111111:role/Audit: "
                        + "access denied (AWS said: User: x is not authorized); check that the role exists"));
        cases.add(new Case("UnauthorizedOperation", service(403, "UnauthorizedOperation", "You are not authorized"),
                LIST_ACCOUNTS, ACCESS_DENIED, ExitCode.AWS_REFUSED, "may not call organizations:ListAccounts"));
        // refusals of their own
        cases.add(new Case("Security Hub not enabled", service(401, "InvalidAccessException",
                "Account 123456789012 is not subscribed to AWS Security Hub"), IMPORT, SECURITY_HUB_NOT_ENABLED,
                ExitCode.AWS_REFUSED, "for account 123456789012 in eu-west-1: Security Hub is not enabled there"));
        cases.add(new Case("no Organization", service(400, "AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization."), LIST_ACCOUNTS, NOT_IN_ORGANIZATION, ExitCode.AWS_REFUSED,
                "not in an AWS Organization"));
        cases.add(new Case("STS region disabled", service(403, "RegionDisabledException", "STS is not activated"), ASSUME,
                STS_REGION_DISABLED, ExitCode.AWS_REFUSED, "activate it"));
        cases.add(new Case("AllAccessDisabled", service(403, "AllAccessDisabled", "All access to this object has been disabled"),
                GET, REFUSED, ExitCode.AWS_REFUSED, "S3 refused GetObject with AllAccessDisabled"));
        // throttling, failures
        for (Object[] row : new Object[][] {{"Throttling", 400, GENERATE}, {"ThrottlingException", 400, IMPORT},
                {"TooManyRequestsException", 400, IMPORT}, {"SlowDown", 503, PUT}, {"RequestLimitExceeded", 503, ASSUME}}) {
            AwsCall call = (AwsCall) row[2];
            cases.add(new Case(row[0] + " from " + call.service(), service((Integer) row[1], (String) row[0], "Rate exceeded"),
                    call, THROTTLED, ExitCode.AWS_FAILED, call.service().title() + " kept throttling " + call.operation()
                            + " after the SDK's retries (" + row[0] + ")"));
        }
        cases.add(new Case("429 without a code", service(429, null, null), IMPORT, THROTTLED, ExitCode.AWS_FAILED, "(HTTP 429)"));
        // S3's 503 "Please reduce your request rate" answer of a HEAD has no code, only the message.
        cases.add(new Case("503 SlowDown without a code", service(503, null, "Slow Down"), PUT, THROTTLED, ExitCode.AWS_FAILED,
                "(HTTP 503)"));
        cases.add(new Case("ServiceFailure", service(500, "ServiceFailure", "Internal failure"), GENERATE, SERVICE_FAILED,
                ExitCode.AWS_FAILED, "IAM failed to answer GenerateCredentialReport after the SDK's retries (ServiceFailure)"));
        cases.add(new Case("502 without a code", service(502, null, null), GET, SERVICE_FAILED, ExitCode.AWS_FAILED,
                "(HTTP 502)"));
        cases.add(new Case("an unknown code", service(400, "SomethingNew", "a message\nwith a second line"), GENERATE, REFUSED,
                ExitCode.AWS_FAILED, "IAM refused GenerateCredentialReport with SomethingNew (AWS said: a message)"));
        // what is not there
        cases.add(new Case("NoSuchBucket writing", service(404, "NoSuchBucket", "The specified bucket does not exist"), PUT,
                NO_SUCH_BUCKET, ExitCode.CANNOT_WRITE, "S3 bucket 'b' does not exist"));
        cases.add(new Case("NoSuchBucket listing: the user's mistake", service(404, "NoSuchBucket",
                "The specified bucket does not exist"), LIST, NO_SUCH_BUCKET, ExitCode.USAGE,
                "cannot list s3://b/r: S3 bucket 'b' does not exist"));
        cases.add(new Case("NoSuchBucket reading", service(404, "NoSuchBucket", "The specified bucket does not exist"), GET,
                NO_SUCH_BUCKET, ExitCode.BAD_INPUT, "cannot read s3://b/r/k.csv: S3 bucket 'b' does not exist"));
        cases.add(new Case("NoSuchKey reading", service(404, "NoSuchKey", "The specified key does not exist."), GET,
                NO_SUCH_OBJECT, ExitCode.BAD_INPUT, "cannot read s3://b/r/k.csv: no such object"));
        cases.add(new Case("NoSuchKey writing", service(404, "NoSuchKey", "The specified key does not exist."), PUT,
                NO_SUCH_OBJECT, ExitCode.CANNOT_WRITE, "no such object"));
        cases.add(new Case("PermanentRedirect", service(301, "PermanentRedirect", "The bucket you are attempting to access "
                + "must be addressed using the specified endpoint."), GET, BUCKET_ELSEWHERE, ExitCode.AWS_REFUSED,
                "the bucket is in another region"));
        cases.add(new Case("AuthorizationHeaderMalformed: wrong region", service(400, "AuthorizationHeaderMalformed",
                "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"), GET,
                BUCKET_ELSEWHERE, ExitCode.AWS_REFUSED, "the bucket is in another region"));
        cases.add(new Case("NoSuchEntity", service(404, "NoSuchEntity", "The role with name Audit cannot be found."), ASSUME,
                NO_SUCH_ENTITY, ExitCode.AWS_REFUSED, "does not exist (NoSuchEntity)"));
        // HEAD: no body, no code, only the status
        cases.add(new Case("HEAD 403", service(403, null, null), HEAD_OBJECT, ACCESS_DENIED_NO_REASON, ExitCode.AWS_REFUSED,
                "cannot write s3://b/r/k.csv: access denied: this identity may not call s3:GetObject (S3 answered a HEAD request with 403"));
        cases.add(new Case("HeadBucket 404 writing", service(404, null, null), HEAD_BUCKET, NO_SUCH_BUCKET, ExitCode.CANNOT_WRITE,
                "S3 bucket 'b' does not exist"));
        cases.add(new Case("HeadBucket 404 reading", service(404, null, null), HEAD_BUCKET_READING, NO_SUCH_BUCKET,
                ExitCode.BAD_INPUT, "S3 bucket 'b' does not exist"));
        cases.add(new Case("HeadObject 404 writing", service(404, null, null), HEAD_OBJECT, NO_SUCH_OBJECT, ExitCode.CANNOT_WRITE,
                "no such object (HTTP 404)"));
        cases.add(new Case("HeadObject 404 reading", service(404, null, null), HEAD_OBJECT_READING, NO_SUCH_OBJECT,
                ExitCode.BAD_INPUT, "no such object (HTTP 404)"));
        cases.add(new Case("HEAD 301 with the bucket's region", headRedirect("ap-south-1"), HEAD_OBJECT, BUCKET_ELSEWHERE,
                ExitCode.AWS_REFUSED, "the bucket is in another region, ap-south-1 (S3 answered HTTP 301): pass --region ap-south-1"));
        cases.add(new Case("403 without a code from IAM", service(403, null, null), GENERATE, ACCESS_DENIED, ExitCode.AWS_REFUSED,
                "may not call iam:GenerateCredentialReport; grant it"));
        // no answer
        cases.add(new Case("API call timeout", ApiCallTimeoutException.builder()
                .message("Client execution did not complete before the specified timeout configuration: 10000 millis").build(),
                GENERATE, CALL_TIMEOUT, ExitCode.AWS_FAILED, "GenerateCredentialReport timed out talking to http://127.0.0.1:1"));
        cases.add(new Case("API call attempt timeout", ApiCallAttemptTimeoutException.builder()
                .message("HTTP request execution did not complete before the specified timeout configuration: 10 millis").build(),
                GENERATE, CALL_TIMEOUT, ExitCode.AWS_FAILED, "timed out talking to"));
        cases.add(new Case("unknown host", client("Received an UnknownHostException when attempting to interact with a "
                + "service. See cause for the exact endpoint that is failing to resolve.",
                new UnknownHostException("securityhub.xx-nowhere-1.amazonaws.com: Name or service not known")), IMPORT,
                UNKNOWN_HOST, ExitCode.AWS_FAILED, "cannot resolve host securityhub.xx-nowhere-1.amazonaws.com: xx-nowhere-1: "
                        + "no such region; did you mean "));
        cases.add(new Case("unknown host of a known region", client("Received an UnknownHostException when attempting to "
                + "interact with a service.", new UnknownHostException("securityhub.eu-west-1.amazonaws.com")), IMPORT,
                UNKNOWN_HOST, ExitCode.AWS_FAILED, "cannot resolve host securityhub.eu-west-1.amazonaws.com: the region may "
                        + "not exist or the network has no DNS"));
        cases.add(network("connection refused", new ConnectException("Connection refused"), ASSUME, CANNOT_CONNECT,
                "could not connect to STS (Connection refused); check the network, proxy and --region"));
        cases.add(network("no route to host", new NoRouteToHostException("No route to host"), LIST_ACCOUNTS, CANNOT_CONNECT,
                "could not connect to AWS Organizations at http://127.0.0.1:2 (No route to host); check the network, proxy "
                        + "and AWS_ENDPOINT_URL_ORGANIZATIONS"));
        cases.add(network("connect timeout", new SocketTimeoutException("Connect timed out"), GENERATE, CONNECT_TIMEOUT,
                "connecting to http://127.0.0.1:1 timed out after 5s (--cli-connect-timeout)"));
        cases.add(network("read timeout", new SocketTimeoutException("Read timed out"), GENERATE, READ_TIMEOUT,
                "http://127.0.0.1:1 did not answer within 7s (--cli-read-timeout)"));
        cases.add(network("TLS failure", new SSLHandshakeException("PKIX path building failed"), PUT, TLS_FAILED,
                "the TLS connection to S3 in eu-west-1 failed (PKIX path building failed); if a proxy re-signs TLS traffic, "
                        + "pass its CA with --ca-bundle"));
        cases.add(new Case("no credentials", SdkClientException.create("Unable to load credentials from any of the providers "
                + "in the chain"), IMPORT, NO_CREDENTIALS, ExitCode.AWS_REFUSED, "no AWS credentials found: set AWS_PROFILE"));
        cases.add(network("connection dropped", new SocketException("Unexpected end of file from server"), GENERATE, CONNECTION_FAILED,
                "the connection to http://127.0.0.1:1 failed after the SDK's retries (Unexpected end of file from server)"));
        cases.add(new Case("an answer that is not AWS's", SdkClientException.create("Unable to unmarshall response (ParseError "
                + "at [row,col]:[1,1]). Response Code: 200, Response Text: OK"), GENERATE, UNREADABLE_ANSWER, ExitCode.AWS_FAILED,
                "the answer from http://127.0.0.1:1 to GenerateCredentialReport could not be understood: Unable to unmarshall"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_classify(Case c) {
        ErrorClassifier.Row row = ErrorClassifier.rowFor(c.call(), ErrorClassifier.Facts.of(c.error()));
        COVERED.add(row);
        CredreportException failure = ErrorClassifier.classify(c.error(), c.call());

        assertEquals(c.kind(), row.kind(), () -> c.name() + ": " + failure.getMessage());
        assertEquals(c.exit(), failure.exitCode(), () -> c.name() + ": " + failure.getMessage());
        assertTrue(failure.getMessage().contains(c.mentions()), () -> "'" + c.mentions() + "' missing: " + failure.getMessage());
        assertCleanLine(failure.getMessage());
    }

    /** Runs after the cases (JUnit orders the parameterized test's name first): each row was reached by one. */
    @AfterAll
    static void every_row_is_reached_by_a_case() {
        List<ErrorClassifier.Row> missed = new ArrayList<>(ErrorClassifier.ROWS);
        missed.removeAll(COVERED);
        if (!COVERED.isEmpty()) {
            assertEquals(List.of(), missed, "rows no case reaches");
        }
    }

    @Test
    void should_tell_the_same_credential_condition_alike_from_every_service() {
        AwsCall[] calls = {GENERATE, ASSUME, LIST_ACCOUNTS, PUT, IMPORT};
        String[][] conditions = {{"InvalidClientTokenId", "InvalidAccessKeyId", "UnrecognizedClientException"},
                {"SignatureDoesNotMatch", "InvalidSignatureException"}, {"ExpiredToken", "ExpiredTokenException"}};
        for (String[] codes : conditions) {
            Set<String> reasons = new HashSet<>();
            Set<ExitCode> exits = new HashSet<>();
            for (AwsCall call : calls) {
                for (String code : codes) {
                    CredreportException failure = ErrorClassifier.classify(service(403, code, "m"), call);
                    String message = failure.getMessage();
                    reasons.add(message.substring(message.indexOf(call.context() == null ? "" : call.context() + ": ")
                            + (call.context() == null ? 0 : call.context().length() + 2)).replace(code, "CODE"));
                    exits.add(failure.exitCode());
                }
            }
            assertEquals(1, reasons.size(), () -> "one reason for " + codes[0] + ": " + reasons);
            assertEquals(Set.of(ExitCode.AWS_REFUSED), exits);
        }
    }

    @Test
    void should_escape_and_cut_what_aws_says() {
        CredreportException failure = ErrorClassifier.classify(service(403, "AccessDenied",
                "User \u001b[31mred\u202e " + "x".repeat(1000)), GENERATE);

        assertFalse(failure.getMessage().contains("\u001b"), failure.getMessage());
        assertFalse(failure.getMessage().contains("\u202e"), failure.getMessage());
        assertTrue(failure.getMessage().length() < 700, failure.getMessage());
    }

    static void assertCleanLine(String message) {
        for (String never : List.of("null", "Service: ", "Status Code", "Request ID", "Attempt Count", "\n")) {
            assertFalse(message.contains(never), () -> "'" + never + "' in: " + message);
        }
    }

    /** A service error as the SDK builds it, with its boilerplate suffix. */
    static AwsServiceException service(int status, String code, String message) {
        return AwsServiceException.builder()
                .message((message == null ? "null" : message) + " (Service: X, Status Code: " + status + ", Request ID: r-1)")
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("X")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
                .build();
    }

    static AwsServiceException headRedirect(String region) {
        return AwsServiceException.builder()
                .message("null (Service: S3, Status Code: 301, Request ID: r-1)")
                .statusCode(301)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(301).putHeader("x-amz-bucket-region", region).build())
                        .build())
                .build();
    }

    /** What the SDK throws when the network fails under a call: its words, the cause, the attempts. */
    static Case network(String name, Exception cause, AwsCall call, FailureKind kind, String mentions) {
        return new Case(name, client("Unable to execute HTTP request: " + cause.getMessage(), cause), call, kind,
                ExitCode.AWS_FAILED, mentions);
    }

    static SdkClientException client(String message, Throwable cause) {
        return SdkClientException.builder().message(message + " (SDK Attempt Count: 4)").cause(cause).build();
    }
}

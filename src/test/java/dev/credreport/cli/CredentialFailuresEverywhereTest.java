package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeAwsErrors;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same bad access key, wrong secret and expired session, as IAM, STS, S3 and Security Hub each
 * answer them on the wire, through the real command line: one exit code and one sentence for each
 * condition, whichever service said it, and never the SDK's boilerplate.
 */
class CredentialFailuresEverywhereTest {
    static final String BUCKET = "credreport-fixture";
    static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String SIGNATURE_MESSAGE = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    static final List<String> NEVER = List.of("null", "Service: ", "Status Code", "Request ID", "Attempt Count",
            "fake-request-id", "FAKE0REQUEST0ID", "req-error", "\tat ", "Exception:");

    @TempDir
    Path dir;

    /** One condition as each protocol tells it, and the sentence credreport must tell it with. */
    enum Condition {
        UNKNOWN_KEY("AWS does not recognise the access key (",
                new Query(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
                FakeAwsErrors.s3(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
                FakeAwsErrors.json(403, "UnrecognizedClientException", "The security token included in the request is invalid.")),
        WRONG_SECRET("AWS rejected the request signature (",
                new Query(403, "SignatureDoesNotMatch", SIGNATURE_MESSAGE),
                FakeAwsErrors.s3(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                        + "signature you provided. Check your key and signing method."),
                FakeAwsErrors.json(403, "InvalidSignatureException", SIGNATURE_MESSAGE)),
        EXPIRED("the AWS credentials have expired (",
                new Query(400, "ExpiredToken", "The security token included in the request is expired"),
                FakeAwsErrors.s3(400, "ExpiredToken", "The provided token has expired."),
                FakeAwsErrors.json(403, "ExpiredTokenException", "The security token included in the request is expired"));

        final String sentence;
        final Query query;
        final FakeAwsErrors.Answer restXml;
        final FakeAwsErrors.Answer restJson;

        Condition(String sentence, Query query, FakeAwsErrors.Answer restXml, FakeAwsErrors.Answer restJson) {
            this.sentence = sentence;
            this.query = query;
            this.restXml = restXml;
            this.restJson = restJson;
        }
    }

    /** An error of the Query protocol (IAM, STS). */
    record Query(int status, String code, String message) {
        FakeIam.Reply reply(String namespace) {
            return FakeIam.xml(status, "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>req-error</RequestId></ErrorResponse>");
        }
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void should_tell_one_condition_alike_from_iam_sts_s3_and_security_hub(Condition condition) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        try (FakeIam iam = FakeIam.start().onGenerate(condition.query.reply("https://iam.amazonaws.com/doc/2010-05-08/"))) {
            results.put("IAM", new CommandHarness().run("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv"));
        }
        try (FakeIam sts = FakeIam.start().route(request -> condition.query.reply(STS))) {
            results.put("STS", new CommandHarness().variable("AWS_ENDPOINT_URL", sts.endpoint().toString())
                    .run("fetch", "--accounts", "111111111111", "--format", "csv"));
        }
        try (FakeAwsErrors s3 = FakeAwsErrors.answering(condition.restXml)) {
            results.put("S3", new CommandHarness().variable("AWS_ENDPOINT_URL_S3", s3.endpoint().toString())
                    .run("fetch", "--input", "s3://" + BUCKET + "/reports/report.csv", "--format", "csv"));
        }
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        try (FakeAwsErrors hub = FakeAwsErrors.answering(condition.restJson)) {
            results.put("Security Hub", new CommandHarness().variable("AWS_ENDPOINT_URL_SECURITYHUB", hub.endpoint().toString())
                    .run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--security-hub",
                            "--security-hub-region", "eu-west-1", "--fail-on", "none", "--format", "csv"));
        }

        Map<String, String> reasons = new LinkedHashMap<>();
        results.forEach((service, result) -> {
            assertEquals(4, result.exitCode(), () -> service + ": " + result);
            assertEquals("", result.out(), () -> service + ": " + result);
            assertClean(result);
            String line = result.err().lines().filter(l -> l.contains(condition.sentence)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " did not say '" + condition.sentence + "': " + result));
            // The sentence and its advice, with AWS's code (which differs by protocol) left out.
            String reason = line.substring(line.indexOf(condition.sentence));
            reasons.put(service, reason.replaceFirst("^(.*?\\()[A-Za-z]+\\)", "$1CODE)"));
        });
        assertEquals(1, Set.copyOf(reasons.values()).size(), () -> "one sentence for " + condition + ": " + reasons);
    }

    @Test
    void should_name_the_action_when_s3_refuses_a_head_request_without_saying_why() {
        Result result = saveHeadAgainst(FakeAwsErrors.bare(403, Map.of()));

        assertEquals(4, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("credreport: cannot write s3://" + BUCKET + "/reports/dt="), result::toString);
        assertTrue(result.err().contains(": access denied: this identity may not call s3:GetObject (S3 answered a HEAD "
                + "request with 403 and no reason"), result::toString);
        assertTrue(result.err().contains("and s3:ListBucket, without which S3 refuses a HEAD of a missing object; unknown, "
                + "wrong or expired credentials are refused the same way"), result::toString);
        assertClean(result);
    }

    @Test
    void should_name_the_buckets_region_when_s3_redirects_a_head_request() {
        Result result = saveHeadAgainst(FakeAwsErrors.bare(301, Map.of("x-amz-bucket-region", "eu-central-1")));

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().contains("the bucket is in another region, eu-central-1 (S3 answered HTTP 301): "
                + "pass --region eu-central-1"), result::toString);
        assertClean(result);
    }

    @Test
    void should_tell_an_expired_sso_login_alike_for_iam_s3_and_security_hub() throws IOException {
        System.setProperty("aws.configFile", Files.writeString(dir.resolve("config"), String.join("\n",
                "[profile sso-user]", "sso_start_url = https://fixture.awsapps.example/start", "sso_region = us-east-1",
                "sso_account_id = 123456789012", "sso_role_name = SecurityAudit", "")).toString());
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(dir.resolve("credentials"), "").toString());
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        try (FakeIam iam = FakeIam.start(); FakeAwsErrors aws = FakeAwsErrors.answering(FakeAwsErrors.bare(500, Map.of()))) {
            List<Result> results = List.of(
                    new CommandHarness().run("fetch", "--endpoint-url", iam.endpoint().toString(), "--profile", "sso-user"),
                    new CommandHarness().variable("AWS_ENDPOINT_URL_S3", aws.endpoint().toString())
                            .run("fetch", "--input", "s3://" + BUCKET + "/reports/report.csv", "--profile", "sso-user"),
                    new CommandHarness().variable("AWS_ENDPOINT_URL_SECURITYHUB", aws.endpoint().toString())
                            .run("audit", "--input", report.toString(), "--security-hub", "--security-hub-region", "eu-west-1",
                                    "--profile", "sso-user"));
            for (Result result : results) {
                assertEquals(4, result.exitCode(), result::toString);
                assertEquals("credreport: profile 'sso-user' (--profile) has no valid SSO login (never logged in, or the login "
                        + "expired): run 'aws sso login --profile sso-user' and try again\n", result.err());
            }
            assertEquals(0, iam.requests().size(), "nothing is sent without credentials");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    Result saveAgainst(FakeAwsErrors.Answer answer) {
        return save(FakeAwsErrors.answering(answer));
    }

    /** The bucket may be listed (the check before the run passes); the save's HEAD request gets the answer. */
    Result saveHeadAgainst(FakeAwsErrors.Answer answer) {
        return save(FakeAwsErrors.answeringHeads(answer));
    }

    private Result save(FakeAwsErrors fake) {
        try (FakeIam iam = FakeIam.start().onGenerate(FakeIam.state("COMPLETE"))
                .onGet(FakeIam.report(SampleReports.standard(), CommandHarness.NOW.minusSeconds(60)));
                FakeAwsErrors s3 = fake) {
            return new CommandHarness().variable("AWS_ENDPOINT_URL_S3", s3.endpoint().toString())
                    .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", "s3://" + BUCKET + "/reports");
        }
    }

    static void assertClean(Result result) {
        for (String never : NEVER) {
            assertFalse(result.err().contains(never), () -> "'" + never + "' in " + result);
        }
    }
}

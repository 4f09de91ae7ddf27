package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import dev.credreport.support.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the AWS CLI's options and environment variables reach the SDK client, seen from the wire. */
class AwsConnectionTest {
    static final String CSV = SampleReports.standard();

    @TempDir
    Path dir;

    FakeIam iam;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void start() {
        iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(CSV, Instant.now()));
    }

    @AfterEach
    void stop() {
        iam.close();
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        CommandHarness.useTestCredentials();
    }

    Result fetch(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("fetch", "--format", "csv", "-q"));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    Result fetchFromFake(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--endpoint-url", iam.endpoint().toString()));
        args.addAll(List.of(extra));
        return fetch(args.toArray(String[]::new));
    }

    static void assertSuccess(Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(CSV, result.out());
    }

    @Test
    void should_sign_for_us_east_1_by_default() {
        assertSuccess(fetchFromFake());

        assertEquals("us-east-1", iam.requests().get(0).signingRegion());
    }

    @Test
    void should_pick_the_china_partition_from_region() {
        assertSuccess(fetchFromFake("--region", "cn-northwest-1"));

        assertEquals("cn-north-1", iam.requests().get(0).signingRegion());
    }

    @Test
    void should_honour_aws_default_region_which_the_sdk_ignores() {
        harness.variable("AWS_DEFAULT_REGION", "us-gov-east-1");

        assertSuccess(fetchFromFake());

        assertEquals("us-gov-west-1", iam.requests().get(0).signingRegion());
    }

    @Test
    void should_prefer_aws_region_to_aws_default_region_and_the_option_to_both() {
        harness.variable("AWS_REGION", "eu-west-1").variable("AWS_DEFAULT_REGION", "cn-north-1");

        assertSuccess(fetchFromFake());
        assertSuccess(fetchFromFake("--region", "us-gov-west-1"));

        assertEquals("us-east-1", iam.requests().get(0).signingRegion());
        assertEquals("us-gov-west-1", iam.requests().get(2).signingRegion());
    }

    @Test
    void should_take_the_endpoint_from_aws_endpoint_url_iam_then_aws_endpoint_url() {
        assertSuccess(harness.variable("AWS_ENDPOINT_URL_IAM", iam.endpoint().toString())
                .variable("AWS_ENDPOINT_URL", "http://127.0.0.1:1").run("fetch", "--format", "csv"));
        assertEquals(2, iam.requests().size());

        CommandHarness other = new CommandHarness().variable("AWS_ENDPOINT_URL", iam.endpoint().toString());
        assertSuccess(other.run("fetch", "--format", "csv", "-q"));
        assertEquals(4, iam.requests().size());
    }

    @Test
    void should_use_an_explicit_profile_over_credentials_in_the_environment() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[auditor]\naws_access_key_id = AKIDPROFILEFIXTURE01\naws_secret_access_key = profile-fixture-secret\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());

        assertSuccess(fetchFromFake("--profile", "auditor"));

        assertEquals("AKIDPROFILEFIXTURE01", iam.requests().get(0).accessKey());
    }

    @Test
    void should_take_the_region_from_the_profile_when_nothing_else_names_one() throws Exception {
        Path config = Files.writeString(dir.resolve("config"),
                "[profile china]\nregion = cn-north-1\naws_access_key_id = AKIDPROFILEFIXTURE02\naws_secret_access_key = x-fixture\n");
        System.setProperty("aws.configFile", config.toString());

        assertSuccess(fetchFromFake("--profile", "china"));

        assertEquals("cn-north-1", iam.requests().get(0).signingRegion());
    }

    @Test
    void should_exit_2_for_a_profile_that_does_not_exist() {
        Result result = fetchFromFake("--profile", "no-such-profile");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: the config profile 'no-such-profile' (--profile) could not be found in "),
                result::toString);
        assertEquals(0, iam.requests().size(), "nothing is sent without credentials");
    }

    @Test
    void should_call_sts_for_a_role_arn_profile_in_the_configured_partition() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), String.join("\n",
                "[profile base]",
                "aws_access_key_id = AKIDBASEFIXTURE00001",
                "aws_secret_access_key = base-fixture-secret",
                "[profile auditor]",
                "role_arn = arn:aws-cn:iam::123456789012:role/auditor",
                "source_profile = base",
                ""));
        System.setProperty("aws.configFile", config.toString());

        // The SDK builds its own STS client for role profiles, which no endpoint setting reaches, so
        // this checks the attempt: AssumeRole to the China partition's STS, then a credentials error.
        Result result = fetchFromFake("--profile", "auditor", "--region", "cn-north-1", "--debug");

        assertTrue(result.exitCode() == 4 || result.exitCode() == 6, result::toString);
        assertTrue(result.err().contains("DefaultStsClient.assumeRole"), result::toString);
        assertTrue(result.err().contains("host=sts.cn-north-1.amazonaws.com.cn"), result::toString);
        assertTrue(result.err().contains("credreport: could not reach STS to assume arn:aws-cn:iam::123456789012:role/auditor "
                + "for profile 'auditor' (--profile) (cannot resolve host"), result::toString);
        assertEquals(0, iam.requests().size(), "IAM is not called without credentials");
        assertEquals(null, System.getProperty("aws.region"), "the region lent to the SDK is taken back");
    }

    @Test
    void should_have_the_sso_module_for_sso_profiles() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), String.join("\n",
                "[profile sso-user]",
                "sso_start_url = https://fixture.awsapps.example/start",
                "sso_region = us-east-1",
                "sso_account_id = 123456789012",
                "sso_role_name = SecurityAudit",
                ""));
        System.setProperty("aws.configFile", config.toString());

        Result result = fetchFromFake("--profile", "sso-user");

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().contains("aws sso login --profile sso-user"), result::toString);
        assertFalse(result.err().contains("class path"), "the sso module is present: " + result.err());
    }

    @Test
    void should_exit_4_when_there_are_no_credentials_at_all() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null && System.getenv("AWS_PROFILE") == null,
                "the environment holds AWS credentials");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");

        Result result = fetchFromFake();

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: no AWS credentials found: set AWS_PROFILE or pass --profile"),
                result::toString);
        assertEquals(0, iam.requests().size());
    }

    @Test
    void should_trust_a_ca_bundle_given_by_option_or_aws_ca_bundle() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        try (FakeIam tls = FakeIam.startTls(certificates.serverContext())) {
            tls.onGenerate(state("COMPLETE")).onGet(report(CSV, Instant.now()));
            String endpoint = tls.endpoint().toString();

            assertSuccess(fetch("--endpoint-url", endpoint, "--ca-bundle", certificates.pem().toString()));
            harness.variable("AWS_CA_BUNDLE", certificates.pem().toString());
            assertSuccess(fetch("--endpoint-url", endpoint));

            assertEquals(4, tls.requests().size());
        }
    }

    @Test
    void should_refuse_an_unknown_certificate_and_point_to_ca_bundle() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        try (FakeIam tls = FakeIam.startTls(certificates.serverContext())) {
            tls.onGenerate(state("COMPLETE")).onGet(report(CSV, Instant.now()));

            Result result = fetch("--endpoint-url", tls.endpoint().toString());

            assertEquals(6, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("credreport: the TLS connection to " + tls.endpoint() + " failed"), result::toString);
            assertTrue(result.err().contains("--ca-bundle"), result::toString);
            assertEquals(0, tls.requests().size());
        }
    }

    @Test
    void should_skip_verification_with_no_verify_ssl_and_warn() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        try (FakeIam tls = FakeIam.startTls(certificates.serverContext())) {
            tls.onGenerate(state("COMPLETE")).onGet(report(CSV, Instant.now()));

            Result result = harness.run("fetch", "--format", "csv", "--endpoint-url", tls.endpoint().toString(), "--no-verify-ssl");

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(CSV, result.out());
            assertEquals("credreport: warning: --no-verify-ssl: TLS certificates are not verified\n", result.err());
        }
    }

    @Test
    void should_exit_2_for_a_ca_bundle_that_does_not_exist() {
        Result result = fetch("--endpoint-url", "https://127.0.0.1:1", "--ca-bundle", dir.resolve("none.pem").toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: CA bundle " + dir.resolve("none.pem") + " does not exist"), result::toString);
    }

    @Test
    void should_ignore_the_ca_bundle_for_plain_http() {
        harness.variable("AWS_CA_BUNDLE", dir.resolve("none.pem").toString());

        assertSuccess(fetchFromFake());
    }

    @Test
    void should_show_no_sdk_boilerplate_in_any_iam_failure() {
        List<FakeIam.Reply> replies = List.of(
                FakeIam.error(400, "SomethingNew", "a message\nwith a second line"),
                FakeIam.error(403, "AccessDenied", "User: x is not authorized"),
                FakeIam.error(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
                FakeIam.raw(502, "text/html", "<html>bad gateway</html>"));
        for (FakeIam.Reply reply : replies) {
            try (FakeIam failing = FakeIam.start()) {
                failing.onGenerate(reply, reply, reply, reply, reply);

                Result result = harness.variable("AWS_MAX_ATTEMPTS", "1")
                        .run("fetch", "--format", "csv", "--max-wait", "5s", "--endpoint-url", failing.endpoint().toString());

                assertTrue(result.exitCode() == 4 || result.exitCode() == 6, result::toString);
                assertEquals(1, result.err().lines().count(), result::toString);
                for (String boilerplate : List.of("Service: ", "Status Code", "Request ID", "SDK Attempt Count", "Exception")) {
                    assertFalse(result.err().contains(boilerplate), () -> boilerplate + " in " + result);
                }
            }
        }
    }
}

package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own AWS configuration mistakes, through the real command line: each is named (the
 * variable, the file and line, the profile and its missing key) with what to do, in one line, and
 * none of them reads as a bug of credreport's (exit 1) or reaches AWS.
 */
class AwsConfigurationMistakesTest {
    static final String CSV = SampleReports.standard();

    @TempDir
    Path dir;

    FakeIam iam;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void start() throws IOException {
        iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(CSV, Instant.now()));
        // Never the files of whoever runs the tests.
        config("");
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(dir.resolve("credentials"), "").toString());
    }

    @AfterEach
    void stop() {
        iam.close();
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        CommandHarness.useTestCredentials();
    }

    Path config(String... lines) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), String.join("\n", lines) + "\n");
        System.setProperty("aws.configFile", config.toString());
        return config;
    }

    Result fetch(String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--format", "csv", "-q", "--endpoint-url", iam.endpoint().toString()));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    /** One line of error, no stack trace, no SDK boilerplate, nothing on standard output, nothing sent. */
    void assertNamedMistake(int exitCode, Result result, String... mentions) {
        assertEquals(exitCode, result.exitCode(), result::toString);
        assertEquals("", result.out());
        String first = result.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("credreport: "), result::toString);
        for (String mention : mentions) {
            assertTrue(first.contains(mention), () -> "'" + mention + "' missing: " + result);
        }
        assertFalse(result.err().contains("internal error"), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
        for (String boilerplate : List.of("Service: ", "Status Code", "Request ID", "SDK Attempt Count", "ProfileFile(",
                "Exception")) {
            assertFalse(result.err().contains(boilerplate), () -> boilerplate + " in " + result);
        }
        if (exitCode != 2) {
            assertEquals(1, result.err().lines().count(), result::toString);
        }
        assertEquals(0, iam.requests().size(), "nothing is sent to IAM");
    }

    static void withoutKeysInTheEnvironment() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null, "the environment holds AWS credentials");
    }

    // Point 11: variables and files the SDK reads.

    @Test
    void should_name_aws_max_attempts_when_it_is_not_a_number() {
        harness.variable("AWS_MAX_ATTEMPTS", "abc");

        assertNamedMistake(2, fetch(), "AWS_MAX_ATTEMPTS=abc", "1 or more");
    }

    @Test
    void should_name_aws_max_attempts_of_zero() {
        harness.variable("AWS_MAX_ATTEMPTS", "0");

        assertNamedMistake(2, fetch(), "AWS_MAX_ATTEMPTS=0");
    }

    @Test
    void should_name_aws_retry_mode_and_list_the_modes() {
        harness.variable("AWS_RETRY_MODE", "fast");

        assertNamedMistake(2, fetch(), "AWS_RETRY_MODE=fast", "legacy, standard, adaptive");
    }

    @Test
    void should_accept_the_retry_settings_the_sdk_accepts() {
        harness.variable("AWS_RETRY_MODE", "STANDARD").variable("AWS_MAX_ATTEMPTS", " 3");

        Result result = fetch();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(CSV, result.out());
    }

    @Test
    void should_name_a_profiles_bad_retry_mode() throws IOException {
        config("[profile audit]", "aws_access_key_id = AKIDPROFILEFIXTURE03", "aws_secret_access_key = x-fixture",
                "retry_mode = fast");

        assertNamedMistake(2, fetch("--profile", "audit"), "retry_mode = fast in profile 'audit'");
    }

    @Test
    void should_name_the_config_file_and_line_of_an_unclosed_section() throws IOException {
        Path config = config("[default", "region = us-east-1");

        assertNamedMistake(2, fetch(), "AWS config file " + config + ", line 1", "must end with ']'", "AWS_CONFIG_FILE");
    }

    @Test
    void should_name_the_credentials_file_and_line_too() throws IOException {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIDPROFILEFIXTURE04\nthis line has no equals sign\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());

        assertNamedMistake(2, fetch(), "AWS credentials file " + credentials + ", line 3", "AWS_SHARED_CREDENTIALS_FILE");
    }

    @Test
    void should_refuse_an_empty_region_profile_or_endpoint() {
        for (String option : List.of("--region", "--profile")) {
            Result result = fetch(option, "");

            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("credreport: Invalid value for option '" + option + "': it is empty"), result::toString);
        }
        Result result = harness.run("fetch", "--endpoint-url", "");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(0, iam.requests().size());
    }

    // Point 12: profiles.

    @Test
    void should_refuse_an_aws_profile_that_does_not_exist_even_with_keys_in_the_environment() {
        harness.variable("AWS_PROFILE", "no-such-profile");

        assertNamedMistake(2, fetch(), "the config profile 'no-such-profile' (AWS_PROFILE) could not be found",
                "aws configure list-profiles");
    }

    @Test
    void should_name_the_missing_aws_profile_rather_than_say_no_credentials() {
        withoutKeysInTheEnvironment();
        harness.variable("AWS_PROFILE", "no-such-profile");

        Result result = fetch();

        assertNamedMistake(2, result, "the config profile 'no-such-profile' (AWS_PROFILE) could not be found");
        assertFalse(result.err().contains("no AWS credentials found"), result::toString);
    }

    @Test
    void should_refuse_a_missing_profile_named_by_option_the_same_way() {
        assertNamedMistake(2, fetch("--profile", "no-such-profile"), "the config profile 'no-such-profile' (--profile)");
    }

    @Test
    void should_take_credentials_from_the_aws_profile_when_the_environment_has_none() throws IOException {
        withoutKeysInTheEnvironment();
        config("[profile audit]", "aws_access_key_id = AKIDPROFILEFIXTURE05", "aws_secret_access_key = x-fixture");
        harness.variable("AWS_PROFILE", "audit");

        Result result = fetch();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("AKIDPROFILEFIXTURE05", iam.requests().get(0).accessKey());
    }

    @Test
    void should_let_keys_in_the_environment_win_over_an_existing_aws_profile_as_the_aws_cli_does() throws IOException {
        config("[profile audit]", "aws_access_key_id = AKIDPROFILEFIXTURE06", "aws_secret_access_key = x-fixture");
        harness.variable("AWS_PROFILE", "audit");

        Result result = fetch();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(CommandHarness.TEST_ACCESS_KEY, iam.requests().get(0).accessKey());
    }

    @Test
    void should_tell_an_sso_profile_without_a_login_to_run_aws_sso_login() throws IOException {
        // A start URL no cache holds a token for: as good as an empty cache directory.
        config("[profile sso-user]", "sso_start_url = https://" + UUID.randomUUID() + ".awsapps.example/start",
                "sso_region = us-east-1", "sso_account_id = 123456789012", "sso_role_name = SecurityAudit");

        Result result = fetch("--profile", "sso-user");

        assertNamedMistake(4, result, "profile 'sso-user' (--profile) has no valid SSO login",
                "run 'aws sso login --profile sso-user'");
        assertFalse(result.err().contains("sso/cache"), result::toString);
    }

    @Test
    void should_tell_an_sso_session_profile_named_by_aws_profile_to_log_in_too() throws IOException {
        withoutKeysInTheEnvironment();
        config("[profile sso-user]", "sso_session = corp", "sso_account_id = 123456789012", "sso_role_name = SecurityAudit",
                "[sso-session corp]", "sso_start_url = https://" + UUID.randomUUID() + ".awsapps.example/start",
                "sso_region = us-east-1");
        harness.variable("AWS_PROFILE", "sso-user");

        assertNamedMistake(4, fetch(), "profile 'sso-user' (AWS_PROFILE) has no valid SSO login",
                "aws sso login --profile sso-user");
    }

    @Test
    void should_name_the_missing_key_of_an_sso_profile() throws IOException {
        config("[profile sso-user]", "sso_start_url = https://fixture.awsapps.example/start", "sso_region = us-east-1",
                "sso_role_name = SecurityAudit");

        assertNamedMistake(2, fetch("--profile", "sso-user"), "SSO profile without sso_account_id");
    }

    @Test
    void should_name_what_a_role_arn_profile_lacks() throws IOException {
        config("[profile auditor]", "role_arn = arn:aws:iam::123456789012:role/auditor");

        Result result = fetch("--profile", "auditor");

        assertNamedMistake(2, result, "profile 'auditor' (--profile) has role_arn but neither source_profile nor credential_source");
    }

    @Test
    void should_name_a_source_profile_that_does_not_exist() throws IOException {
        config("[profile auditor]", "role_arn = arn:aws:iam::123456789012:role/auditor", "source_profile = base");

        assertNamedMistake(2, fetch("--profile", "auditor"), "source_profile = base, which is not in");
    }

    @Test
    void should_follow_source_profile_to_the_sso_login_it_needs() throws IOException {
        config("[profile auditor]", "role_arn = arn:aws:iam::123456789012:role/auditor", "source_profile = sso-user",
                "[profile sso-user]", "sso_start_url = https://" + UUID.randomUUID() + ".awsapps.example/start",
                "sso_region = us-east-1", "sso_account_id = 123456789012", "sso_role_name = SecurityAudit");

        assertNamedMistake(4, fetch("--profile", "auditor"),
                "profile 'sso-user' (source_profile of 'auditor') has no valid SSO login", "aws sso login --profile sso-user");
    }

    @Test
    void should_give_a_failing_credential_process_exit_code_and_last_line() throws IOException {
        Path script = script("fail.sh", "#!/bin/sh",
                "echo 'looking up the token' >&2",
                "printf 'vault: token expired\\033[2J, run vault login\\n' >&2",
                "exit 3");
        config("[profile proc]", "credential_process = " + script);

        Result result = fetch("--profile", "proc");

        assertNamedMistake(4, result, "the credential_process of profile 'proc' (--profile) failed with exit code 3: "
                + "vault: token expired\\x1b[2J, run vault login");
        assertFalse(result.err().contains("looking up"), result::toString);
        assertFalse(result.err().toLowerCase().contains("sso"), "no SSO hint for a credential_process: " + result);
    }

    @Test
    void should_say_when_a_credential_process_prints_no_credentials() throws IOException {
        Path script = script("garbage.sh", "#!/bin/sh", "echo 'not json'");
        config("[profile proc]", "credential_process = " + script);

        Result result = fetch("--profile", "proc");

        assertNamedMistake(4, result, "the credential_process of profile 'proc' (--profile) did not print credentials");
        assertFalse(result.err().toLowerCase().contains("sso"), result::toString);
    }

    @Test
    void should_say_when_a_credential_process_cannot_be_started() throws IOException {
        config("[profile proc]", "credential_process = " + dir.resolve("no-such-program"));

        assertNamedMistake(2, fetch("--profile", "proc"), "the credential_process of profile 'proc' (--profile) could not be run (exit code 127");
    }

    Path script(String name, String... lines) throws IOException {
        Path script = Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}

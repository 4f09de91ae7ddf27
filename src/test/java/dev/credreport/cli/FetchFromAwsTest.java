package dev.credreport.cli;

import static dev.credreport.support.FakeIam.error;
import static dev.credreport.support.FakeIam.hangUp;
import static dev.credreport.support.FakeIam.raw;
import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.stall;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fetch against a fake IAM endpoint over real HTTP, through the real SDK client. */
class FetchFromAwsTest {
    static final String CSV = SampleReports.standard();
    static final Instant GENERATED = CommandHarness.NOW.minusSeconds(60);

    FakeIam iam;
    CommandHarness harness;

    @BeforeEach
    void start() {
        iam = FakeIam.start();
        harness = new CommandHarness();
    }

    @AfterEach
    void stop() {
        iam.close();
    }

    Result fetch(String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString()));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    static void assertExit(int expected, Result result) {
        assertEquals(expected, result.exitCode(), result::toString);
    }

    @Test
    void should_wait_through_started_and_inprogress_until_complete() {
        iam.onGenerate(state("STARTED"), state("INPROGRESS"), state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(CSV, result.out());
        assertEquals(List.of("GenerateCredentialReport", "GenerateCredentialReport", "GenerateCredentialReport",
                "GetCredentialReport"), iam.actions());
        assertEquals("2010-05-08", iam.requests().get(0).form().get("Version"));
        assertEquals("", result.err());
    }

    @Test
    void should_wait_out_limit_exceeded_like_a_running_report() {
        iam.onGenerate(error(409, "LimitExceeded", "Too many report generation tasks"), state("COMPLETE"))
                .onGet(report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(2, iam.count("GenerateCredentialReport"));
        assertEquals(CSV, result.out());
    }

    @Test
    void should_keep_waiting_when_get_says_report_in_progress() {
        iam.onGenerate(state("COMPLETE"))
                .onGet(error(404, "ReportInProgress", "Report is in progress"), report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(List.of("GenerateCredentialReport", "GetCredentialReport", "GetCredentialReport"), iam.actions());
    }

    @Test
    void should_generate_again_once_when_the_report_is_not_present() {
        iam.onGenerate(state("COMPLETE"))
                .onGet(error(410, "ReportNotPresent", "Credential report not present"), report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(List.of("GenerateCredentialReport", "GetCredentialReport", "GenerateCredentialReport",
                "GetCredentialReport"), iam.actions());
        assertEquals(CSV, result.out());
    }

    @Test
    void should_generate_again_once_when_the_report_has_expired() {
        iam.onGenerate(state("COMPLETE"))
                .onGet(error(410, "ReportExpired", "Credential report expired"), report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(2, iam.count("GenerateCredentialReport"));
    }

    @Test
    void should_give_up_when_the_report_is_missing_even_after_generating_again() {
        iam.onGenerate(state("COMPLETE")).onGet(error(410, "ReportNotPresent", "Credential report not present"));

        Result result = fetch();

        assertExit(5, result);
        assertEquals("", result.out());
        assertTrue(result.err().contains("there is no credential report (ReportNotPresent) even after generating a new one"),
                result::toString);
        assertEquals(2, iam.count("GenerateCredentialReport"));
    }

    @Test
    void should_only_get_with_no_generate() {
        iam.onGet(report(CSV, GENERATED));

        Result result = fetch("--no-generate", "--format", "csv");

        assertExit(0, result);
        assertEquals(List.of("GetCredentialReport"), iam.actions());
    }

    @Test
    void should_tell_to_drop_no_generate_when_there_is_no_report() {
        iam.onGet(error(410, "ReportNotPresent", "Credential report not present"));

        Result result = fetch("--no-generate");

        assertExit(5, result);
        assertTrue(result.err().startsWith("credreport: there is no credential report (ReportNotPresent); run without --no-generate"),
                result::toString);
        assertEquals(List.of("GetCredentialReport"), iam.actions());
    }

    @Test
    void should_name_the_missing_permission_and_suggest_no_generate_when_generate_is_denied() {
        iam.onGenerate(error(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GenerateCredentialReport"));

        Result result = fetch();

        assertExit(4, result);
        assertEquals("credreport: access denied: this identity may not call iam:GenerateCredentialReport (AWS said: "
                + "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GenerateCredentialReport); "
                + "grant it, or pass --no-generate to read an existing report with iam:GetCredentialReport alone\n",
                result.err());
        assertEquals(1, iam.count("GenerateCredentialReport"), "access denied is not retried");
    }

    @Test
    void should_name_the_missing_permission_when_get_is_denied() {
        iam.onGenerate(state("COMPLETE")).onGet(error(403, "AccessDenied", "not authorized"));

        Result result = fetch();

        assertExit(4, result);
        assertTrue(result.err().contains("may not call iam:GetCredentialReport"), result::toString);
    }

    @Test
    void should_report_an_unknown_access_key() {
        iam.onGenerate(error(403, "InvalidClientTokenId", "The security token included in the request is invalid."));

        Result result = fetch();

        assertExit(4, result);
        assertTrue(result.err().startsWith("credreport: AWS does not recognise the access key (InvalidClientTokenId)"),
                result::toString);
        assertFalse(result.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void should_report_a_wrong_secret_key() {
        iam.onGenerate(error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match"));

        Result result = fetch();

        assertExit(4, result);
        assertTrue(result.err().contains("SignatureDoesNotMatch"), result::toString);
    }

    @Test
    void should_report_expired_credentials() {
        iam.onGenerate(error(400, "ExpiredToken", "The security token included in the request is expired"));

        Result result = fetch();

        assertExit(4, result);
        assertTrue(result.err().startsWith("credreport: the AWS credentials have expired (ExpiredToken)"), result::toString);
    }

    @Test
    void should_retry_throttling_and_succeed() {
        iam.onGenerate(error(400, "Throttling", "Rate exceeded"), state("COMPLETE")).onGet(report(CSV, GENERATED));
        List<Duration> pauses = recordPauses();

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(2, iam.count("GenerateCredentialReport"));
        // The SDK's pause before its retry, at most its throttled base of a second, went through the sleeper.
        assertEquals(1, pauses.size(), () -> "pauses: " + pauses);
        assertTrue(pauses.get(0).compareTo(Duration.ofSeconds(1)) <= 0, () -> "pauses: " + pauses);
    }

    /** Every pause the run takes, SDK retries' included, in fake time. */
    List<Duration> recordPauses() {
        List<Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        harness.sleeper(pause -> {
            pauses.add(pause);
            harness.time().sleep(pause);
        });
        return pauses;
    }

    @Test
    void should_retry_a_service_failure_and_succeed() {
        iam.onGenerate(state("COMPLETE")).onGet(error(500, "ServiceFailure", "Internal failure"), report(CSV, GENERATED));
        List<Duration> pauses = recordPauses();

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(2, iam.count("GetCredentialReport"));
        // One pause of the SDK's before its retry, at most its base of a tenth of a second.
        assertEquals(1, pauses.size(), () -> "pauses: " + pauses);
        assertTrue(pauses.get(0).compareTo(Duration.ofMillis(100)) <= 0, () -> "pauses: " + pauses);
    }

    @Test
    void should_fail_with_6_when_throttling_outlasts_the_retries() {
        iam.onGenerate(error(400, "Throttling", "Rate exceeded"));

        Result result = fetch();

        assertExit(6, result);
        assertTrue(result.err().startsWith("credreport: IAM kept throttling GenerateCredentialReport after the SDK's retries"),
                result::toString);
        assertTrue(iam.count("GenerateCredentialReport") > 1, "throttling is retried");
    }

    @Test
    void should_fail_with_6_when_iam_keeps_failing() {
        iam.onGenerate(error(500, "ServiceFailure", "Internal failure"));

        Result result = fetch();

        assertExit(6, result);
        assertTrue(result.err().contains("IAM failed to answer GenerateCredentialReport after the SDK's retries (ServiceFailure)"),
                result::toString);
    }

    @Test
    void should_give_up_on_a_report_stuck_in_progress_after_max_wait() {
        iam.onGenerate(state("STARTED"), state("INPROGRESS"));

        Result result = fetch("--max-wait", "2s");

        assertExit(5, result);
        assertTrue(result.err().startsWith("credreport: the credential report was not ready after waiting 2s (--max-wait 2s): "
                + "the report was INPROGRESS; try again later or raise --max-wait"), result::toString);
        // In fake time: the whole budget was waited, and not a moment past it.
        assertEquals(Duration.ofSeconds(2), harness.time().slept(), "waited the whole budget and gave up at its end");
        assertEquals(3, iam.count("GenerateCredentialReport"), "polled every second until the budget ran out");
    }

    @Test
    void should_give_up_after_max_wait_when_limit_exceeded_persists() {
        iam.onGenerate(error(409, "LimitExceeded", "Too many report generation tasks"));

        Result result = fetch("--max-wait", "1s");

        assertExit(5, result);
        assertTrue(result.err().contains("IAM refused to start another report (LimitExceeded)"), result::toString);
    }

    @Test
    void should_fail_with_6_when_the_server_stalls_past_the_read_timeout() {
        iam.onGenerate(stall(Duration.ofSeconds(5), state("COMPLETE")));

        // One attempt: the read timeout is real time (a socket's), so the SDK's retries would each wait it out again.
        System.setProperty("aws.maxAttempts", "1");
        Result result;
        try {
            result = fetch("--cli-read-timeout", "1");
        } finally {
            System.clearProperty("aws.maxAttempts");
        }

        assertExit(6, result);
        assertTrue(result.err().contains("did not answer within 1s (--cli-read-timeout)"), result::toString);
        assertEquals(1, iam.count("GenerateCredentialReport"));
    }

    @Test
    void should_fail_with_6_when_the_server_closes_the_connection() {
        iam.onGenerate(hangUp());

        Result result = fetch();

        assertExit(6, result);
        assertTrue(result.err().startsWith("credreport: the connection to " + iam.endpoint()), result::toString);
        assertTrue(iam.count("GenerateCredentialReport") > 1, "a dropped connection is retried");
    }

    @Test
    void should_fail_with_6_when_the_answer_is_not_xml() {
        iam.onGenerate(raw(200, "text/html", "<html><body>Captive portal: please log in</body"));

        Result result = fetch();

        assertExit(6, result);
        assertTrue(result.err().startsWith("credreport: the answer from " + iam.endpoint()), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    @Test
    void should_fail_at_once_with_6_when_the_answer_is_xml_without_a_report_state() {
        iam.onGenerate(raw(200, "text/xml", "<GenerateCredentialReportResponse><GenerateCredentialReportResult>"
                + "</GenerateCredentialReportResult></GenerateCredentialReportResponse>"));

        Result result = fetch();

        assertExit(6, result);
        assertTrue(result.err().startsWith("credreport: GenerateCredentialReport answered without a report state (none); "
                + "check that"), result::toString);
        assertEquals(1, iam.count("GenerateCredentialReport"), "failed at the first answer, not polled to --max-wait");
    }

    @Test
    void should_fail_with_6_when_nothing_listens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Result result = harness.run("fetch", "--endpoint-url", "http://127.0.0.1:" + port);

        assertExit(6, result);
        assertTrue(result.err().startsWith("credreport: could not connect to http://127.0.0.1:" + port), result::toString);
    }

    @Test
    void should_note_the_age_of_a_stale_report_on_stderr_only() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, CommandHarness.NOW.minus(Duration.ofMinutes(133))));

        Result result = fetch("--format", "csv");

        assertExit(0, result);
        assertEquals(CSV, result.out());
        assertEquals("credreport: note: this report was generated 2024-06-01 09:47 UTC (2h13m ago); "
                + "changes since then are not in it\n", result.err());
    }

    @Test
    void should_keep_quiet_about_a_stale_report_with_quiet() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, CommandHarness.NOW.minus(Duration.ofHours(3))));

        Result result = fetch("--format", "csv", "--quiet");

        assertExit(0, result);
        assertEquals("", result.err());
    }

    @Test
    void should_show_progress_only_when_stderr_is_a_terminal() {
        iam.onGenerate(state("STARTED"), state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result onTerminal = harness.terminal(false, true, 80).run("fetch", "--endpoint-url", iam.endpoint().toString());
        Result quiet = harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "-q");

        assertExit(0, onTerminal);
        assertTrue(onTerminal.err().contains("waiting for the credential report: the report was STARTED"), onTerminal::toString);
        assertTrue(onTerminal.err().endsWith("\r\033[K"), "the progress line is cleared at the end");
        assertEquals("", quiet.err());
    }

    @Test
    void should_print_csv_when_stdout_is_not_a_terminal_and_a_table_when_it_is() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result piped = fetch();
        Result terminal = harness.terminal(true, false, 120).run("fetch", "--endpoint-url", iam.endpoint().toString());

        assertEquals(CSV, piped.out());
        assertTrue(terminal.out().startsWith("Credential report of account 123456789012, generated 2024-06-01 11:59 UTC (1m ago), 4 users\n"),
                terminal::toString);
    }

    @Test
    void should_put_the_generated_time_in_json() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result result = fetch("--format", "json");

        assertExit(0, result);
        assertTrue(result.out().contains("\"generated_time\": \"2024-06-01T11:59:00Z\""), result::toString);
        assertTrue(result.out().contains("\"source\": \"aws\""), result::toString);
    }

    @Test
    void should_exit_7_when_aws_returns_something_that_is_not_a_report() {
        iam.onGenerate(state("COMPLETE")).onGet(report("<html>not a report</html>\n", GENERATED));

        Result result = fetch("--format", "csv");

        assertExit(7, result);
        assertEquals("", result.out(), "nothing that is not a report is passed on");
    }

    @Test
    void should_never_print_secrets_with_debug() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result result = fetch("--format", "csv", "--debug");

        assertExit(0, result);
        assertTrue(result.err().contains("debug: "), "the SDK's log is shown: " + result.err());
        assertFalse(result.err().contains(CommandHarness.TEST_SECRET_KEY), result::toString);
        assertFalse(result.err().contains(CommandHarness.TEST_ACCESS_KEY), result::toString);
        assertFalse(result.err().matches("(?s).*Signature=[0-9a-f]{16}.*"), result::toString);
        String authorization = iam.requests().get(0).headers().get("authorization");
        assertTrue(authorization.contains(CommandHarness.TEST_ACCESS_KEY), "the request was really signed");
        String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
        assertFalse(result.err().contains(signature), result::toString);
    }

    @Test
    void should_mask_the_arguments_of_a_credential_process_with_debug(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // Its arguments may hold a secret (issue 22, point 10): never shown, even with --debug.
        String secret = "topsecret-token-98765";
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("config"), "[profile proc]\n"
                + "credential_process = /bin/sh -c 'printf \"{\\\"Version\\\":1,\\\"AccessKeyId\\\":\\\"process-key-id\\\","
                + "\\\"SecretAccessKey\\\":\\\"process-secret\\\"}\"' " + secret + "\n");
        System.setProperty("aws.configFile", config.toString());
        try {
            iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

            Result result = fetch("--format", "csv", "--debug", "--profile", "proc");

            assertExit(0, result);
            assertEquals("process-key-id", iam.requests().get(0).accessKey(), "the process's keys were used");
            assertFalse(result.err().contains(secret), result::toString);
        } finally {
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void should_mask_the_session_token_with_debug() {
        String token = "FwoGZXIvYXdzEFAKETESTFIXTURESESSIONTOKEN0123456789abcdef";
        System.setProperty("aws.sessionToken", token);
        try {
            iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

            Result result = fetch("--format", "csv", "--debug");

            assertExit(0, result);
            assertEquals(token, iam.requests().get(0).headers().get("x-amz-security-token"), "the token was sent");
            assertTrue(result.err().contains("x-amz-security-token:****"), "the signer's log is there, masked");
            assertFalse(result.err().contains(token), result::toString);
            assertFalse(result.err().contains(token.substring(0, 20)), result::toString);
        } finally {
            System.clearProperty("aws.sessionToken");
        }
    }

    @Test
    void should_print_no_debug_log_without_debug() {
        iam.onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));

        Result result = fetch("--format", "csv");

        assertEquals("", result.err());
    }
}

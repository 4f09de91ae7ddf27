package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.MotoS3;
import dev.credreport.support.MotoServer;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** fetch --output-dir s3://, --input s3:// and diff --dir s3:// against moto's S3 over real HTTP. */
class S3ArchiveAgainstMotoTest {
    static final String CSV = SampleReports.standard();
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");
    static final String KEY = "reports/dt=2024-06-01/credential-report-123456789012-20240601T115900Z.csv";
    static final String BUCKET = "audit-reports";

    static MotoServer moto;
    static MotoS3 s3;
    FakeIam iam;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
        s3 = new MotoS3(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void start() {
        moto.reset();
        s3.bucket(BUCKET);
        iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(CSV, GENERATED));
    }

    @AfterEach
    void stop() {
        iam.close();
    }

    CommandHarness harness() {
        return new CommandHarness().variable("AWS_ENDPOINT_URL_S3", moto.endpoint().toString());
    }

    Result save(String location, String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", location));
        args.addAll(List.of(extra));
        return harness().run(args.toArray(String[]::new));
    }

    @Test
    void should_save_the_exact_bytes_under_a_date_partition_with_metadata_on_the_object() {
        Result result = save("s3://" + BUCKET + "/reports");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("s3://" + BUCKET + "/" + KEY + "\n", result.out());
        assertEquals(List.of(KEY), s3.keys(BUCKET), "nothing but the CSV under the prefix");
        assertEquals(CSV, s3.get(BUCKET, KEY));
        HeadObjectResponse head = s3.head(BUCKET, KEY);
        assertEquals("2024-06-01T11:59:00Z", head.metadata().get("generated-time"));
        assertEquals("123456789012", head.metadata().get("account-id"));
        assertEquals("aws", head.metadata().get("partition"));
        assertEquals(dev.credreport.store.ReportMetadata.sha256(CSV.getBytes(StandardCharsets.UTF_8)), head.metadata().get("sha256"));
        assertTrue(head.metadata().containsKey("tool-version"), head.metadata()::toString);
    }

    @Test
    void should_keep_one_object_when_the_same_report_is_saved_twice() {
        save("s3://" + BUCKET + "/reports/");
        Instant before = s3.head(BUCKET, KEY).lastModified();
        Result second = save("s3://" + BUCKET + "/reports/");

        assertEquals(0, second.exitCode(), second::toString);
        assertEquals("s3://" + BUCKET + "/" + KEY + "\n", second.out());
        assertTrue(second.err().contains("already holds this report"), second.err());
        assertEquals(List.of(KEY), s3.keys(BUCKET));
        assertEquals(before, s3.head(BUCKET, KEY).lastModified());
    }

    @Test
    void should_never_overwrite_another_report_saved_under_the_same_name() {
        save("s3://" + BUCKET + "/reports");
        String changed = CSV.replace("alice", "alicia");
        iam.onGet(report(changed, GENERATED));

        Result second = save("s3://" + BUCKET + "/reports");

        String suffixed = KEY.replace(".csv", "-1.csv");
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals("s3://" + BUCKET + "/" + suffixed + "\n", second.out());
        assertEquals(List.of(suffixed, KEY), s3.keys(BUCKET));
        assertEquals(CSV, s3.get(BUCKET, KEY));
        assertEquals(changed, s3.get(BUCKET, suffixed));
    }

    @Test
    void should_keep_the_newest_reports_and_touch_no_object_it_did_not_name() {
        s3.put(BUCKET, "reports/_athena/notes.txt", "not ours");
        s3.put(BUCKET, "reports/dt=2024-05-01/credential-report-123456789012-x.csv", "not ours either");
        for (int day = 1; day <= 3; day++) {
            Instant generated = GENERATED.plusSeconds(86400L * day);
            iam.onGet(report(CSV.replace("alice", "alice" + day), generated));
            Result result = save("s3://" + BUCKET + "/reports", "--keep", "2");
            assertEquals(0, result.exitCode(), result::toString);
        }

        assertEquals(List.of(
                "reports/_athena/notes.txt",
                "reports/dt=2024-05-01/credential-report-123456789012-x.csv",
                "reports/dt=2024-06-03/credential-report-123456789012-20240603T115900Z.csv",
                "reports/dt=2024-06-04/credential-report-123456789012-20240604T115900Z.csv"), s3.keys(BUCKET));
    }

    @Test
    void should_save_every_account_of_an_organization_in_the_same_table() {
        List<String> accounts = FakeOrganization.accounts(3);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100)) {
            Result result = harness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fetch", "--org", "--output-dir", "s3://" + BUCKET + "/iam", "-q");

            assertEquals(0, result.exitCode(), result::toString);
            List<String> keys = s3.keys(BUCKET);
            assertEquals(all.size(), keys.size(), keys::toString);
            for (String account : all) {
                String key = keys.stream().filter(k -> k.contains("-" + account + "-")).findFirst().orElseThrow();
                assertTrue(key.matches("iam/dt=\\d{4}-\\d{2}-\\d{2}/credential-report-" + account + "-\\d{8}T\\d{6}Z\\.csv"), key);
                assertEquals(FakeOrganization.report(account), s3.get(BUCKET, key));
                assertEquals(account, s3.head(BUCKET, key).metadata().get("account-id"));
            }
        }
    }

    @Test
    void should_name_an_accounts_report_that_lists_no_users_by_the_account_asked_for() {
        List<String> accounts = FakeOrganization.accounts(3);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100).headerOnly(accounts.get(1))) {
            Result result = harness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fetch", "--org", "--output-dir", "s3://" + BUCKET + "/iam", "-q");

            assertEquals(0, result.exitCode(), result::toString);
            String key = "iam/dt=2024-06-01/credential-report-" + accounts.get(1) + "-20240601T000000Z.csv";
            assertEquals(all.size(), s3.keys(BUCKET).size(), s3.keys(BUCKET)::toString);
            assertEquals(dev.credreport.support.SampleReports.HEADER + "\n", s3.get(BUCKET, key));
            assertEquals(accounts.get(1), s3.head(BUCKET, key).metadata().get("account-id"));
            assertEquals("aws", s3.head(BUCKET, key).metadata().get("partition"));
        }
    }

    @Test
    void should_read_a_saved_report_back_with_its_generated_time() throws IOException {
        save("s3://" + BUCKET + "/reports");

        Result csv = harness().run("fetch", "--input", "s3://" + BUCKET + "/" + KEY, "--format", "csv");
        Result json = harness().run("fetch", "--input", "s3://" + BUCKET + "/" + KEY, "--format", "json");

        assertEquals(0, csv.exitCode(), csv::toString);
        assertEquals(CSV, csv.out());
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertTrue(json.out().contains("2024-06-01T11:59:00Z"), json.out());
        assertTrue(document.toString().contains("s3://" + BUCKET + "/" + KEY), json.out());
    }

    @Test
    void should_say_which_object_is_missing() {
        Result result = harness().run("fetch", "--input", "s3://" + BUCKET + "/reports/none.csv");

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("s3://" + BUCKET + "/reports/none.csv"), result.err());
    }

    @Test
    void should_diff_the_two_newest_reports_of_an_s3_prefix() {
        save("s3://" + BUCKET + "/reports");
        iam.onGet(report(CSV + SampleReports.lines(SampleReports.CAROL.replace("carol", "dave")).substring(0), GENERATED.plusSeconds(3600)));
        Result second = save("s3://" + BUCKET + "/reports");
        assertEquals(0, second.exitCode(), second::toString);

        Result diff = harness().run("diff", "--dir", "s3://" + BUCKET + "/reports", "--format", "csv", "--exit-code");

        assertEquals(3, diff.exitCode(), diff::toString);
        assertTrue(diff.out().contains("dave"), diff.out());
    }

    @Test
    void should_draw_the_pages_trends_from_an_s3_history() throws IOException {
        save("s3://" + BUCKET + "/reports");
        iam.onGet(report(CSV + SampleReports.lines(SampleReports.CAROL.replace("carol", "dave")), GENERATED.plusSeconds(3600)));
        save("s3://" + BUCKET + "/reports");
        java.nio.file.Path input = java.nio.file.Files.createTempFile("credreport-history-", ".csv");
        java.nio.file.Files.writeString(input, CSV);

        Result page = harness().run("report", "--input", input.toString(), "--history", "s3://" + BUCKET + "/reports");

        assertEquals(0, page.exitCode(), page::toString);
        com.fasterxml.jackson.databind.JsonNode history = ReportCommandTest.data(org.jsoup.Jsoup.parse(page.out()))
                .path("accounts").get(0).path("history");
        assertEquals(2, history.size(), history::toString);
        assertEquals(GENERATED.toString(), history.get(0).path("generated_time").asText());
        assertEquals(history.get(0).path("users").asInt() + 1, history.get(1).path("users").asInt());
        java.nio.file.Files.delete(input);
    }

    @Test
    void should_refuse_an_s3_history_that_holds_no_saved_report_with_exit_2_as_for_a_directory() {
        save("s3://" + BUCKET + "/reports");
        int before = iam.actions().size();
        String what = "; give the directory or s3://BUCKET/PREFIX that 'fetch --output-dir' saves reports into";

        Result empty = harness().run("report", "--endpoint-url", iam.endpoint().toString(), "--history", "s3://" + BUCKET + "/typo");
        Result noBucket = harness().run("report", "--endpoint-url", iam.endpoint().toString(), "--history", "s3://no-such-bucket/reports");

        assertEquals(2, empty.exitCode(), empty::toString);
        assertEquals("credreport: --history 's3://" + BUCKET + "/typo': no saved report under this prefix" + what + "\n", empty.err());
        assertEquals(2, noBucket.exitCode(), noBucket::toString);
        assertTrue(noBucket.err().startsWith("credreport: --history 's3://no-such-bucket/reports': "), noBucket::toString);
        assertTrue(noBucket.err().contains("S3 bucket 'no-such-bucket' does not exist"), noBucket::toString);
        assertTrue(noBucket.err().endsWith(what + "\n"), noBucket::toString);
        assertEquals(before, iam.actions().size(), "no IAM call before the mistake is found");
    }

    @Test
    void should_ask_for_the_encryption_given() {
        Result aes = save("s3://" + BUCKET + "/aes", "--sse", "AES256");
        Result kms = save("s3://" + BUCKET + "/kms", "--sse", "aws:kms", "--sse-kms-key-id", "alias/credreport");

        assertEquals(0, aes.exitCode(), aes::toString);
        assertEquals(0, kms.exitCode(), kms::toString);
        assertEquals("AES256", s3.head(BUCKET, KEY.replace("reports/", "aes/")).serverSideEncryptionAsString());
        HeadObjectResponse head = s3.head(BUCKET, KEY.replace("reports/", "kms/"));
        assertEquals("aws:kms", head.serverSideEncryptionAsString());
        assertEquals("alias/credreport", head.ssekmsKeyId());
    }

    @Test
    void should_name_a_bucket_that_does_not_exist_as_the_user_s_mistake_before_fetching() {
        // Found by the check before the run (issue 22): exit 2, and nothing fetched for nothing.
        Result result = save("s3://no-such-bucket-here/reports");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("'no-such-bucket-here' does not exist"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void should_exit_4_when_s3_refuses_access() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                    + "<Message>Access Denied</Message><RequestId>1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(403, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        refusing.start();
        try {
            Result result = new CommandHarness()
                    .variable("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + refusing.getAddress().getPort())
                    .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", "s3://" + BUCKET + "/reports");

            assertEquals(4, result.exitCode(), result::toString);
            assertEquals("", result.out());
            assertTrue(result.err().contains("s3:"), result.err());
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void should_refuse_other_schemes_as_usage_errors() {
        for (String[] args : List.of(
                new String[] {"fetch", "--output-dir", "gs://bucket/reports"},
                new String[] {"fetch", "--input", "https://example.com/report.csv"},
                new String[] {"diff", "--dir", "az://container/reports"})) {
            Result result = harness().run(args);
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains(":// locations are not supported; give a local path or s3://BUCKET/PREFIX"), result.err());
        }
        Result output = harness().run("fetch", "--input", "-", "-o", "s3://" + BUCKET + "/report.csv");
        assertEquals(2, output.exitCode(), output::toString);
        assertTrue(output.err().contains("s3:// locations are not supported"), output.err());
        assertEquals(List.of(), s3.keys(BUCKET));
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs over many accounts in which accounts fail: when every account failed nothing reaches
 * standard output in any format; one account's report that cannot be saved, or that lists no users,
 * never stops the others being saved.
 */
class MultiAccountFailuresTest {
    static final List<String> ACCOUNTS = FakeOrganization.accounts(3);
    static final String TWO = ACCOUNTS.get(0) + "," + ACCOUNTS.get(1);

    @TempDir
    Path dir;

    FakeOrganization organization;

    @BeforeEach
    void start() {
        List<String> all = new ArrayList<>(ACCOUNTS);
        all.add(FakeOrganization.MANAGEMENT);
        organization = new FakeOrganization(all, Set.of(), 100);
    }

    @AfterEach
    void stop() {
        organization.close();
    }

    CommandHarness harness() {
        return new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint());
    }

    /** STS refuses connections, so no account's role can be assumed. */
    CommandHarness stsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return harness().variable("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closed);
    }

    static void assertEveryAccountFailedWithNothingOut(int code, Result result) {
        assertEquals(code, result.exitCode(), result::toString);
        assertEquals("", result.out(), "nothing on standard output");
        assertTrue(result.err().contains("2 accounts asked, 0 succeeded, 2 failed; every account failed"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "csv", "sarif", "asff"})
    void audit_prints_nothing_when_sts_cannot_be_reached_for_any_account(String format) throws IOException {
        assertEveryAccountFailedWithNothingOut(6, stsUnreachable().run("audit", "--accounts", TWO, "--format", format,
                "--region", "us-east-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "csv", "sarif", "asff"})
    void audit_prints_nothing_when_every_role_is_refused(String format) {
        organization.refuseRole(ACCOUNTS.get(0)).refuseRole(ACCOUNTS.get(1));

        assertEveryAccountFailedWithNothingOut(4, harness().run("audit", "--accounts", TWO, "--format", format,
                "--region", "us-east-1", "--fail-on", "none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "csv", "blocks"})
    void fetch_prints_nothing_when_every_account_failed(String format) throws IOException {
        assertEveryAccountFailedWithNothingOut(6, stsUnreachable().run("fetch", "--accounts", TWO, "--format", format));
        organization.refuseRole(ACCOUNTS.get(0)).refuseRole(ACCOUNTS.get(1));
        assertEveryAccountFailedWithNothingOut(4, harness().run("fetch", "--accounts", TWO, "--format", format));
    }

    @Test
    void report_prints_no_page_when_every_account_failed() throws IOException {
        assertEveryAccountFailedWithNothingOut(6, stsUnreachable().run("report", "--accounts", TWO));
    }

    @Test
    void fetch_saves_nothing_and_prints_nothing_when_every_account_failed() throws IOException {
        Path reports = dir.resolve("reports");

        assertEveryAccountFailedWithNothingOut(6, stsUnreachable().run("fetch", "--accounts", TWO, "--output-dir", reports.toString()));
        assertFalse(Files.exists(reports) && Files.list(reports).findAny().isPresent(), "no file saved");
    }

    @Test
    void audit_lists_a_failure_before_the_first_success_once_an_account_succeeded() {
        organization.refuseRole(ACCOUNTS.get(0));

        Result table = harness().run("audit", "--accounts", TWO, "--format", "table", "--fail-on", "none");
        Result csv = harness().run("audit", "--accounts", TWO, "--format", "csv", "--fail-on", "none");

        assertEquals(9, table.exitCode(), table::toString);
        assertTrue(table.out().startsWith("Audit of account " + ACCOUNTS.get(0) + ": FAILED: cannot assume role"), table.out());
        assertEquals(1, table.out().lines().filter(line -> line.startsWith("Audit of account " + ACCOUNTS.get(1))).count(),
                table.out());
        assertEquals(9, csv.exitCode(), csv::toString);
        assertTrue(csv.out().startsWith("account_id,"), csv.out());
        assertEquals(Set.of(ACCOUNTS.get(1)), Set.copyOf(csv.csvRecords().stream().map(row -> row.get("account_id")).toList()));
    }

    @Test
    void fetch_json_lists_a_failed_first_account_once_an_account_succeeded() throws IOException {
        organization.refuseRole(ACCOUNTS.get(0));

        Result json = harness().run("fetch", "--accounts", TWO, "--format", "json");

        assertEquals(9, json.exitCode(), json::toString);
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertEquals("failed", document.at("/accounts/0/status").asText());
        assertEquals("ok", document.at("/accounts/1/status").asText());
        assertEquals(3, document.get("users").size());
    }

    static List<String> saved(Path reports) throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
    }

    static String fileOf(String account) {
        return "credential-report-" + account + "-20240601T000000Z.csv";
    }

    @Test
    void fetch_names_a_report_that_lists_no_users_by_the_account_asked_for() throws IOException {
        organization.headerOnly(ACCOUNTS.get(1));
        Path reports = dir.resolve("reports");

        Result result = harness().run("fetch", "--accounts", String.join(",", ACCOUNTS), "--output-dir", reports.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(ACCOUNTS.stream().map(MultiAccountFailuresTest::fileOf).toList(), saved(reports));
        assertEquals(SampleReports.HEADER + "\n", Files.readString(reports.resolve(fileOf(ACCOUNTS.get(1)))));
        JsonNode metadata = new ObjectMapper().readTree(
                Files.readString(reports.resolve(fileOf(ACCOUNTS.get(1)).replace(".csv", ".meta.json"))));
        assertEquals(ACCOUNTS.get(1), metadata.get("account_id").asText());
        assertEquals("aws", metadata.get("partition").asText());
        assertTrue(result.out().contains(reports.resolve(fileOf(ACCOUNTS.get(1))) + "\n"), result::toString);
    }

    @Test
    void fetch_goes_on_past_a_report_it_cannot_save_and_exits_9() throws IOException {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        // A directory where the report's metadata belongs: the save of that one account fails.
        Path blocked = Files.createDirectory(reports.resolve(fileOf(ACCOUNTS.get(1)).replace(".csv", ".meta.json")));
        Files.writeString(blocked.resolve("keep"), "not credreport's");

        Result result = harness().run("fetch", "--accounts", String.join(",", ACCOUNTS), "--output-dir", reports.toString());

        assertEquals(9, result.exitCode(), result::toString);
        assertEquals(List.of(fileOf(ACCOUNTS.get(0)), fileOf(ACCOUNTS.get(2))), saved(reports));
        assertEquals(reports.resolve(fileOf(ACCOUNTS.get(0))) + "\n" + reports.resolve(fileOf(ACCOUNTS.get(2))) + "\n", result.out());
        assertTrue(result.err().contains("credreport: account " + ACCOUNTS.get(1) + ": "), result::toString);
        assertTrue(result.err().endsWith("credreport: 3 accounts asked, 2 succeeded, 1 failed: " + ACCOUNTS.get(1)
                + " (why is above; --failed-accounts FILE lists them for a retry with --accounts-file FILE)\n"), result::toString);
        assertEquals("not credreport's", Files.readString(blocked.resolve("keep")));
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch over many accounts against a fake AWS: Organizations, STS and IAM on one loopback endpoint. */
class MultiAccountTest {
    static final List<String> ACCOUNTS = FakeOrganization.accounts(6);

    @TempDir
    Path dir;

    FakeOrganization organization;

    @AfterEach
    void stop() {
        if (organization != null) {
            organization.close();
        }
    }

    FakeOrganization organization(List<String> accounts, Set<String> suspended, int pageSize) {
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        organization = new FakeOrganization(all, suspended, pageSize);
        return organization;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("fetch"));
        all.addAll(List.of(args));
        return new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint()).run(all.toArray(String[]::new));
    }

    static List<String> accountsIn(Result result) {
        return List.copyOf(new LinkedHashSet<>(result.csvRecords().stream().map(row -> row.get("account_id")).toList()));
    }

    @Test
    void should_merge_the_accounts_in_account_order_with_the_account_first() {
        organization(ACCOUNTS, Set.of(), 100);

        Result result = run("--accounts", String.join(",", ACCOUNTS.get(2), ACCOUNTS.get(0), FakeOrganization.MANAGEMENT,
                ACCOUNTS.get(1)), "--format", "csv");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("account_id,account_name,user,arn,user_creation_time,"), result.out());
        for (CSVRecord row : result.csvRecords()) {
            assertEquals("", row.get("account_name"), "accounts named by id alone have no name");
        }
        assertEquals(List.of(ACCOUNTS.get(0), ACCOUNTS.get(1), ACCOUNTS.get(2), FakeOrganization.MANAGEMENT), accountsIn(result));
        for (CSVRecord row : result.csvRecords()) {
            assertTrue(row.get("arn").contains(":" + row.get("account_id") + ":"), row::toString);
        }
        assertEquals(12, result.csvRecords().size());
        assertEquals(3, organization.server().count("AssumeRole"), "the caller's own account needs no role");
        assertEquals("credreport: 4 accounts asked, 4 succeeded, 0 failed\n", result.err());
    }

    @Test
    void should_list_an_organizations_active_accounts_over_every_page_and_skip_the_others() {
        List<String> accounts = FakeOrganization.accounts(45);
        organization(accounts, Set.of(accounts.get(4), accounts.get(30)), 20);

        Result result = run("--org", "--format", "csv", "-q");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(3, organization.server().count("ListAccounts"), "every page is read");
        assertEquals(44, accountsIn(result).size());
        assertFalse(accountsIn(result).contains(accounts.get(4)));
        assertTrue(result.err().contains("credreport: skipped account " + accounts.get(4) + " (SUSPENDED): not ACTIVE\n"),
                result::toString);
        assertTrue(result.err().contains("credreport: skipped account " + accounts.get(30) + " (SUSPENDED)"), result::toString);
    }

    @Test
    void should_name_the_organizations_accounts_in_every_output_over_many_accounts() throws IOException {
        List<String> accounts = FakeOrganization.accounts(3);
        organization(accounts, Set.of(), 2).name(accounts.get(0), "Prod, \"payments\"").name(accounts.get(1), "=cmd|x")
                .name(accounts.get(2), "Sandbox\u001b[31m");

        Result csv = run("--org", "--format", "csv", "-q");
        assertEquals(0, csv.exitCode(), csv::toString);
        for (CSVRecord row : csv.csvRecords()) {
            String expected = row.get("account_id").equals(accounts.get(0)) ? "Prod, \"payments\""
                    : row.get("account_id").equals(accounts.get(1)) ? "=cmd|x"
                    : row.get("account_id").equals(accounts.get(2)) ? "Sandbox\u001b[31m"
                    : "account " + FakeOrganization.MANAGEMENT;
            assertEquals(expected, row.get("account_name"), row::toString);
        }

        JsonNode json = new ObjectMapper().readTree(run("--org", "--format", "json", "-q").out());
        assertEquals("Prod, \"payments\"", json.get("users").get(0).get("account_name").asText());
        assertEquals(accounts.get(0), json.get("accounts").get(0).get("account_id").asText());
        assertEquals("Prod, \"payments\"", json.get("accounts").get(0).get("account_name").asText());

        Result table = run("--org", "--format", "table", "-q", "--width", "200");
        assertTrue(table.out().contains("account " + accounts.get(0) + " (Prod, \"payments\")"), table::toString);
        assertFalse(table.out().contains("\u001b"), "a name is text from outside: escaped for a terminal");

        Result audit = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--org", "--format", "csv", "-q");
        assertEquals(List.of("account_id", "account_name"), audit.csvRecords().get(0).getParser().getHeaderNames().subList(0, 2));
        for (CSVRecord row : audit.csvRecords()) {
            if (row.get("account_id").equals(accounts.get(1))) {
                assertEquals("'=cmd|x", row.get("account_name"), "a name that a spreadsheet would run is quoted");
            }
        }
        JsonNode audits = new ObjectMapper().readTree(new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--org", "--format", "json", "-q").out());
        assertEquals("Sandbox\u001b[31m", audits.get(2).get("audit").get("account_name").asText());
    }

    @Test
    void should_go_on_past_a_refused_role_and_exit_9() {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(3));

        Result result = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv");

        assertEquals(9, result.exitCode(), result::toString);
        assertFalse(accountsIn(result).contains(ACCOUNTS.get(3)));
        assertEquals(5, accountsIn(result).size());
        assertTrue(result.err().contains("credreport: account " + ACCOUNTS.get(3) + ": cannot assume role arn:aws:iam::"
                + ACCOUNTS.get(3) + ":role/OrganizationAccountAccessRole: "), result::toString);
        assertTrue(result.err().endsWith("credreport: 6 accounts asked, 5 succeeded, 1 failed: " + ACCOUNTS.get(3)
                + " (why is above; --failed-accounts FILE lists them for a retry with --accounts-file FILE)\n"), result::toString);
    }

    @Test
    void should_write_the_failed_accounts_with_why_for_the_next_run_to_retry() throws IOException {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(3)).refuseRole(ACCOUNTS.get(1));
        Path failed = dir.resolve("failed.txt");

        Result result = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv", "-q",
                "--failed-accounts", failed.toString());

        assertEquals(9, result.exitCode(), result::toString);
        List<String> lines = Files.readAllLines(failed);
        assertTrue(lines.get(0).startsWith("#"), lines::toString);
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(1).startsWith(ACCOUNTS.get(1) + "  # cannot assume role"), lines::toString);
        assertTrue(lines.get(2).startsWith(ACCOUNTS.get(3) + "  # cannot assume role"), lines::toString);

        // The file is what --accounts-file reads: the next run retries just those.
        Result retry = run("--accounts-file", failed.toString(), "--format", "csv", "-q");
        assertEquals(List.of(), accountsIn(retry));
        assertTrue(retry.err().contains("2 accounts asked, 0 succeeded, 2 failed; every account failed"), retry::toString);
    }

    @Test
    void should_not_let_a_stuck_account_hold_up_the_others() {
        // The stuck account's first pause lasts until the three others that may run ahead of it (two
        // at a time, four accounts in hand at most) have asked for their reports: were they held up
        // behind it, that would never be, and the pause would end at the bound.
        CountDownLatch othersAsked = new CountDownLatch(3);
        AtomicBoolean othersWentOn = new AtomicBoolean();
        AtomicBoolean firstPause = new AtomicBoolean(true);
        organization(ACCOUNTS, Set.of(), 100).stuckInProgress(ACCOUNTS.get(0)).beforeIamAnswer(request -> {
            if (request.action().equals("GetCredentialReport")) {
                othersAsked.countDown();
            }
        });
        CommandHarness harness = new CommandHarness();
        FakeTime time = harness.time();
        harness.sleeper(pause -> {
            if (firstPause.getAndSet(false)) {
                othersWentOn.set(othersAsked.await(10, TimeUnit.SECONDS));
            }
            time.sleep(pause);
        });

        Result result = harness.variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("fetch", "--accounts", String.join(",", ACCOUNTS), "--format", "csv", "--max-wait", "2s", "--concurrency", "2");

        assertEquals(9, result.exitCode(), result::toString);
        assertEquals(ACCOUNTS.subList(1, 6), accountsIn(result));
        assertTrue(result.err().contains("credreport: account " + ACCOUNTS.get(0)
                + ": the credential report was not ready after waiting"), result::toString);
        assertTrue(othersWentOn.get(), "the other accounts went on while the stuck one waited");
        assertEquals(Duration.ofSeconds(2), time.slept(), "the stuck account waited out its own --max-wait");
    }

    @Test
    void should_ride_out_throttling_in_one_account() {
        organization(ACCOUNTS, Set.of(), 100).throttle(ACCOUNTS.get(2), 2);

        Result result = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv", "-q");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(ACCOUNTS, accountsIn(result));
    }

    @Test
    void should_fetch_every_account_in_order_when_sts_organizations_and_iam_throttle() {
        List<String> accounts = FakeOrganization.accounts(60);
        // Two roles of three refused as throttled, half the pages, a fifth of IAM's answers.
        organization(accounts, Set.of(), 7).throttleEvery("AssumeRole", -3).throttleEvery("ListAccounts", 2)
                .throttleEvery("GenerateCredentialReport", 5).throttleEvery("GetCredentialReport", 5);

        Result result = run("--org", "--format", "csv", "-q", "--concurrency", "8");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> expected = new ArrayList<>(accounts);
        expected.add(FakeOrganization.MANAGEMENT);
        assertEquals(expected, accountsIn(result));
        assertTrue(organization.throttled() > 60, "the fake throttled: " + organization.throttled());
    }

    @Test
    void should_fail_an_account_throttled_past_the_run_patience_and_say_so() {
        organization(ACCOUNTS, Set.of(), 100).throttle(ACCOUNTS.get(2), 1_000_000);

        Result result = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv", "-q", "--throttle-patience", "2m");

        assertEquals(9, result.exitCode(), result::toString);
        assertTrue(result.err().contains("account " + ACCOUNTS.get(2) + ": ") && result.err().contains("--throttle-patience"),
                result::toString);
        assertEquals(ACCOUNTS.size() - 1, accountsIn(result).size());
    }

    @Test
    void should_keep_no_more_accounts_in_flight_than_the_concurrency() {
        List<String> accounts = FakeOrganization.accounts(12);
        // The first answers wait until three requests are in flight: a run that keeps fewer never gets there.
        organization(accounts, Set.of(), 100).holdUntilInFlight(3);

        Result result = run("--accounts", String.join(",", accounts), "--format", "csv", "--concurrency", "3", "-q");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(accounts, accountsIn(result));
        assertTrue(organization.mostInFlight() <= 3, "in flight: " + organization.mostInFlight());
        assertEquals(3, organization.mostInFlight(), "accounts ran side by side, as many as the concurrency");
    }

    @Test
    void should_fail_with_the_accounts_own_code_when_every_account_fails_and_write_nothing() throws IOException {
        organization(ACCOUNTS.subList(0, 2), Set.of(), 100).refuseRole(ACCOUNTS.get(0)).refuseRole(ACCOUNTS.get(1));
        Path output = Files.writeString(dir.resolve("merged.csv"), "yesterday\n");

        Result result = run("--accounts", ACCOUNTS.get(0) + "," + ACCOUNTS.get(1), "-o", output.toString());

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().contains("2 accounts asked, 0 succeeded, 2 failed; every account failed"), result::toString);
        assertEquals("yesterday\n", Files.readString(output));
    }

    @Test
    void should_put_the_account_in_blocks_json_and_tables() throws Exception {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(1));
        String accounts = ACCOUNTS.get(0) + "," + ACCOUNTS.get(1) + "," + ACCOUNTS.get(2);

        Result blocks = run("--accounts", accounts, "--format", "blocks", "-q");
        Result json = run("--accounts", accounts, "--format", "json", "-q");
        Result table = run("--accounts", accounts, "--format", "table", "--width", "200", "-q");

        assertTrue(blocks.out().startsWith("Account: " + ACCOUNTS.get(0) + "\nUser: <root_account>\n"), blocks.out());
        assertEquals(6, blocks.out().lines().filter(line -> line.startsWith("Account: ")).count());
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertEquals(6, document.get("users").size());
        assertEquals(ACCOUNTS.get(2), document.at("/users/5/account_id").asText());
        assertEquals("failed", document.at("/accounts/1/status").asText());
        assertTrue(document.at("/accounts/1/error").asText().startsWith("cannot assume role"));
        assertEquals("ok", document.at("/accounts/2/status").asText());
        // Each account's table under its own title (issue 23, point 7), not an account column on every row.
        assertTrue(table.out().lines().noneMatch(line -> line.startsWith("USER ") && line.contains(" ACCOUNT ")), table.out());
        List<String> titles = table.out().lines().filter(line -> line.startsWith("Credential report of account ")).toList();
        assertEquals(2, titles.size(), table.out());
        assertTrue(titles.get(1).startsWith("Credential report of account " + ACCOUNTS.get(2) + ","), table.out());
        int second = table.out().indexOf(titles.get(1));
        assertTrue(table.out().indexOf("\nalice ", second) > second, "alice of the third account under its title");
    }

    @Test
    void should_save_one_report_per_account() throws IOException {
        organization(ACCOUNTS, Set.of(), 100);
        Path reports = dir.resolve("reports");

        Result result = run("--accounts", String.join(",", ACCOUNTS.subList(0, 3)), "--output-dir", reports.toString(), "-q");

        assertEquals(0, result.exitCode(), result::toString);
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(List.of(
                    "credential-report-" + ACCOUNTS.get(0) + "-20240601T000000Z.csv",
                    "credential-report-" + ACCOUNTS.get(1) + "-20240601T000000Z.csv",
                    "credential-report-" + ACCOUNTS.get(2) + "-20240601T000000Z.csv"),
                    files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList());
        }
        assertEquals(FakeOrganization.report(ACCOUNTS.get(1)),
                Files.readString(reports.resolve("credential-report-" + ACCOUNTS.get(1) + "-20240601T000000Z.csv")));
    }

    @Test
    void should_read_an_accounts_file_with_comments_and_a_role_arn_template() throws IOException {
        organization(ACCOUNTS, Set.of(), 100);
        Path file = Files.writeString(dir.resolve("accounts.txt"),
                "# production\n" + ACCOUNTS.get(4) + "\n\n" + ACCOUNTS.get(5) + "   # data\n");

        Result result = run("--accounts-file", file.toString(), "--role-arn-template",
                "arn:{partition}:iam::{account}:role/security/Audit", "--external-id", "fixture-external", "--format", "csv", "-q");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(ACCOUNTS.get(4), ACCOUNTS.get(5)), accountsIn(result));
        var assume = organization.server().requests().stream().filter(request -> request.action().equals("AssumeRole")).toList();
        assertEquals(Set.of("arn:aws:iam::" + ACCOUNTS.get(4) + ":role/security/Audit", "arn:aws:iam::" + ACCOUNTS.get(5)
                + ":role/security/Audit"), Set.copyOf(assume.stream().map(request -> request.form().get("RoleArn")).toList()));
        for (var request : assume) {
            assertEquals("fixture-external", request.form().get("ExternalId"));
            assertEquals("credreport", request.form().get("RoleSessionName"));
        }
    }

    @Test
    void should_audit_every_account_with_findings_and_a_summary_per_account() throws Exception {
        organization(ACCOUNTS, Set.of(), 100);
        String accounts = ACCOUNTS.get(1) + "," + ACCOUNTS.get(0);

        Result csv = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--accounts", accounts, "--format", "csv", "-q");
        Result json = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--accounts", accounts, "--format", "json", "-q");
        Result sarif = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--accounts", accounts, "--format", "sarif", "-q", "--fail-on", "none");
        Result table = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--accounts", accounts, "--format", "table", "-q");

        assertEquals(3, csv.exitCode(), csv::toString);
        List<CSVRecord> rows = csv.csvRecords();
        List<String> firstAccount = rows.stream().filter(row -> row.get("account_id").equals(ACCOUNTS.get(0)))
                .map(row -> row.get("severity") + " " + row.get("rule_id") + " " + row.get("user")).toList();
        assertEquals(List.of("high root-recently-used <root_account>", "high console-without-mfa carol",
                "medium access-key-not-rotated alice", "medium credentials-unused carol", "low password-past-rotation carol",
                "info iam-users-instead-of-identity-center (account)"),
                firstAccount);
        assertEquals(12, rows.size());
        assertEquals(ACCOUNTS.get(0), rows.get(0).get("account_id"), "accounts in order");
        JsonNode audits = new ObjectMapper().readTree(json.out());
        assertEquals(2, audits.size());
        assertEquals(ACCOUNTS.get(1), audits.at("/1/audit/account_id").asText());
        assertEquals(6, audits.at("/1/findings").size());
        assertEquals(0, sarif.exitCode(), sarif::toString);
        assertEquals(2, new ObjectMapper().readTree(sarif.out()).get("runs").size());
        assertEquals(2, table.out().lines().filter(line -> line.startsWith("Audit of account ")).count(), table.out());
        assertEquals(2, table.out().lines().filter(line -> line.startsWith("3 users checked, 6 findings")).count(), table.out());
    }

    @Test
    void should_exit_9_when_some_accounts_could_not_be_audited() throws Exception {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(0));

        Result json = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .run("audit", "--accounts", ACCOUNTS.get(0) + "," + ACCOUNTS.get(1), "--format", "json");

        assertEquals(9, json.exitCode(), json::toString);
        JsonNode audits = new ObjectMapper().readTree(json.out());
        assertTrue(audits.at("/0/error").asText().startsWith("cannot assume role"), json.out());
        assertEquals(ACCOUNTS.get(1), audits.at("/1/audit/account_id").asText());
        assertTrue(json.err().contains("2 accounts asked, 1 succeeded, 1 failed"), json::toString);
    }

    @Test
    void should_show_progress_on_a_terminal_only() {
        organization(ACCOUNTS, Set.of(), 100);

        Result terminal = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint()).terminal(false, true, 80)
                .run("fetch", "--accounts", String.join(",", ACCOUNTS), "--format", "csv");
        Result piped = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv");

        assertEquals(0, terminal.exitCode(), terminal::toString);
        assertTrue(terminal.err().contains("6/6 accounts done, 0 failed, "), terminal::toString);
        assertFalse(piped.err().contains("accounts done"), piped::toString);
    }

    @Test
    void should_say_where_to_run_org_from_when_listing_is_denied() {
        organization(ACCOUNTS, Set.of(), 100).denyListing();

        Result result = run("--org");

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: cannot list the Organization's accounts: access denied: this identity "
                + "may not call organizations:ListAccounts (AWS said: "), result::toString);
        assertTrue(result.err().contains("; run --org from the management account or a delegated administrator"),
                result::toString);
        assertEquals(0, organization.server().count("GenerateCredentialReport"));
    }

    @Test
    void should_refuse_what_cannot_be_run() {
        organization(ACCOUNTS, Set.of(), 100);

        assertEquals(2, run("--accounts", "12345").exitCode());
        assertEquals(2, run("--accounts", ACCOUNTS.get(0), "--org").exitCode());
        assertEquals(2, run("--accounts", ACCOUNTS.get(0), "--input", "x.csv").exitCode());
        assertEquals(2, run("--accounts", ACCOUNTS.get(0), "--concurrency", "0").exitCode());
        assertEquals(2, run("--accounts", ACCOUNTS.get(0), "--output-dir", dir.toString(), "--format", "json").exitCode());
    }

    static final List<String> SDK_BOILERPLATE = List.of("Service: ", "Status Code", "Request ID", "SDK Attempt Count", "Exception");

    static void assertNoSdkText(Result result) {
        for (String boilerplate : SDK_BOILERPLATE) {
            assertFalse(result.err().contains(boilerplate), () -> boilerplate + " in " + result);
        }
    }

    @Test
    void should_name_the_refused_role_and_what_to_check_without_sdk_text() {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(3));

        Result result = run("--accounts", String.join(",", ACCOUNTS), "--format", "csv");

        assertEquals(9, result.exitCode(), result::toString);
        String line = result.err().lines().filter(l -> l.contains("account " + ACCOUNTS.get(3))).findFirst().orElseThrow();
        assertTrue(line.startsWith("credreport: account " + ACCOUNTS.get(3) + ": cannot assume role arn:aws:iam::"
                + ACCOUNTS.get(3) + ":role/OrganizationAccountAccessRole: access denied (AWS said: User: "), line);
        assertTrue(line.contains("its trust policy lets the caller assume it"), line);
        assertTrue(line.contains("may call sts:AssumeRole on it"), line);
        assertTrue(line.contains("external id (--external-id)"), line);
        assertNoSdkText(result);
    }

    @Test
    void should_point_at_the_external_id_when_one_was_sent() {
        organization(ACCOUNTS, Set.of(), 100).refuseRole(ACCOUNTS.get(0));

        Result result = run("--accounts", ACCOUNTS.get(0), "--external-id", "fixture-external-id", "--format", "csv");

        assertEquals(4, result.exitCode(), result::toString);
        assertTrue(result.err().contains("that --external-id matches the trust policy's sts:ExternalId"), result::toString);
        assertEquals("", result.out());
        assertNoSdkText(result);
    }

    @Test
    void should_exit_6_when_sts_cannot_be_reached() throws IOException {
        organization(ACCOUNTS, Set.of(), 100);
        int closed = closedPort();

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .variable("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closed)
                .run("fetch", "--accounts", String.join(",", ACCOUNTS.subList(0, 2)), "--format", "csv");

        assertEquals(6, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("credreport: account " + ACCOUNTS.get(0) + ": cannot assume role arn:aws:iam::"
                + ACCOUNTS.get(0) + ":role/OrganizationAccountAccessRole: could not connect to STS at http://127.0.0.1:" + closed),
                result::toString);
        assertTrue(result.err().contains("AWS_ENDPOINT_URL_STS"), result::toString);
        assertNoSdkText(result);
        assertEquals(0, organization.server().count("GenerateCredentialReport"));
    }

    @Test
    void should_exit_6_without_sdk_text_when_organizations_cannot_be_reached() throws IOException {
        organization(ACCOUNTS, Set.of(), 100);
        int closed = closedPort();

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                .variable("AWS_ENDPOINT_URL_ORGANIZATIONS", "http://127.0.0.1:" + closed)
                .run("fetch", "--org", "--format", "csv");

        assertEquals(6, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: cannot list the Organization's accounts: could not connect to "
                + "AWS Organizations at http://127.0.0.1:" + closed + " ("), result::toString);
        assertTrue(result.err().contains("AWS_ENDPOINT_URL_ORGANIZATIONS"), result::toString);
        assertNoSdkText(result);
    }

    @Test
    void should_refuse_conflicting_or_pointless_options_with_a_reason() {
        organization(ACCOUNTS, Set.of(), 100);

        Result both = run("--accounts", ACCOUNTS.get(0), "--role-name", "Audit",
                "--role-arn-template", "arn:{partition}:iam::{account}:role/security/Audit");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().startsWith("credreport: --role-name and --role-arn-template both name the role to assume: give one"),
                both::toString);

        for (List<String> alone : List.of(List.of("--external-id", "x"), List.of("--role-name", "Audit"),
                List.of("--role-arn-template", "arn:aws:iam::{account}:role/A"), List.of("--role-session-name", "s"),
                List.of("--concurrency", "4"))) {
            Result result = run(alone.toArray(String[]::new));
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("credreport: " + alone.get(0) + " applies only to runs over many accounts "
                    + "(--accounts, --accounts-file or --org)"), result::toString);
        }

        Result region = run("--accounts", ACCOUNTS.get(0), "--region", "");
        assertEquals(2, region.exitCode(), region::toString);
        assertTrue(region.err().startsWith("credreport: Invalid value for option '--region': it is empty"), region::toString);

        assertEquals(0, organization.server().requests().size(), "nothing is sent for a refused command line");
    }

    static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

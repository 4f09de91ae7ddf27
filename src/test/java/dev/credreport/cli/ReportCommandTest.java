package dev.credreport.cli;

import static dev.credreport.support.ReportRow.root;
import static dev.credreport.support.ReportRow.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.AuditedAccount;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report: the HTML page, read back with a real HTML parser and checked against audit. */
class ReportCommandTest {
    static final String SCRIPT_USER = "<script>alert(\"x\")</script>";
    static final String QUOTE_USER = "o'brien\"><img src=x onerror=alert(1)>";

    /** The audit test's account, plus users whose names try to break out of HTML and JSON. */
    static final String ACCOUNT = SampleReports.report(
            AuditedAccount.ROOT, AuditedAccount.ALICE, AuditedAccount.BOB, AuditedAccount.CAROL, AuditedAccount.DAVE,
            AuditedAccount.ERIN, AuditedAccount.BREAKGLASS_ADMIN,
            user(SCRIPT_USER).password("2024-05-30T09:00:00+00:00", "2024-05-01T00:00:00+00:00").toString(),
            user(QUOTE_USER).key(1, true, "2022-01-01T00:00:00+00:00", "2022-02-01T00:00:00+00:00").toString());
    static final List<String> USERS = List.of("root user", "alice", "bob", "carol", "dave", "erin", "breakglass-admin",
            SCRIPT_USER, QUOTE_USER);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path report;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void save() throws IOException {
        report = Files.writeString(dir.resolve("account.csv"), ACCOUNT);
    }

    Result run(String... args) {
        return harness.run(args);
    }

    Document page(String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "--input", report.toString(), "--as-of", "2024-06-01"));
        args.addAll(List.of(extra));
        Result result = run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return Jsoup.parse(result.out());
    }

    JsonNode audit(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01",
                "--format", "json", "--fail-on", "none"));
        args.addAll(List.of(extra));
        Result result = run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.out());
    }

    static JsonNode data(Document page) throws IOException {
        Element block = page.getElementById("credreport-data");
        assertEquals("application/json", block.attr("type"));
        return JSON.readTree(block.data());
    }

    static Map<String, Integer> findingsByRule(JsonNode audit) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode finding : audit.path("findings")) {
            counts.merge(finding.path("rule_id").asText(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void should_list_every_user_exactly_once_in_the_user_table() {
        Document page = page();

        List<String> names = page.select("table.users tbody tr").stream().map(row -> row.child(0).text()).toList();
        assertEquals(USERS, names);
        assertEquals(1, page.select("table.users").size());
        assertEquals(13, page.select("table.users thead th").size());
        // Without scripts (mail, print) every row is shown; only the script's tools wait hidden.
        assertTrue(page.select("table.users tr[hidden], table.users [hidden]").isEmpty());
        assertTrue(page.selectFirst("div.tools").hasAttr("hidden"));
    }

    @Test
    void should_escape_every_name_from_the_report() {
        Result result = run("report", "--input", report.toString(), "--as-of", "2024-06-01");
        Document page = Jsoup.parse(result.out());

        assertFalse(result.out().contains(SCRIPT_USER), "the crafted name appears unescaped");
        assertFalse(result.out().contains("<img"), "the crafted name made an element");
        assertEquals(2, page.select("script").size(), "only the page's JSON block and its own script");
        assertTrue(page.select("img, iframe, object, embed").isEmpty());
        // The names are there as text, intact, in the table and in the recommendations.
        assertEquals(SCRIPT_USER, page.select("table.users tbody tr").get(7).child(0).text());
        assertEquals(QUOTE_USER, page.select("table.users tbody tr").get(8).child(0).text());
        assertTrue(page.select("article.rec td").stream().anyMatch(cell -> cell.text().equals(SCRIPT_USER)));
        assertFalse(page.getElementById("credreport-data").data().contains("</script"));
    }

    @Test
    void should_load_nothing_from_anywhere() {
        Document page = page();

        assertTrue(page.select("link, img, iframe, object, embed, audio, video, source, base").isEmpty());
        assertTrue(page.select("[src]").isEmpty(), () -> page.select("[src]").toString());
        for (Element link : page.select("[href]")) {
            assertTrue(link.tagName().equals("a") && (link.attr("href").startsWith("#")
                    || link.attr("href").startsWith("https://docs.aws.amazon.com/")), link::toString);
        }
        assertFalse(page.select("style").html().contains("url("), "a style that loads something");
        assertFalse(page.select("style").html().contains("@import"));
        String policy = page.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
        assertFalse(policy.contains("unsafe"), policy);
    }

    @Test
    void should_show_the_same_findings_as_audit() throws IOException {
        Document page = page();
        JsonNode audit = audit();
        JsonNode data = data(page);

        JsonNode counts = audit.path("audit").path("counts");
        assertEquals(counts, data.path("findings_by_severity"));
        assertEquals(counts, data.path("accounts").get(0).path("findings_by_severity"));
        Map<String, Integer> byRule = findingsByRule(audit);
        Map<String, Integer> onPage = new HashMap<>();
        data.path("accounts").get(0).path("findings_by_rule").fields().forEachRemaining(e -> onPage.put(e.getKey(), e.getValue().asInt()));
        assertEquals(byRule, onPage);
        // One recommendation per rule that found something, worst first, each listing whom it concerns.
        List<Element> recommendations = page.select("article.rec");
        assertEquals(byRule.size(), recommendations.size());
        List<String> severities = recommendations.stream().map(rec -> rec.selectFirst(".badge").text()).toList();
        List<String> sorted = new ArrayList<>(severities);
        List<String> order = List.of("critical", "high", "medium", "low", "info");
        sorted.sort((a, b) -> order.indexOf(a) - order.indexOf(b));
        assertEquals(sorted, severities);
        int listed = 0;
        for (Element recommendation : recommendations) {
            listed += recommendation.select("table.affected tbody tr").size();
        }
        assertEquals(audit.path("findings").size(), listed);
        // Each user's findings column adds up to the findings about users (not those about the account).
        // Each says why in words, linking to its recommendation.
        int perUser = page.select("table.users tbody tr").stream().mapToInt(row -> row.child(12).select("a.reason").size()).sum();
        for (Element reason : page.select("table.users a.reason")) {
            assertTrue(page.getElementById(reason.attr("href").substring(1)) != null, reason::toString);
        }
        int aboutUsers = 0;
        for (JsonNode finding : audit.path("findings")) {
            aboutUsers += finding.path("line").isNumber() ? 1 : 0;
        }
        assertTrue(aboutUsers < audit.path("findings").size(), "the account has an account finding too");
        assertEquals(aboutUsers, perUser);
    }

    @Test
    void should_give_figures_at_a_glance_that_match_the_report_and_audit() throws IOException {
        JsonNode glance = data(page()).path("at_a_glance");
        Map<String, Integer> byRule = findingsByRule(audit());

        assertEquals(USERS.size() - 1, glance.path("users").asInt());
        assertEquals(6, glance.path("console_users").asInt()); // alice bob dave erin breakglass-admin <script>
        assertEquals(byRule.get("console-without-mfa"), glance.path("console_users_without_mfa").asInt());
        assertEquals(5, glance.path("active_access_keys").asInt()); // alice 1, carol 2, dave 1, the quoted name 1
        assertEquals(byRule.get("access-key-not-rotated"), glance.path("old_active_access_keys").asInt());
        assertEquals(byRule.get("credentials-unused"), glance.path("unused_credentials").asInt());
        JsonNode root = data(page()).path("accounts").get(0).path("at_a_glance").path("root");
        assertTrue(root.path("mfa_active").asBoolean());
        assertEquals(0, root.path("active_access_keys").asInt());
    }

    @Test
    void should_count_the_figures_at_a_glance_once_from_audit_s_findings_under_the_rule_options() throws IOException {
        // An ignored user's old key is no finding of audit, so it is not one on the page either;
        // a rule left out judged nothing, so its figure is not shown as a 0.
        String[] options = {"--skip-rules", "credentials-unused", "--ignore-users", "carol", "--rotation-days", "30"};
        Document page = page(options);
        JsonNode glance = data(page).path("accounts").get(0).path("at_a_glance");
        Map<String, Integer> byRule = findingsByRule(audit(options));

        assertEquals(byRule.getOrDefault("access-key-not-rotated", 0), glance.path("old_active_access_keys").asInt());
        assertTrue(glance.path("unused_credentials").isNull(), glance::toString);
        assertTrue(data(page).path("at_a_glance").path("unused_credentials").isNull());
        assertTrue(page.select(".glance .card span").stream().noneMatch(card -> card.text().contains("unused for")),
                page.select(".glance").text());
        assertTrue(page.select(".glance .card span").stream().anyMatch(card -> card.text().contains("older than 30 days")),
                page.select(".glance").text());
    }

    @Test
    void should_apply_the_rule_options_as_audit_does() throws IOException {
        String[] options = {"--skip-rules", "credentials-unused", "--ignore-users", "b*", "--rotation-days", "30"};
        JsonNode data = data(page(options));
        JsonNode audit = audit(options);

        assertEquals(audit.path("audit").path("counts"), data.path("findings_by_severity"));
        assertFalse(data.path("accounts").get(0).path("findings_by_rule").has("credentials-unused"));
        assertEquals(audit.path("audit").path("ignored_count").asInt(), data.path("accounts").get(0).path("ignored_count").asInt());
    }

    @Test
    void should_show_the_controls_of_the_cis_version_asked_for_as_audit_does() throws IOException {
        Result audit = run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--format", "csv",
                "--fail-on", "none", "--cis-version", "1.2", "--rules", "console-without-mfa");
        String auditControls = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(audit.out())).getRecords().get(0).get("controls");

        Document page = page("--cis-version", "1.2", "--rules", "console-without-mfa");

        String shown = page.selectFirst("article.rec .controls").text();
        assertTrue(auditControls.startsWith("CIS 1.2.0 "), auditControls);
        assertTrue(shown.startsWith("Controls: " + auditControls.replace("; ", ", ") + " \u00b7"), shown + " vs " + auditControls);
        assertEquals(2, run("report", "--input", report.toString(), "--cis-version", "9.9").exitCode());
    }

    @Test
    void should_draw_the_pictures_as_inline_svg_with_a_text_alternative() {
        Document page = page();

        List<Element> charts = page.select("figure.chart svg");
        assertEquals(3, charts.size());
        for (Element chart : charts) {
            assertEquals("img", chart.attr("role"));
            Element title = chart.selectFirst("title");
            assertEquals(title.id(), chart.attr("aria-labelledby"));
            assertFalse(title.text().isBlank());
        }
        // alice and erin have MFA; bob, breakglass-admin and <script> do not; dave has it.
        assertTrue(page.select("figure.chart title").get(2).text().contains("with MFA 3; without MFA 3"),
                page.select("figure.chart title").get(2)::text);
    }

    @Test
    void should_add_trends_from_saved_reports_oldest_first_and_name_a_bad_one() throws IOException {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        for (Path sample : List.of(Path.of("src/sample/credential-report-123456789012-20261120T061502Z.csv"),
                Path.of("src/sample/credential-report-123456789012-20261121T061502Z.csv"))) {
            Files.copy(sample, saved.resolve(sample.getFileName()));
        }
        Files.writeString(saved.resolve("credential-report-123456789012-20261119T061502Z.csv"), "not,a,report\n1,2,3\n");
        Files.writeString(saved.resolve("credential-report-210987654321-20261119T061502Z.csv"), SampleReports.report());

        Result result = run("report", "--input", saved.resolve("credential-report-123456789012-20261121T061502Z.csv").toString(),
                "--history", saved.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.err().contains("credreport: skipped saved report " + saved.resolve("credential-report-123456789012-20261119T061502Z.csv")
                + ": "), result::toString);
        JsonNode history = data(Jsoup.parse(result.out())).path("accounts").get(0).path("history");
        assertEquals(2, history.size(), history::toString);
        assertEquals("2026-11-20T06:15:02Z", history.get(0).path("generated_time").asText());
        assertEquals("2026-11-21T06:15:02Z", history.get(1).path("generated_time").asText());
        assertEquals(7, history.get(1).path("users").asInt());
        assertEquals(2, history.get(1).path("console_users_without_mfa").asInt());
        assertEquals(1, history.get(0).path("console_users_without_mfa").asInt());
        Document page = Jsoup.parse(result.out());
        assertEquals(2, page.select("figure.chart.wide").size());
        assertEquals(2, page.select("figure.chart.wide").get(0).select("table.figures tbody tr").size());
        assertEquals(3, page.select("figure.chart.wide").get(0).select("polyline").size());
    }

    @Test
    void should_refuse_a_history_that_holds_no_saved_report_before_any_aws_call_with_exit_2() throws IOException {
        dev.credreport.support.FakeIam iam = dev.credreport.support.FakeIam.start();
        Path file = Files.writeString(dir.resolve("saved.csv"), ACCOUNT);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String what = "; give the directory or s3://BUCKET/PREFIX that 'fetch --output-dir' saves reports into";
        try (iam) {
            for (Map.Entry<Path, String> mistake : Map.of(dir.resolve("missing"), "no such directory",
                    file, "it is a file, not a directory of saved reports (a saved report itself goes to --input)",
                    empty, "no saved report in this directory").entrySet()) {
                Result result = run("report", "--endpoint-url", iam.endpoint().toString(), "--history", mistake.getKey().toString(),
                        "-o", dir.resolve("iam.html").toString());

                assertEquals(2, result.exitCode(), result::toString);
                assertEquals("credreport: --history '" + mistake.getKey() + "': " + mistake.getValue() + what + "\n", result.err());
            }
            assertEquals(List.of(), iam.actions(), "no AWS call before the mistake is found");
        }
        assertFalse(Files.exists(dir.resolve("iam.html")));
    }

    @Test
    void should_refuse_a_terminal_without_o_and_write_html_to_a_pipe() {
        Result terminal = new CommandHarness().terminal(true, true, 80).run("report", "--input", report.toString());
        assertEquals(2, terminal.exitCode(), terminal::toString);
        assertEquals("", terminal.out());
        // One line saying what to do, then the usual pointer to --help of every usage error.
        assertTrue(terminal.err().lines().findFirst().orElseThrow().contains("write it to a file with -o FILE"), terminal::toString);

        Result pipe = run("report", "--input", report.toString());
        assertEquals(0, pipe.exitCode(), pipe::toString);
        assertTrue(pipe.out().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void should_write_the_file_privately_and_nothing_on_failure() throws IOException {
        Path page = dir.resolve("iam.html");
        Result written = run("report", "--input", report.toString(), "-o", page.toString());
        assertEquals(0, written.exitCode(), written::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        assertEquals("", written.out());

        Path broken = Files.writeString(dir.resolve("broken.csv"), "user,arn\n");
        Result failed = run("report", "--input", broken.toString(), "-o", page.toString());
        assertEquals(7, failed.exitCode(), failed::toString);
        assertTrue(Files.readString(page).contains("alice"), "the previous page is left as it was");
        Path none = dir.resolve("none.html");
        assertEquals(7, run("report", "--input", broken.toString(), "-o", none.toString()).exitCode());
        assertFalse(Files.exists(none));
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("account.csv", "broken.csv", "iam.html"),
                    Set.copyOf(files.map(file -> file.getFileName().toString()).toList()));
        }
    }

    @Test
    void should_refuse_more_users_than_a_page_can_hold_with_a_hint() throws IOException {
        StringBuilder big = new StringBuilder(SampleReports.HEADER).append('\n');
        for (int i = 0; i <= 50_000; i++) {
            big.append("user").append(i).append(",arn:aws:iam::123456789012:user/user").append(i)
                    .append(",2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        }
        Path large = Files.writeString(dir.resolve("large.csv"), big);
        Path page = dir.resolve("large.html");

        Result result = run("report", "--input", large.toString(), "-o", page.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("at most 50,000 users") && result.err().contains("--accounts"), result::toString);
        assertFalse(Files.exists(page));
    }

    @Test
    void should_make_one_page_of_many_accounts_with_a_summary_first() throws IOException {
        List<String> accounts = FakeOrganization.accounts(3);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100)) {
            organization.refuseRole(accounts.get(1));
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("report", "--accounts", String.join(",", accounts), "-q");

            assertEquals(9, result.exitCode(), result::toString);
            Document page = Jsoup.parse(result.out());
            List<Element> summary = page.select("section.summary table.accounts tbody tr");
            assertEquals(3, summary.size());
            assertTrue(summary.get(2).hasClass("failed") && summary.get(2).text().contains(accounts.get(1)), summary::toString);
            assertEquals(List.of("account-" + accounts.get(0), "account-" + accounts.get(2)),
                    page.select("section.account").stream().map(Element::id).toList());
            // The summary comes before the accounts' sections, and the user tables are collapsed.
            assertTrue(page.select("main > section").get(0).hasClass("summary"));
            assertEquals(2, page.select("details.users-box table.users").size());
            JsonNode data = data(page);
            assertEquals(2, data.path("accounts").size());
            assertEquals(accounts.get(1), data.path("failed_accounts").get(0).path("account_id").asText());
        }
    }

    @Test
    void should_name_the_accounts_of_an_organization_and_rank_them_worst_first() throws IOException {
        List<String> accounts = FakeOrganization.accounts(2);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100)) {
            // One more user without MFA makes the second account the worst: it goes first.
            organization.name(accounts.get(0), "Production <eu>").extraRow(accounts.get(1),
                    dev.credreport.support.SampleReports.CAROL.replace("carol", "carol2"));
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("report", "--org", "-q");

            assertEquals(0, result.exitCode(), result::toString);
            Document page = Jsoup.parse(result.out());
            assertTrue(page.select("table.accounts tbody tr").stream().anyMatch(row -> row.text().contains(accounts.get(0) + " Production <eu>")),
                    page.select("table.accounts").text());
            String heading = page.getElementById("account-" + accounts.get(0)).select("summary h2").text();
            assertEquals("Account " + accounts.get(0) + " (Production <eu>)", heading);
            JsonNode data = data(page);
            assertEquals(accounts.get(1), data.path("accounts").get(0).path("account_id").asText(), data::toString);
            long previous = Long.MAX_VALUE;
            for (JsonNode account : data.path("accounts")) {
                long weight = 0;
                for (String severity : List.of("critical", "high", "medium", "low", "info")) {
                    weight = weight * 100_000 + account.path("findings_by_severity").path(severity).asLong();
                }
                assertTrue(weight <= previous, "accounts not ranked worst first: " + data);
                previous = weight;
            }
            boolean named = false;
            for (JsonNode account : data.path("accounts")) {
                named |= account.path("account_id").asText().equals(accounts.get(0))
                        && account.path("account_name").asText().equals("Production <eu>");
            }
            assertTrue(named, data::toString);
        }
    }

    @Test
    void should_make_a_page_of_two_hundred_accounts_of_an_organization() throws IOException {
        List<String> accounts = FakeOrganization.accounts(200);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 20)) {
            Path page = dir.resolve("org.html");
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("report", "--org", "--concurrency", "16", "-o", page.toString(), "-q");

            assertEquals(0, result.exitCode(), result::toString);
            Document html = Jsoup.parse(Files.readString(page));
            assertEquals(201, html.select("section.account").size());
            assertEquals(201, html.select("section.summary table.accounts tbody tr").size());
            assertEquals(201, data(html).path("accounts").size());
            System.out.println("[figures] 201-account page: " + Files.size(page) + " bytes");
        }
    }
}

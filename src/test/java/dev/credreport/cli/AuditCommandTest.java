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
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** audit from the command line on the report of a realistic account. */
class AuditCommandTest {
    /** A small account as of 2024-06-01, with something for most rules to find. */
    static final String ACCOUNT = SampleReports.report(
            AuditedAccount.ROOT, AuditedAccount.ALICE, AuditedAccount.BOB, AuditedAccount.CAROL, AuditedAccount.DAVE,
            AuditedAccount.ERIN, AuditedAccount.BREAKGLASS_ADMIN,
            user("=HYPERLINK(\"http://x\")").password("2024-05-30T09:00:00+00:00", "2024-05-01T00:00:00+00:00").toString());

    @TempDir
    Path dir;

    Path report;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void save() throws IOException {
        report = Files.writeString(dir.resolve("account.csv"), ACCOUNT);
    }

    Result audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01"));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    static List<String> findings(Result result) {
        List<String> findings = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(result.out()))) {
                findings.add(record.get("severity") + " " + record.get("rule_id") + " " + record.get("user"));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return findings;
    }

    @Test
    void should_find_exactly_what_is_wrong_with_the_account() {
        Result result = audit("--format", "csv");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(List.of(
                "high root-recently-used <root_account>",
                "high console-without-mfa bob",
                "high console-without-mfa breakglass-admin",
                "high console-without-mfa '=HYPERLINK(\"http://x\")",
                "medium access-key-not-rotated carol",
                "medium multiple-active-access-keys carol",
                "medium credentials-unused dave",
                "medium credentials-unused dave",
                "medium access-key-not-rotated dave",
                "medium access-key-created-at-setup dave",
                "low password-past-rotation erin",
                "low signing-certificate-not-rotated erin",
                "info iam-users-instead-of-identity-center (account)"), findings(result));
    }

    @ParameterizedTest
    @CsvSource({"critical, 0", "high, 3", "medium, 3", "low, 3", "info, 3", "none, 0", "HIGH, 3"})
    void should_exit_by_fail_on(String failOn, int exitCode) {
        assertEquals(exitCode, audit("--format", "csv", "--fail-on", failOn).exitCode());
    }

    @Test
    void should_exit_0_below_fail_on_and_list_each_ignored_user() {
        Result result = audit("--format", "table", "--skip-rules", "root-recently-used", "--ignore-users", "breakglass-*",
                "--ignore-users", "bob", "--ignore-users", "=HYPER*");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().endsWith("\n5 users checked, 9 findings: 0 critical, 0 high, 6 medium, 2 low, 1 info; ignored 3 users: "
                + "bob (--ignore-users 'bob'), breakglass-admin (--ignore-users 'breakglass-*'), "
                + "=HYPERLINK(\"http://x\") (--ignore-users '=HYPER*')\n"), result.out());
        assertFalse(result.out().contains("HIGH"), result.out());
    }

    @Test
    void should_group_the_table_by_severity_worst_first() {
        Result result = audit("--format", "table", "--rules", "console-without-mfa,password-past-rotation,multiple-active-access-keys");

        String out = result.out();
        assertTrue(out.startsWith("Audit of account 123456789012, report from " + report + ", ages as of 2024-06-01 00:00 UTC (--as-of; the report does not say when it was generated)\n"), out);
        assertTrue(out.indexOf("\nHIGH (3)\n") < out.indexOf("\nMEDIUM (1)\n"), out);
        assertTrue(out.indexOf("\nMEDIUM (1)\n") < out.indexOf("\nLOW (1)\n"), out);
        assertTrue(out.contains("  console-without-mfa: Console password without MFA\n"
                + "    user:     bob  arn:aws:iam::123456789012:user/bob\n"
                + "    evidence: password_enabled is true (last used 2024-05-25 (6d ago)), mfa_active is false\n"
                + "    fix:      Assign an MFA device to the user, or remove the console password if the user does not need it.\n"
                + "    controls: CIS 7.0.0 2.10, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access\n"), out);
    }

    @Test
    void should_say_so_when_nothing_is_found() {
        Result result = audit("--format", "table", "--rules", "root-no-mfa");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\nNo findings.\n\n8 users checked, 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info\n"),
                result.out());
    }

    @Test
    void should_write_json_with_every_field_of_a_finding() throws Exception {
        Result result = audit("--format", "json", "--fail-on", "none");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("123456789012", json.at("/audit/account_id").asText());
        assertEquals("2024-06-01T00:00:00Z", json.at("/audit/as_of").asText());
        assertEquals(45, json.at("/audit/thresholds/unused_days").asInt());
        assertEquals(8, json.at("/audit/users_checked").asInt());
        assertEquals(4, json.at("/audit/counts/high").asInt());
        assertEquals(12, json.at("/audit/rules").size());
        assertEquals("7.0.0", json.at("/audit/cis_version").asText());
        assertFalse(json.at("/audit/root_without_credentials").asBoolean(), json::toString);
        JsonNode first = json.at("/findings/0");
        assertEquals("root-recently-used", first.get("rule_id").asText());
        assertEquals("high", first.get("severity").asText());
        assertEquals("<root_account>", first.get("user").asText());
        assertEquals("arn:aws:iam::123456789012:root", first.get("arn").asText());
        assertEquals(2, first.get("line").asInt());
        assertEquals("last used by the password on 2024-05-20 (11d ago) (threshold 90d)", first.get("evidence").asText());
        assertTrue(first.get("remediation").asText().startsWith("Do daily work"));
        assertEquals("{\"standard\":\"CIS AWS Foundations Benchmark\",\"version\":\"1.2.0\",\"id\":\"1.1\"}",
                first.at("/controls/0").toString());
        JsonNode advice = json.at("/findings/12");
        assertEquals("iam-users-instead-of-identity-center", advice.get("rule_id").asText());
        assertEquals("info", advice.get("severity").asText());
        assertEquals("(account)", advice.get("user").asText());
        assertEquals("arn:aws:iam::123456789012:root", advice.get("arn").asText());
        assertTrue(advice.get("line").isNull(), advice::toString);
        assertEquals("7 IAM users have long-term credentials: 6 with a console password, 3 with an active access key",
                advice.get("evidence").asText());
    }

    @Test
    void should_write_sarif_with_the_required_fields() throws Exception {
        Result result = audit("--format", "sarif");

        assertEquals(3, result.exitCode(), result::toString);
        JsonNode sarif = new ObjectMapper().readTree(result.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertTrue(sarif.get("$schema").asText().contains("sarif-2.1.0"));
        assertEquals(1, sarif.get("runs").size());
        JsonNode run = sarif.at("/runs/0");
        assertEquals("credreport", run.at("/tool/driver/name").asText());
        assertEquals(12, run.at("/tool/driver/rules").size());
        JsonNode results = run.get("results");
        assertEquals(13, results.size());
        for (JsonNode finding : results) {
            assertTrue(finding.get("ruleId").isTextual(), finding::toString);
            assertTrue(List.of("error", "warning", "note").contains(finding.get("level").asText()), finding::toString);
            assertFalse(finding.at("/message/text").asText().isEmpty(), finding::toString);
            assertTrue(finding.get("locations").size() >= 1, finding::toString);
            JsonNode location = finding.at("/locations/0");
            assertEquals(report.toString(), location.at("/physicalLocation/artifactLocation/uri").asText());
            boolean aboutAccount = finding.get("ruleId").asText().equals("iam-users-instead-of-identity-center");
            assertEquals(!aboutAccount, location.at("/physicalLocation/region/startLine").asInt() >= 2, finding::toString);
            String rule = finding.get("ruleId").asText();
            assertEquals(rule, run.at("/tool/driver/rules/" + finding.get("ruleIndex").asInt() + "/id").asText());
        }
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals("bob", results.get(1).at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("note", results.get(11).get("level").asText());
        assertEquals("note", results.get(12).get("level").asText());
        assertEquals("account", results.get(12).at("/locations/0/logicalLocations/0/kind").asText());
        JsonNode rootMfa = run.at("/tool/driver/rules/1");
        assertEquals("root-no-mfa", rootMfa.get("id").asText());
        assertTrue(rootMfa.at("/properties/tags").toString().contains("\"CIS 5.0.0 1.4\""), rootMfa::toString);
        assertEquals("{\"standard\":\"AWS Security Hub\",\"id\":\"IAM.9\"}", rootMfa.at("/properties/controls/9").toString());
    }

    @Test
    void should_guard_csv_cells_against_spreadsheet_formulas() {
        Result result = audit("--format", "csv", "--rules", "console-without-mfa");

        assertTrue(result.out().contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), result.out());
        assertFalse(result.out().contains(",=HYPERLINK"), result.out());
    }

    @Test
    void should_describe_every_option_in_help() {
        Result result = harness.run("audit", "--help");

        assertEquals(0, result.exitCode(), result::toString);
        for (String option : List.of("--input", "--max-wait", "--no-generate", "--list-rules", "--cis-version", "--fail-on", "--rules",
                "--skip-rules", "--ignore-users", "--root-use-days", "--unused-days", "--rotation-days", "--as-of", "--format",
                "--output", "--profile", "--region", "--endpoint-url", "--ca-bundle", "--debug", "--quiet")) {
            assertTrue(result.out().contains(option), option + " in\n" + result.out());
        }
        assertTrue(harness.run("--help").out().contains("audit"));
    }

    @Test
    void should_write_no_formula_guard_before_its_own_dash_in_the_rule_list_csv() {
        Result result = harness.run("audit", "--list-rules", "--format", "csv");

        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.out().contains(",'-,"), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("root-signing-certificate-active,medium,-,")), result.out());
    }

    @Test
    void should_refuse_list_rules_in_a_format_for_findings_only() {
        for (String format : List.of("sarif", "asff")) {
            Result result = harness.run("audit", "--list-rules", "--format", format);

            assertEquals(2, result.exitCode(), result::toString);
            assertEquals("credreport: --list-rules prints table, json or csv, not " + format + "\n", result.err());
            assertEquals("", result.out());
        }
    }

    @Test
    void should_list_the_rules_without_fetching_anything() {
        Result result = harness.terminal(true, true, 400).run("audit", "--list-rules");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertEquals(16, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("ID "), lines.get(0));
        String unused = lines.stream().filter(line -> line.startsWith("credentials-unused ")).findFirst().orElseThrow();
        assertTrue(unused.contains("medium") && unused.contains("(default 45)")
                && unused.contains("CIS 7.0.0 2.11, Security Hub IAM.22, Security Hub IAM.8 (90 days)"), unused);
        String twoKeys = lines.stream().filter(line -> line.startsWith("multiple-active-access-keys ")).findFirst().orElseThrow();
        assertTrue(twoKeys.contains(" none in CIS 7.0.0 "), twoKeys);
        String certificate = lines.stream().filter(line -> line.startsWith("root-signing-certificate-active ")).findFirst().orElseThrow();
        assertTrue(certificate.matches("root-signing-certificate-active +medium +- +- +Root user has an active signing certificate"),
                certificate);
        assertTrue(result.out().contains("\nNot covered: Root user has a hardware MFA device (CIS 7.0.0 2.6, Security Hub IAM.6, "
                + "Config root-account-hardware-mfa-enabled): the report says whether root has MFA, not which kind"), result.out());
    }

    @Test
    void should_refuse_an_unknown_rule_id_before_calling_aws() {
        try (FakeIam iam = FakeIam.start()) {
            Result result = harness.run("audit", "--endpoint-url", iam.endpoint().toString(), "--rules", "root-mfa");

            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("credreport: no rule has the id 'root-mfa'; the rules are: "), result.err());
            assertEquals(0, iam.requests().size());
        }
    }

    @Test
    void should_refuse_a_bad_as_of_and_bad_thresholds() {
        assertEquals(2, harness.run("audit", "--input", report.toString(), "--as-of", "yesterday").exitCode());
        assertEquals(2, harness.run("audit", "--input", report.toString(), "--unused-days", "0").exitCode());
        assertEquals(2, harness.run("audit", "--input", report.toString(), "--fail-on", "urgent").exitCode());
    }

    @Test
    void should_never_give_a_clean_audit_of_an_unreadable_report() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), ACCOUNT.replace("2024-05-25T09:00:00+00:00", "soon"));

        Result result = harness.run("audit", "--input", broken.toString(), "--fail-on", "none", "--format", "csv");

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void should_keep_the_exit_code_of_a_failed_fetch() {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(FakeIam.error(403, "AccessDenied", "not authorized"));

            Result result = harness.run("audit", "--endpoint-url", iam.endpoint().toString(), "--fail-on", "none");

            assertEquals(4, result.exitCode(), result::toString);
            assertEquals("", result.out());
        }
    }

    @Test
    void should_count_ages_to_the_reports_generated_time_when_fetched() {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(FakeIam.state("COMPLETE"))
                    .onGet(FakeIam.report(ACCOUNT, java.time.Instant.parse("2024-06-01T00:00:00Z")));

            Result fetched = harness.run("audit", "--endpoint-url", iam.endpoint().toString(), "--format", "csv", "-q");

            assertEquals(3, fetched.exitCode(), fetched::toString);
            assertEquals(findings(audit("--format", "csv")), findings(fetched));
        }
    }
}

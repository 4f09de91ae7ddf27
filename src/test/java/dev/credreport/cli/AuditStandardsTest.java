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
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * audit from the command line against today's AWS and every CIS benchmark version: root users
 * without credentials, the controls of each rule, --cis-version, the info rule and --list-rules formats.
 */
class AuditStandardsTest {
    /**
     * Every rule's controls, written out by hand from the benchmark texts and the Security Hub and
     * Config documentation (see ControlTable for the sources), so that a slip in the table shows here.
     */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("root-access-key-active", "CIS 1.2.0 1.12, CIS 1.4.0 1.4, CIS 1.5.0 1.4, CIS 2.0.0 1.4, CIS 3.0.0 1.4, "
                + "CIS 4.0.1 1.4, CIS 5.0.0 1.3, CIS 6.0.0 2.3, CIS 7.0.0 2.4, Security Hub IAM.4, Config iam-root-access-key-check");
        EXPECTED.put("root-no-mfa", "CIS 1.2.0 1.13, CIS 1.4.0 1.5, CIS 1.5.0 1.5, CIS 2.0.0 1.5, CIS 3.0.0 1.5, "
                + "CIS 4.0.1 1.5, CIS 5.0.0 1.4, CIS 6.0.0 2.4, CIS 7.0.0 2.5, Security Hub IAM.9, Config root-account-mfa-enabled");
        EXPECTED.put("root-recently-used", "CIS 1.2.0 1.1, CIS 1.4.0 1.7, CIS 1.5.0 1.7, CIS 2.0.0 1.7, CIS 3.0.0 1.7, "
                + "CIS 4.0.1 1.7, CIS 5.0.0 1.6, CIS 6.0.0 2.6, CIS 7.0.0 2.7");
        EXPECTED.put("root-signing-certificate-active", "");
        EXPECTED.put("console-without-mfa", "CIS 1.2.0 1.2, CIS 1.4.0 1.10, CIS 1.5.0 1.10, CIS 2.0.0 1.10, CIS 3.0.0 1.10, "
                + "CIS 4.0.1 1.10, CIS 5.0.0 1.9, CIS 6.0.0 2.9, CIS 7.0.0 2.10, Security Hub IAM.5, "
                + "Config mfa-enabled-for-iam-console-access");
        EXPECTED.put("credentials-unused", "CIS 1.2.0 1.3 (90 days), CIS 1.4.0 1.12, CIS 1.5.0 1.12, CIS 2.0.0 1.12, "
                + "CIS 3.0.0 1.12, CIS 4.0.1 1.12, CIS 5.0.0 1.11, CIS 6.0.0 2.11, CIS 7.0.0 2.11, Security Hub IAM.22, "
                + "Security Hub IAM.8 (90 days), Config iam-user-unused-credentials-check");
        EXPECTED.put("access-key-not-rotated", "CIS 1.2.0 1.4, CIS 1.4.0 1.14, CIS 1.5.0 1.14, CIS 2.0.0 1.14, CIS 3.0.0 1.14, "
                + "CIS 4.0.1 1.14, CIS 5.0.0 1.13, CIS 6.0.0 2.13, CIS 7.0.0 2.12, Security Hub IAM.3, Config access-keys-rotated");
        EXPECTED.put("multiple-active-access-keys", "CIS 1.4.0 1.13, CIS 1.5.0 1.13, CIS 2.0.0 1.13, CIS 3.0.0 1.13, "
                + "CIS 4.0.1 1.13, CIS 5.0.0 1.12, CIS 6.0.0 2.12");
        EXPECTED.put("access-key-created-at-setup", "CIS 1.2.0 1.21, CIS 1.4.0 1.11, CIS 1.5.0 1.11, CIS 2.0.0 1.11, "
                + "CIS 3.0.0 1.11, CIS 4.0.1 1.11, CIS 5.0.0 1.10, CIS 6.0.0 2.10");
        EXPECTED.put("password-past-rotation", "");
        EXPECTED.put("signing-certificate-not-rotated", "");
        EXPECTED.put("iam-users-instead-of-identity-center", "CIS 1.4.0 1.21, CIS 1.5.0 1.21, CIS 2.0.0 1.21, CIS 3.0.0 1.21, "
                + "CIS 4.0.1 1.21, CIS 5.0.0 1.20, CIS 6.0.0 2.20, CIS 7.0.0 2.19");
    }

    /** A report as of 2024-06-01 on which every rule fires at least once. */
    static final String EVERY_RULE = SampleReports.report(
            root().mfa(false).set("password_last_used", "2024-05-20T08:00:00+00:00")
                    .key(1, true, "2023-01-01T00:00:00+00:00", "N/A").certificate(1, true, "2023-01-01T00:00:00+00:00").toString(),
            AuditedAccount.BOB, AuditedAccount.CAROL, AuditedAccount.DAVE, AuditedAccount.ERIN);

    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Result audit(String report, String... extra) {
        try {
            Path file = Files.writeString(Files.createTempFile(dir, "report", ".csv"), report);
            List<String> args = new ArrayList<>(List.of("audit", "--input", file.toString(), "--as-of", "2024-06-01"));
            args.addAll(List.of(extra));
            return harness.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(Result result) {
        try {
            return new ObjectMapper().readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError(result.toString(), e);
        }
    }

    /** A JSON control written back as a short label, checking the standard names on the way. */
    static String label(JsonNode control) {
        String standard = control.get("standard").asText();
        String note = control.has("note") ? " (" + control.get("note").asText() + ")" : "";
        switch (standard) {
            case "CIS AWS Foundations Benchmark":
                return "CIS " + control.get("version").asText() + " " + control.get("id").asText() + note;
            case "AWS Security Hub":
                assertFalse(control.has("version"), control::toString);
                return "Security Hub " + control.get("id").asText() + note;
            case "AWS Config":
                assertFalse(control.has("version"), control::toString);
                return "Config " + control.get("id").asText() + note;
            default:
                throw new AssertionError("unknown standard in " + control);
        }
    }

    static String labels(JsonNode controls) {
        List<String> labels = new ArrayList<>();
        controls.forEach(control -> labels.add(label(control)));
        return String.join(", ", labels);
    }

    // --- 1. root users without credentials -------------------------------------------------------

    static ReportRow rootRow(String passwordEnabled, String credential) {
        ReportRow root = root().mfa(false).set("password_enabled", passwordEnabled);
        switch (credential) {
            case "key":
                return root.key(2, true, "2023-01-01T00:00:00+00:00", "N/A");
            case "inactive-key":
                return root.key(1, false, "2023-01-01T00:00:00+00:00", "N/A");
            case "certificate":
                return root.certificate(1, true, "2023-01-01T00:00:00+00:00");
            default:
                return root;
        }
    }

    @ParameterizedTest(name = "password_enabled {0}, {1}: root-no-mfa fires {2}")
    @CsvSource({
        "false, none, false",
        "FALSE, inactive-key, false",
        "false, key, true",
        "false, certificate, true",
        "not_supported, none, true",
        "not_supported, key, true",
        "true, none, true",
        "true, certificate, true"})
    void should_not_fault_a_root_user_without_credentials(String passwordEnabled, String credential, boolean fires) {
        String report = SampleReports.report(rootRow(passwordEnabled, credential).toString(), user("alice").toString());

        Result result = audit(report, "--format", "json", "--rules", "root-no-mfa");

        assertEquals(fires ? 3 : 0, result.exitCode(), result::toString);
        JsonNode json = json(result);
        assertEquals(fires ? 1 : 0, json.at("/audit/counts/critical").asInt(), result::toString);
        assertEquals(!fires, json.at("/audit/root_without_credentials").asBoolean(), result::toString);
    }

    @Test
    void should_say_in_the_summary_that_the_root_user_has_no_credentials() {
        String report = SampleReports.report(rootRow("false", "none").toString(), user("alice").toString());

        Result table = audit(report, "--format", "table");
        Result withMfaOff = audit(SampleReports.report(rootRow("not_supported", "none").toString()), "--format", "table");

        assertEquals(0, table.exitCode(), table::toString);
        assertTrue(table.out().endsWith("\n2 users checked, 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info; root user of "
                + "123456789012 has no credentials (no password, access key or signing certificate)\n"), table.out());
        assertEquals(3, withMfaOff.exitCode(), withMfaOff::toString);
        assertFalse(withMfaOff.out().contains("no credentials"), withMfaOff.out());
    }

    @Test
    void should_say_in_json_whether_the_root_user_of_the_account_has_no_credentials() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("a.csv"), SampleReports.report(rootRow("false", "none").toString()));
        Files.writeString(reports.resolve("b.csv"), SampleReports.report(rootRow("true", "none").toString()).replace("123456789012", "210987654321"));

        Result a = harness.run("audit", "--input", reports.resolve("a.csv").toString(), "--format", "json");
        Result b = harness.run("audit", "--input", reports.resolve("b.csv").toString(), "--format", "json");

        assertTrue(json(a).at("/audit/root_without_credentials").asBoolean(), a::toString);
        assertEquals("123456789012", json(a).at("/audit/account_id").asText());
        assertFalse(json(b).at("/audit/root_without_credentials").asBoolean(), b::toString);
        assertEquals(3, b.exitCode(), b::toString);
    }

    // --- 2. controls --------------------------------------------------------------------------

    @Test
    void should_list_every_rules_controls_for_every_version_in_json() {
        Result result = harness.run("audit", "--list-rules", "--format", "json");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = json(result);
        assertEquals("[\"1.2.0\",\"1.4.0\",\"1.5.0\",\"2.0.0\",\"3.0.0\",\"4.0.1\",\"5.0.0\",\"6.0.0\",\"7.0.0\"]",
                json.get("cis_versions").toString());
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode rule : json.get("rules")) {
            listed.put(rule.get("id").asText(), labels(rule.get("controls")));
        }
        assertEquals(EXPECTED, listed);
        JsonNode hardware = json.at("/not_covered/0");
        assertEquals("CIS 1.2.0 1.14, CIS 1.4.0 1.6, CIS 1.5.0 1.6, CIS 2.0.0 1.6, CIS 3.0.0 1.6, CIS 4.0.1 1.6, CIS 5.0.0 1.5, "
                + "CIS 6.0.0 2.5, CIS 7.0.0 2.6, Security Hub IAM.6, Config root-account-hardware-mfa-enabled",
                labels(hardware.get("controls")));
        assertTrue(hardware.get("reason").asText().contains("not which kind"), hardware::toString);
        assertEquals("info", json.at("/rules/11/severity").asText());
    }

    @Test
    void should_carry_every_control_of_every_rule_in_the_findings_json() {
        Result result = audit(EVERY_RULE, "--format", "json", "--cis-version", "1.2.0");

        assertEquals(3, result.exitCode(), result::toString);
        JsonNode json = json(result);
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonNode finding : json.get("findings")) {
            String controls = labels(finding.get("controls"));
            String before = found.put(finding.get("rule_id").asText(), controls);
            assertTrue(before == null || before.equals(controls), finding::toString);
        }
        assertEquals(EXPECTED.keySet(), found.keySet(), "every rule fires on this report");
        for (Map.Entry<String, String> rule : EXPECTED.entrySet()) {
            assertEquals(rule.getValue(), found.get(rule.getKey()), rule.getKey());
        }
        assertEquals("{\"standard\":\"AWS Security Hub\",\"id\":\"IAM.9\"}", json.at("/findings/1/controls/9").toString());
    }

    @Test
    void should_carry_every_control_in_sarif_rules() {
        Result result = audit(EVERY_RULE, "--format", "sarif", "--cis-version", "5.0.0");

        JsonNode rules = json(result).at("/runs/0/tool/driver/rules");
        assertEquals(EXPECTED.size(), rules.size());
        for (JsonNode rule : rules) {
            String expected = EXPECTED.get(rule.get("id").asText());
            assertEquals(expected, labels(rule.at("/properties/controls")), rule::toString);
            List<String> tags = new ArrayList<>();
            rule.at("/properties/tags").forEach(tag -> tags.add(tag.asText()));
            assertEquals(expected.isEmpty() ? List.of("security") : concat("security", expected.split(", ")), tags);
        }
    }

    static List<String> concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    @ParameterizedTest(name = "--cis-version {0}")
    @CsvSource({
        "1.2.0, 'CIS 1.2.0 1.2, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access'",
        "4.0.1, 'CIS 4.0.1 1.10, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access'",
        "5.0.0, 'CIS 5.0.0 1.9, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access'",
        "v6.0, 'CIS 6.0.0 2.9, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access'",
        "7.0.0, 'CIS 7.0.0 2.10, Security Hub IAM.5, Config mfa-enabled-for-iam-console-access'"})
    void should_show_the_chosen_cis_version_in_table_and_csv(String version, String controls) {
        Result table = audit(EVERY_RULE, "--format", "table", "--rules", "console-without-mfa", "--cis-version", version);
        Result csv = audit(EVERY_RULE, "--format", "csv", "--rules", "console-without-mfa", "--cis-version", version);

        assertTrue(table.out().contains("    controls: " + controls + "\n"), table.out());
        assertEquals(controls.replace(", ", "; "), csv.csvRecords().get(0).get("controls"), csv.out());
    }

    @Test
    void should_show_no_cis_number_where_the_version_has_none() {
        Result v7 = audit(EVERY_RULE, "--format", "csv", "--rules", "multiple-active-access-keys", "--cis-version", "7.0.0");
        Result v120 = audit(EVERY_RULE, "--format", "csv", "--rules", "credentials-unused", "--cis-version", "1.2.0");

        assertEquals("", v7.csvRecords().get(0).get("controls"), v7.out());
        assertEquals("CIS 1.2.0 1.3 (90 days); Security Hub IAM.22; Security Hub IAM.8 (90 days); "
                + "Config iam-user-unused-credentials-check", v120.csvRecords().get(0).get("controls"), v120.out());
    }

    @Test
    void should_default_to_the_newest_cis_version() {
        Result result = audit(EVERY_RULE, "--format", "csv", "--rules", "root-no-mfa");

        assertEquals("CIS 7.0.0 2.5; Security Hub IAM.9; Config root-account-mfa-enabled", result.csvRecords().get(0).get("controls"));
    }

    @Test
    void should_list_the_rules_for_the_chosen_cis_version() {
        Result table = harness.terminal(true, true, 400).run("audit", "--list-rules", "--cis-version", "5.0.0");
        Result csv = harness.run("audit", "--list-rules", "--format", "csv", "--cis-version", "1.2.0");

        assertEquals(0, table.exitCode(), table::toString);
        String rootKey = table.out().lines().filter(line -> line.startsWith("root-access-key-active ")).findFirst().orElseThrow();
        assertTrue(rootKey.contains("CIS 5.0.0 1.3, Security Hub IAM.4, Config iam-root-access-key-check"), rootKey);
        assertTrue(table.out().contains("\nCIS numbers of version 5.0.0"), table.out());
        assertTrue(table.out().contains("Not covered: Root user has a hardware MFA device (CIS 5.0.0 1.5, Security Hub IAM.6"),
                table.out());

        assertEquals(0, csv.exitCode(), csv::toString);
        List<CSVRecord> rows = csv.csvRecords();
        assertEquals(12, rows.size(), csv.out());
        assertEquals("root-recently-used", rows.get(2).get("rule_id"));
        assertEquals("CIS 1.2.0 1.1", rows.get(2).get("controls"));
        assertEquals("", rows.get(11).get("controls"), "no central-management item in 1.2.0");
        assertEquals("info", rows.get(11).get("severity"));
    }

    @Test
    void should_refuse_an_unknown_cis_version_with_the_list_before_calling_aws() {
        try (FakeIam iam = FakeIam.start()) {
            Result result = harness.run("audit", "--endpoint-url", iam.endpoint().toString(), "--cis-version", "1.3.0");
            Result listing = harness.run("audit", "--list-rules", "--cis-version", "8");

            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().startsWith("credreport: --cis-version: no CIS AWS Foundations Benchmark version '1.3.0' is "
                    + "mapped; the versions are: 1.2.0, 1.4.0, 1.5.0, 2.0.0, 3.0.0, 4.0.1, 5.0.0, 6.0.0, 7.0.0\n"), result.err());
            assertEquals("", result.out());
            assertEquals(0, iam.requests().size());
            assertEquals(2, listing.exitCode(), listing::toString);
            assertEquals("", listing.out());
        }
    }

    // --- 3. the Identity Center advice and the info severity ----------------------------------

    @Test
    void should_advise_identity_center_once_per_account_with_iam_users() {
        String report = SampleReports.report(root().toString(),
                user("alice").password("2024-05-30T09:00:00+00:00", "2024-03-01T00:00:00+00:00").mfa(true).toString(),
                user("svc-build").key(1, true, "2024-05-01T00:00:00+00:00", "2024-05-31T00:00:00+00:00").toString());

        Result table = audit(report, "--format", "table");
        Result csv = audit(report, "--format", "csv");

        assertEquals(0, table.exitCode(), "info is below the default --fail-on high: " + table);
        assertTrue(table.out().contains("\nINFO (1)\n"
                + "  iam-users-instead-of-identity-center: IAM users with long-term credentials instead of IAM Identity Center\n"
                + "    user:     (account)  arn:aws:iam::123456789012:root\n"
                + "    evidence: 2 IAM users have long-term credentials: 1 with a console password, 1 with an active access key\n"
                + "    fix:      Give people access through AWS IAM Identity Center and workloads IAM roles with temporary "
                + "credentials, then remove the IAM users' passwords and access keys.\n"
                + "    controls: CIS 7.0.0 2.19\n"), table.out());
        assertTrue(table.out().endsWith("3 users checked, 1 finding: 0 critical, 0 high, 0 medium, 0 low, 1 info\n"), table.out());
        List<CSVRecord> rows = csv.csvRecords();
        assertEquals(1, rows.size(), csv.out());
        assertEquals("info", rows.get(0).get("severity"));
        assertEquals("", rows.get(0).get("line"));
    }

    @Test
    void should_not_advise_identity_center_without_iam_users_holding_credentials() {
        String report = SampleReports.report(root().toString(), user("former-employee").toString(),
                user("old-service").key(1, false, "2023-01-01T00:00:00+00:00", "N/A").toString());

        Result result = audit(report, "--format", "json", "--fail-on", "info");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(0, json(result).get("findings").size(), result::toString);
        assertEquals(0, json(result).at("/audit/counts/info").asInt());
    }

    @ParameterizedTest(name = "--fail-on {0} exits {1} on advice alone")
    @CsvSource({"info, 3", "INFO, 3", "low, 0", "high, 0", "none, 0"})
    void should_fail_on_info_only_when_asked(String failOn, int exitCode) {
        String report = SampleReports.report(root().toString(),
                user("alice").password("2024-05-30T09:00:00+00:00", "2024-03-01T00:00:00+00:00").mfa(true).toString());

        Result result = audit(report, "--format", "csv", "--fail-on", failOn);

        assertEquals(exitCode, result.exitCode(), result::toString);
        assertEquals(1, result.csvRecords().size(), result::toString);
    }

    @Test
    void should_leave_out_the_ignored_users_from_the_advice() {
        String report = SampleReports.report(root().toString(),
                user("breakglass").password("2024-05-30T09:00:00+00:00", "2024-03-01T00:00:00+00:00").mfa(true).toString());

        Result result = audit(report, "--format", "csv", "--ignore-users", "breakglass");

        assertEquals(List.of(), result.csvRecords(), result.out());
    }

    // --- list-rules honours --format ----------------------------------------------------------

    @Test
    void should_list_rules_as_csv_when_not_on_a_terminal_and_refuse_sarif() throws IOException {
        Result piped = harness.run("audit", "--list-rules");
        Result sarif = harness.run("audit", "--list-rules", "--format", "sarif");
        Path file = dir.resolve("rules.json");
        Result toFile = harness.run("audit", "--list-rules", "--format", "json", "-o", file.toString());

        assertTrue(piped.out().startsWith("rule_id,severity,default_threshold,controls,title,remediation\r\n"), piped.out());
        assertEquals(13, piped.csvRecords().size() + 1);
        assertEquals(2, sarif.exitCode(), sarif::toString);
        assertTrue(sarif.err().contains("--list-rules prints table, json or csv"), sarif.err());
        assertEquals(0, toFile.exitCode(), toFile::toString);
        assertEquals(12, new ObjectMapper().readTree(file.toFile()).get("rules").size());
    }
}

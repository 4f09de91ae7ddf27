package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit with an exceptions file (issue 24): what counts for --fail-on, the notes, and the marks in each format. */
class ExceptionsCommandTest {
    /** The harness's clock stands at 2024-06-01. */
    static final String FILE = """
            exceptions:
              - rule: root-recently-used
                user: <root_account>
                reason: Root used for the yearly billing change
                expires: 2024-12-31
                owner: finance
                ticket: SEC-1
              - rule: IAM.5
                user: '*'
                reason: Console users move to Identity Center in Q3
                expires: 2024-06-10
              - rule: access-key-not-rotated
                user: carol
                reason: Vendor key
                expires: 2024-05-01
              - rule: credentials-unused
                user: nobody-here
                reason: Left over
                expires: 2024-09-01
            """;

    @TempDir
    Path dir;

    Path report;
    Path exceptions;
    final CommandHarness harness = new CommandHarness();

    @BeforeEach
    void save() throws IOException {
        report = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        exceptions = Files.writeString(dir.resolve("exceptions.yaml"), FILE);
    }

    Result audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01"));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    @Test
    void excepted_findings_stay_listed_but_count_for_no_fail_on() {
        Result without = audit("--format", "csv", "--fail-on", "high");
        assertEquals(3, without.exitCode(), without::toString);

        Result result = audit("--format", "csv", "--fail-on", "high", "--exceptions", exceptions.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(AuditCommandTest.findings(without), AuditCommandTest.findings(result), "nothing is hidden");
        List<String> excepted = new ArrayList<>();
        for (CSVRecord record : result.csvRecords()) {
            if (record.get("excepted").equals("true")) {
                excepted.add(record.get("rule_id") + " " + record.get("user") + " " + record.get("exception_expires"));
            }
        }
        assertEquals(List.of("root-recently-used <root_account> 2024-12-31", "console-without-mfa bob 2024-06-10",
                "console-without-mfa breakglass-admin 2024-06-10", "console-without-mfa '=HYPERLINK(\"http://x\") 2024-06-10"),
                excepted);
        assertEquals(3, audit("--format", "csv", "--fail-on", "medium", "--exceptions", exceptions.toString()).exitCode());
    }

    @Test
    void an_expired_entry_counts_again_with_a_note_and_expiring_and_stale_entries_are_told() {
        Result result = audit("--format", "csv", "--fail-on", "none", "--exceptions", exceptions.toString());
        String carol = result.csvRecords().stream().filter(r -> r.get("user").equals("carol")
                && r.get("rule_id").equals("access-key-not-rotated")).findFirst().orElseThrow().get("evidence");
        assertTrue(carol.endsWith("; exception " + exceptions + " line 12 (access-key-not-rotated for carol, expires "
                + "2024-05-01) has expired, so this finding counts again"), carol);
        assertTrue(result.err().contains("note: exception expired: " + exceptions + " line 12"), result.err());
        assertTrue(result.err().contains("note: exception expiring soon: " + exceptions + " line 8 (IAM.5"), result.err());
        assertTrue(result.err().contains("note: exception stale (matched no finding): " + exceptions + " line 16"),
                result.err());
        assertFalse(result.err().contains("stale (matched no finding): " + exceptions + " line 2 "), result.err());
    }

    @Test
    void the_variable_names_the_file_when_the_option_does_not() {
        harness.variable("CREDREPORT_EXCEPTIONS", exceptions.toString());
        assertEquals(0, audit("--format", "csv", "--fail-on", "high").exitCode());
    }

    @Test
    void an_invalid_file_is_refused_with_its_line_and_exit_2() throws IOException {
        Files.writeString(exceptions, "exceptions:\n  - rule: IAM.5\n    user: bob\n    expires: 2024-07-01\n");
        Result result = audit("--format", "csv", "--exceptions", exceptions.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("exceptions file " + exceptions + " line 2: the entry has no reason"), result.err());
        assertEquals("", result.out());

        Files.writeString(exceptions, "exceptions:\n  - {rule: IAM.5, user: bob, reason: r, expires: 2025-06-02}\n");
        assertTrue(audit("--exceptions", exceptions.toString()).err().contains("more than 365 days out"));
        assertEquals(0, audit("--format", "csv", "--fail-on", "none", "--exceptions", exceptions.toString(),
                "--max-exception-days", "400").exitCode());
        assertEquals(2, audit("--exceptions", dir.resolve("missing.yaml").toString()).exitCode());
    }

    @Test
    void asff_suppresses_with_the_reason_as_a_note() throws IOException {
        Result result = audit("--format", "asff", "--security-hub-region", "us-east-1", "--fail-on", "none",
                "--exceptions", exceptions.toString());
        assertEquals(0, result.exitCode(), result::toString);
        int suppressed = 0;
        for (JsonNode finding : new ObjectMapper().readTree(result.out())) {
            JsonNode workflow = finding.path("Workflow");
            if (finding.path("GeneratorId").asText().equals("root-recently-used")) {
                assertEquals("SUPPRESSED", workflow.path("Status").asText());
                JsonNode note = finding.path("Note");
                // ASFF's Note requires Text, UpdatedBy and UpdatedAt.
                assertTrue(note.path("Text").asText().startsWith("Accepted risk until 2024-12-31: Root used for the "
                        + "yearly billing change (owner finance) [SEC-1]"), note.toString());
                assertEquals("credreport", note.path("UpdatedBy").asText());
                assertTrue(note.path("UpdatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            }
            if (workflow.path("Status").asText().equals("SUPPRESSED")) {
                suppressed++;
            } else {
                assertTrue(workflow.isMissingNode(), finding.toString());
                assertTrue(finding.path("Note").isMissingNode());
            }
        }
        assertEquals(4, suppressed);
    }

    @Test
    void sarif_and_json_mark_excepted_results() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(audit("--format", "sarif", "--fail-on", "none", "--exceptions",
                exceptions.toString()).out());
        int suppressed = 0;
        for (JsonNode result : sarif.path("runs").get(0).path("results")) {
            JsonNode suppressions = result.path("suppressions");
            if (suppressions.isMissingNode()) {
                continue;
            }
            suppressed++;
            JsonNode suppression = suppressions.get(0);
            // SARIF 2.1.0 requires kind (inSource or external); status is accepted, underReview or rejected.
            assertEquals("external", suppression.path("kind").asText());
            assertEquals("accepted", suppression.path("status").asText());
            assertFalse(suppression.path("justification").asText().isEmpty());
        }
        assertEquals(4, suppressed);

        JsonNode json = new ObjectMapper().readTree(audit("--format", "json", "--fail-on", "none", "--exceptions",
                exceptions.toString()).out());
        int excepted = 0;
        for (JsonNode finding : json.findValues("excepted")) {
            excepted += finding.asBoolean() ? 1 : 0;
        }
        assertEquals(4, excepted);
        assertEquals("finance", json.findValues("exception").get(0).path("owner").asText());
    }

    @Test
    void the_table_lists_accepted_risks_apart() {
        Result result = audit("--format", "table", "--fail-on", "none", "--exceptions", exceptions.toString());
        String out = result.out();
        int accepted = out.indexOf("ACCEPTED RISKS (4, excepted, not counted for --fail-on)");
        assertTrue(accepted > out.indexOf("access-key-not-rotated"), out);
        assertTrue(out.indexOf("console-without-mfa") > accepted, "console findings are all excepted: " + out);
        assertTrue(out.contains("excepted: until 2024-12-31: Root used for the yearly billing change (owner finance)"), out);
        assertTrue(out.contains("; of these, 4 excepted ("), out);
    }

    /** JSON counts every finding, as always, and says apart which count and which are excepted; so does the summary. */
    @Test
    void json_and_summary_say_the_open_and_the_excepted_counts() throws IOException {
        Result result = audit("--format", "json", "--fail-on", "none", "--exceptions", exceptions.toString());
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode audit = json.path("audit");
        java.util.Map<String, Integer> all = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> excepted = new java.util.LinkedHashMap<>();
        for (JsonNode finding : json.path("findings")) {
            all.merge(finding.path("severity").asText(), 1, Integer::sum);
            if (finding.path("excepted").asBoolean()) {
                excepted.merge(finding.path("severity").asText(), 1, Integer::sum);
            }
        }
        assertEquals(4, excepted.values().stream().mapToInt(Integer::intValue).sum(), result::toString);
        int open = 0;
        StringBuilder exceptedWords = new StringBuilder();
        for (java.util.Iterator<String> severities = audit.path("counts").fieldNames(); severities.hasNext();) {
            String severity = severities.next();
            int counted = all.getOrDefault(severity, 0);
            int accepted = excepted.getOrDefault(severity, 0);
            assertEquals(counted, audit.path("counts").path(severity).asInt(), "counts holds the excepted: " + severity);
            assertEquals(accepted, audit.path("excepted_counts").path(severity).asInt(), severity);
            assertEquals(counted - accepted, audit.path("open_counts").path(severity).asInt(), severity);
            open += counted - accepted;
            if (accepted > 0) {
                exceptedWords.append(exceptedWords.length() == 0 ? "" : ", ").append(accepted).append(' ').append(severity);
            }
        }
        assertEquals(audit.path("counts").size(), audit.path("open_counts").size());
        assertEquals(audit.path("counts").size(), audit.path("excepted_counts").size());

        String summary = audit("--format", "table", "--fail-on", "none", "--exceptions", exceptions.toString()).out();
        assertTrue(summary.contains("; of these, 4 excepted (" + exceptedWords + "; accepted risks, not counted for "
                + "--fail-on), " + open + " open"), exceptedWords + " " + open + "\n" + summary);
    }

    @Test
    void check_lists_each_entry_state_against_the_report() throws IOException {
        Result result = harness.run("exceptions", "check", exceptions.toString(), "--input", report.toString(),
                "--as-of", "2024-06-01");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("line 2: active: root-recently-used for <root_account>, expires 2024-12-31"),
                result.out());
        assertTrue(result.out().contains("line 8: expiring soon: IAM.5 for *"), result.out());
        assertTrue(result.out().contains("line 12: expired: access-key-not-rotated for carol"), result.out());
        assertTrue(result.out().contains("line 16: stale: credentials-unused for nobody-here"), result.out());
        assertTrue(result.out().contains("4 entries valid: 1 active, 1 expiring soon, 1 expired, 1 stale"), result.out());

        Files.writeString(exceptions, "exceptions:\n  - {rule: IAM.5, user: bob, reason: r, expires: 2024-07-01, team: x}\n");
        Result invalid = harness.run("exceptions", "check", exceptions.toString(), "--input", report.toString());
        assertEquals(2, invalid.exitCode(), invalid::toString);
        assertTrue(invalid.err().contains("line 2: unknown key 'team'"), invalid.err());
    }
}

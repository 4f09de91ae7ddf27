package dev.credreport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.audit.rules.Rules;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit --format asff: the fields Security Hub requires, stable Ids, and the rule's controls. */
class AsffRendererTest {
    /** BatchImportFindings rejects a finding without any of these. */
    static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types",
            "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");
    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TempDir
    Path dir;

    JsonNode audit(String... extra) throws Exception {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        List<String> args = new ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01",
                "--format", "asff", "--fail-on", "none"));
        args.addAll(List.of(extra));
        Result result = new CommandHarness().run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void should_give_every_finding_the_required_fields() throws Exception {
        JsonNode findings = audit("--security-hub-region", "eu-west-1");

        assertTrue(findings.isArray() && findings.size() > 3, findings::toString);
        Set<String> ruleIds = new HashSet<>();
        Rules.all().forEach(rule -> ruleIds.add(rule.info().id()));
        for (JsonNode finding : findings) {
            for (String field : REQUIRED) {
                assertTrue(finding.hasNonNull(field), field + " missing in " + finding);
            }
            assertEquals("2018-10-08", finding.get("SchemaVersion").asText());
            assertEquals("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default", finding.get("ProductArn").asText());
            assertEquals("123456789012", finding.get("AwsAccountId").asText());
            assertTrue(ruleIds.contains(finding.get("GeneratorId").asText()), finding.toString());
            assertTrue(Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL").contains(finding.at("/Severity/Label").asText()), finding.toString());
            assertTrue(finding.get("CreatedAt").asText().matches(TIME), finding.toString());
            assertTrue(finding.get("FirstObservedAt").asText().matches(TIME), finding.toString());
            assertTrue(finding.get("LastObservedAt").asText().matches(TIME), finding.toString());
            JsonNode resource = finding.at("/Resources/0");
            if (resource.get("Type").asText().equals("AwsAccount")) {
                assertEquals("AWS::::Account:123456789012", resource.get("Id").asText());
                assertTrue(finding.get("Id").asText().endsWith("/account"), finding.toString());
            } else {
                assertEquals("AwsIamUser", resource.get("Type").asText());
                assertTrue(resource.get("Id").asText().startsWith("arn:aws:iam::123456789012:"), resource.toString());
                assertTrue(finding.get("Id").asText().startsWith("credreport/123456789012/" + finding.get("GeneratorId").asText()
                        + "/" + resource.get("Id").asText() + "/"), finding.toString());
            }
            assertTrue(finding.get("Title").asText().length() <= 256);
            assertTrue(finding.get("Description").asText().length() <= 1024);
            assertFalse(finding.at("/Remediation/Recommendation/Text").asText().isEmpty(), finding.toString());
            assertEquals("FAILED", finding.at("/Compliance/Status").asText());
            List<String> controls = new ArrayList<>();
            finding.at("/Compliance/RelatedRequirements").forEach(c -> controls.add(c.asText()));
            String rule = finding.get("GeneratorId").asText();
            List<String> expected = Rules.all().stream().filter(r -> r.info().id().equals(rule)).findFirst().orElseThrow()
                    .info().controls().stream()
                    .map(c -> c.standard() + (c.version() == null ? "" : " v" + c.version()) + "/" + c.id()).toList();
            assertEquals(expected, controls);
            assertTrue(controls.size() <= 32, controls::toString);
        }
    }

    @Test
    void should_keep_ids_from_run_to_run_and_tell_credentials_apart() throws Exception {
        JsonNode first = audit("--security-hub-region", "eu-west-1");
        JsonNode second = audit("--security-hub-region", "eu-west-1");

        List<String> ids = new ArrayList<>();
        first.forEach(f -> ids.add(f.get("Id").asText()));
        List<String> again = new ArrayList<>();
        second.forEach(f -> again.add(f.get("Id").asText()));
        assertEquals(ids, again);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "every finding has its own Id: " + ids);
    }

    @Test
    void should_take_the_region_from_the_aws_settings_and_refuse_to_guess_one() throws Exception {
        JsonNode findings = audit("--region", "ap-southeast-2");
        assertTrue(findings.get(0).get("ProductArn").asText().startsWith("arn:aws:securityhub:ap-southeast-2:"));

        Path report = Files.writeString(dir.resolve("r.csv"), SampleReports.standard());
        Result none = new CommandHarness().run("audit", "--input", report.toString(), "--format", "asff");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("--security-hub-region"), none.err());
        assertEquals("", none.out());
    }
}

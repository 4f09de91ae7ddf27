package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A denied iam:GetAccountSummary does not fail the audit: it says which root facts it could not check (issue 24, point 5). */
class RootFactsDeniedTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T00:00:00Z");
    static final String UNCHECKED = "AccountMFAEnabled, AccountAccessKeysPresent, AccountSigningCertificatesPresent, "
            + "AccountPasswordPresent";

    @Test
    void the_run_succeeds_and_says_what_it_could_not_check() throws Exception {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(FakeIam.state("COMPLETE")).onGet(FakeIam.report(AuditCommandTest.ACCOUNT, GENERATED))
                    .on("GetAccountSummary", FakeIam.error(403, "AccessDenied",
                            "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GetAccountSummary"));

            Result json = new CommandHarness().run("audit", "--endpoint-url", iam.endpoint().toString(), "--format", "json",
                    "--fail-on", "none");
            Result failing = new CommandHarness().run("audit", "--endpoint-url", iam.endpoint().toString(), "--format",
                    "csv", "-q");

            assertEquals(0, json.exitCode(), json::toString);
            assertEquals(2, iam.count("GetAccountSummary"), "asked once in each of the two runs");
            // The note names the facts not checked and why, naming the permission.
            String note = json.err().lines().filter(line -> line.contains("root judged from the report alone")).findFirst()
                    .orElseThrow(() -> new AssertionError(json.err()));
            assertTrue(note.startsWith("credreport: note: root judged from the report alone: could not check " + UNCHECKED
                    + " with iam:GetAccountSummary: "), note);
            assertTrue(note.contains("iam:GetAccountSummary"), note);
            JsonNode document = new ObjectMapper().readTree(json.out());
            JsonNode facts = document.path("audit").path("root_facts");
            assertTrue(facts.path("unavailable").asText().contains("iam:GetAccountSummary"), facts::toString);
            assertTrue(facts.path("AccountMFAEnabled").isNull(), facts::toString);
            // The root finding is still made from the report, and claims no fact of the summary.
            JsonNode root = null;
            for (JsonNode finding : document.path("findings")) {
                if (finding.path("rule_id").asText().equals("root-recently-used")) {
                    root = finding;
                }
            }
            assertTrue(root != null, document::toString);
            assertTrue(!root.path("evidence").asText().contains("judged with iam:GetAccountSummary"), root::toString);
            // The denial changes nothing of the exit code: findings at high still fail the run, with exit 3.
            assertEquals(3, failing.exitCode(), failing::toString);
            assertTrue(failing.out().contains("root-recently-used"), failing::out);
        }
    }
}

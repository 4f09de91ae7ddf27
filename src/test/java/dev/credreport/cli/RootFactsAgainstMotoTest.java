package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** audit asks moto's iam:GetAccountSummary once and judges root from it (issue 24, point 5). */
class RootFactsAgainstMotoTest {
    static MotoServer moto;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
    }

    @Test
    void root_findings_say_they_were_judged_with_the_account_summary() throws Exception {
        Result result = new CommandHarness().run("audit", "--endpoint-url", moto.endpoint().toString(), "--format", "json",
                "--fail-on", "none");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode facts = new ObjectMapper().readTree(result.out()).findValue("root_facts");
        // moto's summary: no MFA, no access key, no signing certificate on root; no AccountPasswordPresent.
        assertEquals(false, facts.path("AccountMFAEnabled").asBoolean(true), facts::toString);
        assertEquals(false, facts.path("AccountAccessKeysPresent").asBoolean(true), facts::toString);
        assertEquals(false, facts.path("AccountSigningCertificatesPresent").asBoolean(true), facts::toString);
        assertTrue(facts.path("unavailable").isNull(), facts::toString);
        assertTrue(facts.path("AccountPasswordPresent").isNull(), facts::toString);
    }

    @Test
    void a_report_from_a_file_says_which_root_facts_were_not_checked() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".csv");
        java.nio.file.Files.writeString(file, AuditCommandTest.ACCOUNT);
        Result result = new CommandHarness().run("audit", "--input", file.toString(), "--as-of", "2024-06-01",
                "--format", "csv", "--fail-on", "none");
        assertTrue(result.err().contains("note: root judged from the report alone: could not check AccountMFAEnabled, "
                + "AccountAccessKeysPresent, AccountSigningCertificatesPresent, AccountPasswordPresent with "
                + "iam:GetAccountSummary: the report was read from a file"), result.err());
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** fetch and audit end to end against moto: users, passwords, MFA and keys created through the SDK. */
class FetchAgainstMotoTest {
    static MotoServer moto;
    static MotoAccount account;
    static AccessKey bobKey;
    static AccessKey carolKey1;
    static AccessKey carolKey2;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
        account = new MotoAccount(moto.endpoint());
        account.user("alice").password("alice").mfa("alice");
        account.user("bob").password("bob");
        bobKey = account.accessKey("bob");
        account.user("carol");
        carolKey1 = account.accessKey("carol");
        carolKey2 = account.accessKey("carol");
        account.deactivate("carol", carolKey2);
        account.user("dave");
    }

    @AfterAll
    static void stopMoto() {
        if (account != null) {
            account.close();
        }
    }

    Result fetch(String format) {
        return new CommandHarness().run("fetch", "--endpoint-url", moto.endpoint().toString(), "--format", format, "--quiet");
    }

    @Test
    void should_print_exactly_the_bytes_get_credential_report_returned() {
        Result result = fetch("csv");

        assertEquals(0, result.exitCode(), result::toString);
        byte[] direct = account.iam().getCredentialReport().content().asByteArray();
        assertArrayEquals(direct, result.out().getBytes(StandardCharsets.UTF_8));
        assertTrue(result.out().startsWith("user,arn,user_creation_time,"), result::toString);
    }

    @Test
    void should_type_the_values_moto_reports_in_json() throws Exception {
        Result result = fetch("json");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("123456789012", json.at("/report/account_id").asText());
        assertEquals("aws", json.at("/report/source").asText());
        Map<String, JsonNode> users = new HashMap<>();
        json.get("users").forEach(user -> users.put(user.get("user").asText(), user));
        assertEquals(4, users.size(), result::toString);

        JsonNode alice = users.get("alice");
        assertTrue(alice.get("password_enabled").asBoolean());
        assertTrue(alice.get("mfa_active").asBoolean());
        assertTrue(alice.get("password_last_used").isNull());
        assertEquals("no_information", alice.at("/absent/password_last_used").asText());
        assertEquals("arn:aws:iam::123456789012:user/alice", alice.get("arn").asText());

        JsonNode bob = users.get("bob");
        assertTrue(bob.get("password_enabled").asBoolean());
        assertTrue(!bob.get("mfa_active").asBoolean());
        assertTrue(bob.get("access_key_1_active").asBoolean());
        assertEquals(bobKey.createDate().truncatedTo(ChronoUnit.SECONDS),
                Instant.parse(bob.get("access_key_1_last_rotated").asText()));
        assertTrue(!bob.get("access_key_2_active").asBoolean());
        assertEquals("N/A", bob.at("/absent/access_key_2_last_rotated").asText());

        JsonNode carol = users.get("carol");
        assertTrue(!carol.get("password_enabled").asBoolean());
        assertTrue(carol.get("access_key_1_active").asBoolean());
        assertTrue(!carol.get("access_key_2_active").asBoolean(), "the second key was deactivated");
        assertEquals(carolKey2.createDate().truncatedTo(ChronoUnit.SECONDS),
                Instant.parse(carol.get("access_key_2_last_rotated").asText()));

        JsonNode dave = users.get("dave");
        assertTrue(!dave.get("password_enabled").asBoolean());
        assertTrue(!dave.get("access_key_1_active").asBoolean());
        assertTrue(dave.get("access_key_1_last_rotated").isNull());
    }

    @Test
    void should_print_a_block_per_user() {
        Result result = fetch("blocks");

        assertEquals(0, result.exitCode(), result::toString);
        String alice = block(result.out(), "alice");
        assertTrue(alice.contains("\nPassword Enabled: true\n"), alice);
        assertTrue(alice.contains("\nMFA Active: true\n"), alice);
        String carol = block(result.out(), "carol");
        assertTrue(carol.contains("\nAccess Key 1 Active: true\n"), carol);
        assertTrue(carol.contains("\nAccess Key 2 Active: false\n"), carol);
        assertEquals(4, result.out().lines().filter("-------------------"::equals).count());
    }

    @Test
    void should_print_a_table_of_every_user() {
        Result result = new CommandHarness().run("fetch", "--endpoint-url", moto.endpoint().toString(),
                "--format", "table", "--width", "200", "--quiet");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Credential report of account 123456789012, generated 2015-02-02 20:02 UTC"),
                result::toString);
        for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
            assertTrue(result.out().lines().anyMatch(line -> line.startsWith(user + " ")), user + " in\n" + result.out());
        }
        String carolLine = result.out().lines().filter(line -> line.startsWith("carol ")).findFirst().orElseThrow();
        assertTrue(carolLine.contains("active, ") && carolLine.contains("inactive, "), carolLine);
    }

    @Test
    void should_audit_the_users_moto_reports() {
        String asOf = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(100).toString();

        Result atGeneratedTime = new CommandHarness().run("audit", "--endpoint-url", moto.endpoint().toString(),
                "--format", "csv", "--quiet");
        Result later = new CommandHarness().run("audit", "--endpoint-url", moto.endpoint().toString(),
                "--format", "csv", "--quiet", "--as-of", asOf);

        assertEquals(3, atGeneratedTime.exitCode(), atGeneratedTime::toString);
        assertEquals(List.of(
                "high console-without-mfa bob",
                "medium access-key-created-at-setup bob",
                "info iam-users-instead-of-identity-center (account)"), AuditCommandTest.findings(atGeneratedTime));
        assertEquals(3, later.exitCode(), later::toString);
        assertEquals(List.of(
                "high console-without-mfa bob",
                "medium credentials-unused alice",
                "medium credentials-unused bob",
                "medium credentials-unused bob",
                "medium access-key-not-rotated bob",
                "medium access-key-created-at-setup bob",
                "medium credentials-unused carol",
                "medium access-key-not-rotated carol",
                "info iam-users-instead-of-identity-center (account)"), AuditCommandTest.findings(later));
    }

    static String block(String blocks, String user) {
        int start = blocks.indexOf("User: " + user + "\n");
        assertTrue(start >= 0, user + " has a block");
        return blocks.substring(start, blocks.indexOf("-------------------", start));
    }
}

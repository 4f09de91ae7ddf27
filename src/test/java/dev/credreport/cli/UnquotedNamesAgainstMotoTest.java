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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** moto writes user names with commas (and their ARNs) without quotes; credreport reads them (issue 9, point 15). */
class UnquotedNamesAgainstMotoTest {
    static MotoServer moto;
    static MotoAccount account;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
        account = new MotoAccount(moto.endpoint());
        account.user("a,b");
        account.user("plain");
    }

    @AfterAll
    static void stopMoto() {
        if (account != null) {
            account.close();
        }
    }

    Result fetch(String format) {
        return new CommandHarness().run("fetch", "--endpoint-url", moto.endpoint().toString(), "--format", format);
    }

    @Test
    void should_read_the_user_a_comma_b_and_note_it_once() throws Exception {
        Result result = fetch("json");

        assertEquals(0, result.exitCode(), result::toString);
        Set<String> users = new HashSet<>();
        new ObjectMapper().readTree(result.out()).get("users").forEach((JsonNode user) -> users.add(user.get("user").asText()));
        assertTrue(users.contains("a,b"), result::toString);
        assertTrue(users.contains("plain"), result::toString);
        assertEquals(1, result.err().lines().filter(line -> line.startsWith("credreport: note: line ")
                && line.contains("'a,b'") && line.contains("unquoted commas")).count(), result::toString);
    }

    @Test
    void should_pass_moto_s_bytes_through_unchanged_in_csv() {
        Result result = fetch("csv");

        assertEquals(0, result.exitCode(), result::toString);
        byte[] direct = account.iam().getCredentialReport().content().asByteArray();
        assertArrayEquals(direct, result.out().getBytes(StandardCharsets.UTF_8));
        assertTrue(new String(direct, StandardCharsets.UTF_8).contains("\na,b,arn:aws:iam::123456789012:user/a,b,"),
                "moto still writes the name unquoted; if it quotes it now, this test no longer tests the lenient read");
    }

    @Test
    void should_show_the_user_in_the_table() {
        Result result = fetch("table");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("a,b ")), result::toString);
    }
}

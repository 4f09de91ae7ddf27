package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoOrganization;
import dev.credreport.support.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report end to end against moto: one account, and every account of an Organization. */
class ReportAgainstMotoTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void should_make_the_page_of_a_moto_account_with_audits_findings() throws Exception {
        MotoServer moto = MotoServer.shared();
        try (MotoAccount account = new MotoAccount(moto.endpoint())) {
            account.user("alice").password("alice").mfa("alice");
            account.user("bob").password("bob");
            account.accessKey("bob");
            account.user("carol");
            Path page = dir.resolve("iam.html");

            Result result = new CommandHarness().run("report", "--endpoint-url", moto.endpoint().toString(), "-o", page.toString(), "-q");
            Result audit = new CommandHarness().run("audit", "--endpoint-url", moto.endpoint().toString(), "--format", "json",
                    "--fail-on", "none", "-q");

            assertEquals(0, result.exitCode(), result::toString);
            Document html = Jsoup.parse(Files.readString(page));
            List<String> users = html.select("table.users tbody tr").stream().map(row -> row.child(0).text()).toList();
            assertTrue(users.containsAll(List.of("alice", "bob", "carol")), users::toString);
            JsonNode data = JSON.readTree(html.getElementById("credreport-data").data());
            assertEquals(JSON.readTree(audit.out()).path("audit").path("counts"), data.path("findings_by_severity"));
            assertEquals(3, data.path("at_a_glance").path("users").asInt());
            assertEquals(1, data.path("at_a_glance").path("console_users_without_mfa").asInt());
        }
    }

    @Test
    void should_make_one_page_for_every_account_of_a_moto_organization() throws Exception {
        MotoServer moto = MotoServer.shared();
        List<String> members = MotoOrganization.create(moto.endpoint(), "user-in-").memberIds();
        Path page = dir.resolve("org.html");

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .run("report", "--org", "-o", page.toString(), "-q");

        assertEquals(0, result.exitCode(), result::toString);
        Document html = Jsoup.parse(Files.readString(page));
        JsonNode data = JSON.readTree(html.getElementById("credreport-data").data());
        List<String> onPage = new ArrayList<>();
        data.path("accounts").forEach(account -> onPage.add(account.path("account_id").asText()));
        assertTrue(onPage.containsAll(members), onPage::toString);
        for (String member : members) {
            assertEquals(List.of("user-in-" + member), html.select("#account-" + member + " table.users tbody tr")
                    .stream().map(row -> row.child(0).text()).filter(name -> !name.equals("<root_account>")).toList());
        }
        assertEquals(onPage.size(), html.select("section.summary table.accounts tbody tr").size());
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page shows excepted findings as accepted risks, apart from the open ones, colouring no row (issue 24, point 2). */
class AcceptedRisksPageTest {
    /** carol's two findings are both accepted; bob's console password is accepted while his other findings are not. */
    static final String FILE = """
            exceptions:
              - rule: access-key-not-rotated
                user: carol
                credential: access_key_1
                reason: Vendor key <b>replaced</b> in July
                expires: 2024-07-31
                owner: platform-team
                ticket: SEC-123
              - rule: multiple-active-access-keys
                user: carol
                reason: Rotation in progress
                expires: 2024-06-05
            """;

    @TempDir
    Path dir;

    Document page(String... extra) throws Exception {
        Path report = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        Path page = dir.resolve("iam.html");
        List<String> args = new java.util.ArrayList<>(List.of("report", "--input", report.toString(), "--as-of",
                "2024-06-01", "-o", page.toString(), "-q"));
        args.addAll(List.of(extra));
        Result result = new CommandHarness().run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return Jsoup.parse(Files.readString(page));
    }

    static Element row(Document html, String user) {
        return html.select("table.users tbody tr").stream().filter(tr -> tr.child(0).text().equals(user)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + user));
    }

    @Test
    void accepted_risks_are_listed_apart_with_expiry_reason_owner_and_ticket() throws Exception {
        Path exceptions = Files.writeString(dir.resolve("exceptions.yaml"), FILE);
        Document html = page("--exceptions", exceptions.toString());
        Document plain = page();

        Element section = html.selectFirst("section.accepted-risks");
        assertNotNull(section, "an accepted-risks section");
        List<Element> risks = section.select("table.accepted tbody tr");
        assertEquals(2, risks.size(), section::outerHtml);
        Element key = risks.stream().filter(tr -> tr.text().contains("Vendor key")).findFirst().orElseThrow();
        assertTrue(key.text().contains("2024-07-31"), key::text);
        assertTrue(key.text().contains("lapses in 60 days"), key::text);
        assertTrue(key.text().contains("platform-team"), key::text);
        assertTrue(key.text().contains("SEC-123"), key::text);
        // The reason is the file's text, not markup.
        assertTrue(key.text().contains("Vendor key <b>replaced</b> in July"), key::text);
        assertTrue(key.select("b").isEmpty(), key::html);
        Element soon = risks.stream().filter(tr -> tr.text().contains("Rotation in progress")).findFirst().orElseThrow();
        assertTrue(soon.text().contains("2024-06-05 lapses in 4 days"), soon::text);

        // Not among the recommendations, nor among what to do first.
        for (Element rec : html.select("article.rec")) {
            assertFalse(rec.select("table.affected tbody tr").stream().anyMatch(tr -> tr.child(0).text().equals("carol")),
                    rec::text);
        }
        assertTrue(plain.selectFirst("article.rec[id$=-access-key-not-rotated]").select("table.affected tbody tr").stream()
                .anyMatch(tr -> tr.child(0).text().equals("carol")), "without the file carol's key is a finding");

        // carol's row: neither red nor green, and says why in words.
        Element carol = row(html, "carol");
        assertEquals("accepted", carol.className(), carol::outerHtml);
        assertTrue(row(plain, "carol").className().startsWith("sev-"), "without the file the row is flagged");
        assertTrue(carol.select(".none").isEmpty(), "no '✓ none' on a row with accepted risks: " + carol.html());
        assertTrue(carol.select("td.ok").isEmpty(), "no green cell: " + carol.html());
        assertFalse(carol.select("td[class^=sev-]").size() > 0, "no red cell: " + carol.html());
        assertTrue(carol.text().contains("accepted until 2024-07-31"), carol::text);

        // The headline counts what is open; the accepted risks are a chip of their own.
        JsonNode data = new ObjectMapper().readTree(html.getElementById("credreport-data").data());
        JsonNode account = data.path("accounts").get(0);
        assertEquals(2, account.path("accepted_risks").asInt(), account::toString);
        int total = 0;
        for (JsonNode count : account.path("findings_by_severity")) {
            total += count.asInt();
        }
        assertEquals(html.selectFirst("p.how-bad strong").text(), (total - 2) + " findings");
        assertEquals("+ 2 accepted risks", html.selectFirst("p.how-bad a.chip.accepted").text());
        assertEquals(null, plain.selectFirst("section.accepted-risks"));
    }

    @Test
    void the_trend_counts_open_findings_as_the_headline_does() throws Exception {
        Path exceptions = Files.writeString(dir.resolve("exceptions.yaml"), FILE);
        Path saved = Files.createDirectories(dir.resolve("saved"));
        Files.writeString(saved.resolve("credential-report-123456789012-20240520T000000Z.csv"), AuditCommandTest.ACCOUNT);
        Files.writeString(saved.resolve("credential-report-123456789012-20240525T000000Z.csv"), AuditCommandTest.ACCOUNT);
        Path page = dir.resolve("trend.html");
        Path current = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        Result result = new CommandHarness().run("report", "--input", current.toString(), "--history", saved.toString(),
                "--as-of", "2024-06-01",
                "--exceptions", exceptions.toString(), "-o", page.toString(), "-q");
        assertEquals(0, result.exitCode(), result::toString);
        Document html = Jsoup.parse(Files.readString(page));

        String headline = html.selectFirst("p.how-bad strong").text();
        Element trend = html.selectFirst("p.trend");
        assertNotNull(trend, html::text);
        assertTrue(trend.text().contains(": " + headline + " in the report of"), trend.text() + " / " + headline);
    }
}

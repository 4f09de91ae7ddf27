package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** --owner-tag against the loopback fake: every page of a user's tags, throttling retried, a denial told. */
class OwnerTagsFakeIamTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T00:00:00Z");

    static FakeIam.Reply tags(String marker, String... keysAndValues) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.append("<member><Key>").append(keysAndValues[i]).append("</Key><Value>").append(keysAndValues[i + 1])
                    .append("</Value></member>");
        }
        return FakeIam.xml(200, "<ListUserTagsResponse><ListUserTagsResult><Tags>" + members + "</Tags>"
                + (marker == null ? "<IsTruncated>false</IsTruncated>" : "<IsTruncated>true</IsTruncated><Marker>" + marker
                        + "</Marker>")
                + "</ListUserTagsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListUserTagsResponse>");
    }

    @Test
    void reads_every_page_of_each_users_tags_and_retries_throttling() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        AtomicInteger throttled = new AtomicInteger();
        try (FakeIam iam = FakeIam.start()) {
            iam.route(request -> switch (request.action()) {
                case "GenerateCredentialReport" -> FakeIam.state("COMPLETE");
                case "GetCredentialReport" -> FakeIam.report(AuditCommandTest.ACCOUNT, GENERATED);
                case "ListUserTags" -> {
                    String user = request.form().get("UserName");
                    String marker = request.form().get("Marker");
                    calls.computeIfAbsent(user, key -> new AtomicInteger()).incrementAndGet();
                    if (user.equals("bob") && throttled.getAndIncrement() < 4) {
                        // More throttling than the SDK's own retries take: the run's throttle waits it out.
                        yield FakeIam.error(400, "Throttling", "Rate exceeded");
                    }
                    if (user.equals("dave")) {
                        // dave's owner tag is on the second page.
                        yield marker == null ? tags("page-2", "cost-center", "cc-1") : tags(null, "team", "platform");
                    }
                    yield user.equals("carol") ? tags(null, "team", "data") : tags(null, "other", "x");
                }
                default -> FakeIam.error(403, "AccessDenied", "not authorized");
            });
            Result result = new CommandHarness().run("audit", "--endpoint-url", iam.endpoint().toString(), "--format",
                    "json", "--fail-on", "none", "-q", "--owner-tag", "team");

            assertEquals(0, result.exitCode(), result::toString);
            Map<String, String> owners = new HashMap<>();
            for (JsonNode finding : new ObjectMapper().readTree(result.out()).path("findings")) {
                owners.put(finding.path("user").asText(), finding.path("owner").asText());
            }
            assertEquals("platform", owners.get("dave"), owners::toString);
            assertEquals("data", owners.get("carol"), owners::toString);
            assertEquals("no owner", owners.get("bob"), owners::toString);
            assertEquals("no owner", owners.get("<root_account>"), owners::toString);
            assertEquals(2, calls.get("dave").get(), "both pages of dave's tags");
            assertTrue(calls.get("bob").get() >= 5, "bob's call was retried past its throttling: " + calls);
            assertFalse(calls.containsKey("<root_account>"), "root has no tags to ask for");
        }
    }

    @Test
    void a_denied_list_user_tags_fails_the_run_naming_the_permission_before_any_output() {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(FakeIam.state("COMPLETE")).onGet(FakeIam.report(AuditCommandTest.ACCOUNT, GENERATED))
                    .on("GetAccountSummary", FakeIam.error(403, "AccessDenied", "not authorized"))
                    .on("ListUserTags", FakeIam.error(403, "AccessDenied",
                            "User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:ListUserTags"));

            Result result = new CommandHarness().run("audit", "--endpoint-url", iam.endpoint().toString(), "--format",
                    "csv", "--fail-on", "none", "-q", "--owner-tag", "team");

            assertEquals(4, result.exitCode(), result::toString);
            assertEquals("", result.out());
            assertEquals(1, result.err().lines().count(), result::err);
            assertTrue(result.err().startsWith("credreport: "), result::err);
            assertTrue(result.err().contains("iam:ListUserTags"), result::err);
            assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        }
    }

    @Test
    void hostile_owner_values_stay_text_in_csv_and_on_the_pages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String markup = "<img src=x onerror=alert(1)>";
        try (FakeIam iam = FakeIam.start()) {
            iam.route(request -> switch (request.action()) {
                case "GenerateCredentialReport" -> FakeIam.state("COMPLETE");
                case "GetCredentialReport" -> FakeIam.report(AuditCommandTest.ACCOUNT, GENERATED);
                case "ListUserTags" -> switch (request.form().get("UserName")) {
                    case "bob" -> tags(null, "team", "&lt;img src=x onerror=alert(1)&gt;");
                    case "dave" -> tags(null, "team", "=HYPERLINK(&quot;http://x&quot;)");
                    default -> tags(null);
                };
                default -> FakeIam.error(403, "AccessDenied", "not authorized");
            });
            Result csv = new CommandHarness().run("audit", "--endpoint-url", iam.endpoint().toString(), "--format", "csv",
                    "--fail-on", "none", "-q", "--owner-tag", "team");
            assertEquals(0, csv.exitCode(), csv::toString);
            var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new java.io.StringReader(csv.out())).getRecords();
            for (var row : rows) {
                if (row.get("user").equals("dave")) {
                    assertEquals("'=HYPERLINK(\"http://x\")", row.get("owner"), "no formula in a spreadsheet");
                }
                if (row.get("user").equals("bob")) {
                    assertEquals(markup, row.get("owner"));
                }
            }

            java.nio.file.Path pages = dir.resolve("pages");
            Result split = new CommandHarness().run("report", "--endpoint-url", iam.endpoint().toString(), "-q",
                    "--owner-tag", "team", "--split-by", "owner", "--output-dir", pages.toString());
            assertEquals(0, split.exitCode(), split::toString);
            org.jsoup.nodes.Document index = org.jsoup.Jsoup.parse(java.nio.file.Files.readString(pages.resolve("index.html")));
            assertTrue(index.select("img").isEmpty(), index::html);
            var link = index.select("table.owners a").stream().filter(a -> a.text().equals(markup)).findFirst().orElseThrow();
            assertTrue(link.attr("href").matches("img-src-x-onerror-alert-1-[0-9a-f]{8}\\.html"), link::outerHtml);
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(java.nio.file.Files.readString(pages.resolve(link.attr("href"))));
            assertTrue(page.select("img").isEmpty(), "the owner is text on its page");
            assertTrue(page.title().endsWith("owner " + markup), page::title);
            assertEquals(List.of("bob"), page.select("table.users tbody tr").stream().map(tr -> tr.child(0).text()).toList());
        }
    }
}

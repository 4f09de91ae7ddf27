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
}

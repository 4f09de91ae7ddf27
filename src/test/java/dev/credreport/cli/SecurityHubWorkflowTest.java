package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception's decision reaches findings Security Hub already holds: BatchImportFindings sets Workflow and
 * Note only when it creates a finding, so credreport suppresses a finding excepted since (BatchUpdateFindings),
 * lifts a suppression it made once the exception is gone, and leaves anyone else's alone. Against a loopback
 * Security Hub speaking its REST-JSON protocol (moto has no BatchUpdateFindings).
 */
class SecurityHubWorkflowTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    HttpServer server;
    /** What GetFindings answers: the findings Security Hub already has. */
    volatile ArrayNode existing = JSON.createArrayNode();
    final List<JsonNode> imported = new CopyOnWriteArrayList<>();
    final List<JsonNode> updates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String answer;
            if (path.equals("/findings")) {
                answer = JSON.createObjectNode().set("Findings", existing).toString();
            } else if (path.equals("/findings/import")) {
                request.get("Findings").forEach(imported::add);
                answer = "{\"FailedCount\":0,\"SuccessCount\":" + request.get("Findings").size() + ",\"FailedFindings\":[]}";
            } else if (path.equals("/findings/batchupdate") && exchange.getRequestMethod().equals("PATCH")) {
                updates.add(request);
                answer = JSON.createObjectNode().<ObjectNode>set("ProcessedFindings", request.get("FindingIdentifiers"))
                        .set("UnprocessedFindings", JSON.createArrayNode()).toString();
            } else {
                answer = "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"no " + path + "\"}";
                exchange.sendResponseHeaders(404, answer.length());
                exchange.getResponseBody().write(answer.getBytes(StandardCharsets.UTF_8));
                exchange.close();
                return;
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Result send(boolean excepted) throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.lines(SampleReports.HEADER, SampleReports.CAROL));
        List<String> args = new ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01",
                "--rules", "console-without-mfa", "--security-hub", "--security-hub-region", "eu-west-1",
                "--fail-on", "none", "--format", "csv"));
        if (excepted) {
            Path exceptions = Files.writeString(dir.resolve("exceptions.yaml"), """
                    exceptions:
                      - rule: console-without-mfa
                        user: carol
                        reason: carol signs in through the vendor's SSO next month
                        expires: 2024-07-01
                    """);
            args.addAll(List.of("--exceptions", exceptions.toString()));
        }
        imported.clear();
        updates.clear();
        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL_SECURITYHUB", "http://127.0.0.1:" + server.getAddress().getPort())
                .variable("AWS_MAX_ATTEMPTS", "1").run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return result;
    }

    /** The finding as Security Hub would hold it after the import just made, with the workflow given. */
    ObjectNode held(String status, String noteBy) {
        ObjectNode finding = imported.get(0).deepCopy();
        finding.remove(List.of("Workflow", "Note"));
        finding.put("RecordState", "ACTIVE");
        if (status != null) {
            finding.set("Workflow", JSON.createObjectNode().put("Status", status));
        }
        if (noteBy != null) {
            finding.set("Note", JSON.createObjectNode().put("Text", "accepted").put("UpdatedBy", noteBy)
                    .put("UpdatedAt", "2024-06-01T00:00:00Z"));
        }
        return finding;
    }

    @Test
    void should_suppress_a_finding_excepted_after_it_was_imported() throws IOException {
        send(false);
        assertEquals(1, imported.size());
        existing = JSON.createArrayNode().add(held("NEW", null));

        send(true);

        assertEquals(1, updates.size(), "one BatchUpdateFindings: " + updates);
        JsonNode update = updates.get(0);
        assertEquals(imported.get(0).get("Id").asText(), update.get("FindingIdentifiers").get(0).get("Id").asText());
        assertEquals(imported.get(0).get("ProductArn").asText(), update.get("FindingIdentifiers").get(0).get("ProductArn").asText());
        assertEquals("SUPPRESSED", update.get("Workflow").get("Status").asText());
        assertTrue(update.get("Note").get("Text").asText().contains("carol signs in through the vendor's SSO"), update::toString);
        assertEquals("credreport", update.get("Note").get("UpdatedBy").asText());
    }

    @Test
    void should_not_update_a_finding_the_import_creates_or_one_already_suppressed_alike() throws IOException {
        send(true);
        assertEquals(List.of(), updates, "a new finding gets its workflow from the import");
        ObjectNode same = held("SUPPRESSED", "credreport");
        same.set("Note", imported.get(0).get("Note"));
        existing = JSON.createArrayNode().add(same);

        send(true);

        assertEquals(List.of(), updates, "nothing to change");
    }

    @Test
    void should_lift_its_own_suppression_once_the_exception_is_gone_and_leave_anyone_elses() throws IOException {
        send(true);
        existing = JSON.createArrayNode().add(held("SUPPRESSED", "credreport"));

        send(false);

        assertEquals(1, updates.size(), updates::toString);
        assertEquals("NEW", updates.get(0).get("Workflow").get("Status").asText());
        assertTrue(updates.get(0).get("Note").get("Text").asText().contains("counts again"), updates::toString);

        existing = JSON.createArrayNode().add(held("SUPPRESSED", "arn:aws:iam::123456789012:user/alice"));
        send(false);
        assertEquals(List.of(), updates, "a suppression someone else made is theirs");
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoOrganization;
import dev.credreport.support.MotoServer;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.RecordState;

/** audit --security-hub against moto's Security Hub (BatchImportFindings, GetFindings) over real HTTP. */
class SecurityHubAgainstMotoTest {
    static MotoServer moto;
    static SecurityHubClient hub;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
        hub = SecurityHubClient.builder().endpointOverride(moto.endpoint()).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stopMoto() {
        if (hub != null) {
            hub.close();
        }
    }

    @BeforeEach
    void reset() {
        moto.reset();
    }

    Result audit(String csv, String... extra) throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), csv);
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--input", report.toString(), "--as-of", "2024-06-01",
                "--security-hub", "--security-hub-region", "eu-west-1", "--fail-on", "none", "--format", "csv"));
        args.addAll(List.of(extra));
        return new CommandHarness().variable("AWS_ENDPOINT_URL_SECURITYHUB", moto.endpoint().toString())
                .run(args.toArray(String[]::new));
    }

    static Map<String, AwsSecurityFinding> findings() {
        return hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
                .collect(Collectors.toMap(AwsSecurityFinding::id, Function.identity()));
    }

    @Test
    void should_import_the_findings_then_again_without_duplicates_then_archive_what_was_fixed() throws IOException {
        Result first = audit(SampleReports.standard());
        assertEquals(0, first.exitCode(), first::toString);
        Map<String, AwsSecurityFinding> imported = findings();
        long expected = first.out().lines().count() - 1;
        assertEquals(expected, imported.size(), first.out());
        assertTrue(first.err().contains(expected + " findings imported, 0 earlier findings archived"), first.err());
        AwsSecurityFinding any = imported.values().iterator().next();
        assertEquals("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default", any.productArn());
        assertEquals("AwsIamUser", any.resources().get(0).type());

        Result again = audit(SampleReports.standard());
        assertEquals(0, again.exitCode(), again::toString);
        Map<String, AwsSecurityFinding> reimported = findings();
        assertEquals(imported.keySet(), reimported.keySet(), "no duplicates");
        for (AwsSecurityFinding finding : reimported.values()) {
            assertEquals(imported.get(finding.id()).firstObservedAt(), finding.firstObservedAt(), "first sighting kept");
            assertEquals(RecordState.ACTIVE, finding.recordState());
        }

        // carol is fixed: her row is gone from the report (deleted user), so her findings close.
        String fixed = SampleReports.lines(SampleReports.HEADER, SampleReports.ROOT, SampleReports.ALICE, SampleReports.BOB);
        Result later = audit(fixed);
        assertEquals(0, later.exitCode(), later::toString);
        Map<String, AwsSecurityFinding> after = findings();
        List<String> carols = after.keySet().stream().filter(id -> id.contains(":user/carol/")).toList();
        assertTrue(!carols.isEmpty(), "carol had findings: " + after.keySet());
        for (String id : carols) {
            assertEquals(RecordState.ARCHIVED, after.get(id).recordState(), id);
        }
        long active = after.values().stream().filter(f -> f.recordState() == RecordState.ACTIVE).count();
        assertEquals(later.out().lines().count() - 1, active);
        assertTrue(later.err().contains(carols.size() + (carols.size() == 1 ? " earlier finding archived" : " earlier findings archived")),
                later.err());
    }

    @Test
    void should_import_each_accounts_findings_into_that_account_with_org() {
        MotoOrganization organization = MotoOrganization.create(moto.endpoint(), "nomfa-");
        List<String> members = organization.memberIds();
        Map<String, AwsCredentialsProvider> roles = organization.members();

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .run("audit", "--org", "--security-hub", "--security-hub-region", "eu-west-1", "--fail-on", "none",
                        "--format", "asff", "--rules", "console-without-mfa");

        assertEquals(0, result.exitCode(), result::toString);
        for (String member : members) {
            try (SecurityHubClient memberHub = SecurityHubClient.builder().endpointOverride(moto.endpoint()).region(Region.EU_WEST_1)
                    .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(roles.get(member)).build()) {
                List<AwsSecurityFinding> findings = memberHub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream().toList();
                assertEquals(1, findings.size(), member + ": " + findings);
                assertEquals(member, findings.get(0).awsAccountId());
                assertEquals("arn:aws:iam::" + member + ":user/nomfa-" + member, findings.get(0).resources().get(0).id());
                assertEquals("arn:aws:securityhub:eu-west-1:" + member + ":product/" + member + "/default", findings.get(0).productArn());
            }
        }
        assertTrue(result.out().startsWith("["), result.out());
        assertEquals(2, result.out().split("\"GeneratorId\"").length - 1, "one ASFF array of both accounts' findings");
    }

    /** A fake Security Hub that answers GetFindings with nothing and BatchImportFindings with the given body. */
    static HttpServer fakeHub(int status, String importAnswer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean get = exchange.getRequestURI().getPath().equals("/findings");
            byte[] body = (get ? "{\"Findings\":[]}" : importAnswer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(get ? 200 : status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    Result auditAgainst(HttpServer server) throws IOException {
        Path report = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        return new CommandHarness().variable("AWS_ENDPOINT_URL_SECURITYHUB", "http://127.0.0.1:" + server.getAddress().getPort())
                .variable("AWS_MAX_ATTEMPTS", "1")
                .run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--security-hub",
                        "--security-hub-region", "eu-west-1", "--fail-on", "none", "--format", "csv");
    }

    @Test
    void should_fail_with_6_naming_how_many_findings_were_not_imported() throws IOException {
        HttpServer server = fakeHub(200, "{\"FailedCount\":2,\"SuccessCount\":1,\"FailedFindings\":["
                + "{\"Id\":\"x\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"bad\"},"
                + "{\"Id\":\"y\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"bad\"}]}");
        try {
            Result result = auditAgainst(server);
            assertEquals(6, result.exitCode(), result::toString);
            assertEquals("", result.out(), "no output from a failed run");
            assertTrue(result.err().contains("2 of "), result.err());
            assertTrue(result.err().contains("findings were not imported"), result.err());
            assertTrue(result.err().contains("finding x was not imported: InvalidInput: bad"), result.err());
            assertTrue(result.err().contains("finding y was not imported: InvalidInput: bad"), result.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void should_send_findings_in_batches_of_100() throws IOException {
        List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean get = exchange.getRequestURI().getPath().equals("/findings");
            if (!get) {
                batches.add(request.split("\"SchemaVersion\"").length - 1);
            }
            byte[] body = (get ? "{\"Findings\":[]}" : "{\"FailedCount\":0,\"SuccessCount\":1,\"FailedFindings\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<String> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 230; i++) {
                rows.add(SampleReports.CAROL.replace("carol", "user" + i));
            }
            Path report = Files.writeString(dir.resolve("big.csv"), SampleReports.lines(SampleReports.HEADER, rows.toArray(String[]::new)));
            Result result = new CommandHarness()
                    .variable("AWS_ENDPOINT_URL_SECURITYHUB", "http://127.0.0.1:" + server.getAddress().getPort())
                    .run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--security-hub", "--rules",
                            "console-without-mfa", "--security-hub-region", "eu-west-1", "--fail-on", "none", "--format", "csv");

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(List.of(100, 100, 30), batches);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void should_exit_4_when_security_hub_refuses() throws IOException {
        HttpServer server = fakeHub(403, "{\"__type\":\"AccessDeniedException\",\"Message\":\"not allowed\"}");
        try {
            Result result = auditAgainst(server);
            assertEquals(4, result.exitCode(), result::toString);
            assertEquals("", result.out());
            assertTrue(result.err().contains("securityhub:BatchImportFindings"), result.err());
        } finally {
            server.stop(0);
        }
    }
}

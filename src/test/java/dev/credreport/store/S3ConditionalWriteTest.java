package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What credreport sends S3 when it saves, seen by a recording endpoint: a conditional PUT with the
 * encryption asked for, and a plain PUT after the check where a store does not do conditional writes.
 */
class S3ConditionalWriteTest {
    record Seen(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    HttpServer s3;
    FakeIam iam;
    volatile boolean conditionalSupported = true;

    @BeforeEach
    void start() throws IOException {
        iam = FakeIam.start().onGenerate(FakeIam.state("COMPLETE"))
                .onGet(FakeIam.report(SampleReports.standard(), Instant.parse("2024-06-01T11:59:00Z")));
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(404, -1);
            } else if (exchange.getRequestHeaders().containsKey("If-None-Match") && !conditionalSupported) {
                byte[] body = "<Error><Code>NotImplemented</Code><Message>no conditional writes</Message></Error>".getBytes();
                exchange.sendResponseHeaders(501, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef\"");
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        s3.start();
    }

    @AfterEach
    void stop() {
        s3.stop(0);
        iam.close();
    }

    CommandHarness.Result save(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString(),
                "--output-dir", "s3://bucket-a/p"));
        args.addAll(List.of(extra));
        return new CommandHarness().variable("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getAddress().getPort())
                .run(args.toArray(String[]::new));
    }

    List<Seen> puts() {
        return seen.stream().filter(s -> s.method().equals("PUT")).toList();
    }

    @Test
    void should_put_only_where_no_object_is_with_the_encryption_asked_for() {
        CommandHarness.Result result = save("--sse", "aws:kms", "--sse-kms-key-id", "alias/reports");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("GET", seen.get(0).method(), "the check before the run lists the prefix");
        assertEquals("HEAD", seen.get(1).method(), "checks before writing");
        Seen put = puts().get(0);
        assertEquals("/bucket-a/p/dt=2024-06-01/credential-report-123456789012-20240601T115900Z.csv", put.path(),
                "path-style for an IP endpoint");
        assertEquals("*", put.header("If-None-Match"));
        assertEquals("aws:kms", put.header("x-amz-server-side-encryption"));
        assertEquals("alias/reports", put.header("x-amz-server-side-encryption-aws-kms-key-id"));
        assertEquals("2024-06-01T11:59:00Z", put.header("x-amz-meta-generated-time"));
    }

    @Test
    void should_send_no_encryption_header_by_default_so_the_bucket_default_applies() {
        CommandHarness.Result result = save();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(null, puts().get(0).header("x-amz-server-side-encryption"));
    }

    @Test
    void should_fall_back_to_the_check_where_conditional_writes_are_not_supported() {
        conditionalSupported = false;

        CommandHarness.Result result = save();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(2, puts().size(), seen::toString);
        assertEquals("*", puts().get(0).header("If-None-Match"));
        assertEquals(null, puts().get(1).header("If-None-Match"));
        assertTrue(result.out().endsWith("credential-report-123456789012-20240601T115900Z.csv\n"), result.out());
    }
}

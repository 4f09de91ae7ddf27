package dev.credreport.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A loopback endpoint that answers every request with one AWS error, as the service's protocol
 * writes it: S3's REST XML {@code <Error><Code>}, or the JSON of REST-JSON services (Security Hub)
 * with the code in {@code x-amzn-ErrorType}. A HEAD request gets the status and headers alone, as
 * S3 answers it. (The Query protocol of IAM and STS is {@link FakeIam}'s.)
 */
public final class FakeAwsErrors implements AutoCloseable {
    private final HttpServer server;

    /** One answer: status, headers and body (none for HEAD). */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private FakeAwsErrors(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake endpoint", e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("x-amz-request-id", "fake-request-id");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    public static FakeAwsErrors answering(Answer answer) {
        return new FakeAwsErrors(answer);
    }

    /** S3's error document. */
    public static Answer s3(int status, String code, String message) {
        return new Answer(status, Map.of("Content-Type", "application/xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Error><Code>" + code + "</Code><Message>" + message + "</Message>"
                + "<RequestId>FAKE0REQUEST0ID</RequestId><HostId>fake-host-id</HostId></Error>");
    }

    /** A REST-JSON service's error: the type in x-amzn-ErrorType, the message in the body. */
    public static Answer json(int status, String type, String message) {
        return new Answer(status, Map.of("Content-Type", "application/json",
                "x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.coral.service/"),
                "{\"message\":\"" + message + "\"}");
    }

    /** A status and headers with no body: what S3 answers a HEAD request with. */
    public static Answer bare(int status, Map<String, String> headers) {
        return new Answer(status, headers, "");
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

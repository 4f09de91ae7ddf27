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

    /** S3's answer to a listing of a bucket that holds nothing under the prefix. */
    private static final Answer EMPTY_LISTING = new Answer(200, Map.of("Content-Type", "application/xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<Name>bucket</Name><Prefix>reports/</Prefix><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys>"
                    + "<IsTruncated>false</IsTruncated></ListBucketResult>");

    private FakeAwsErrors(Answer answer) {
        this(answer, false);
    }

    /** @param headOnly whether only HEAD requests get the answer, a listing an empty bucket's (the check before a save) */
    private FakeAwsErrors(Answer headAnswer, boolean headOnly) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake endpoint", e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Answer answer = headOnly && !exchange.getRequestMethod().equals("HEAD") ? EMPTY_LISTING : headAnswer;
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

    /** An S3 that lets its (empty) bucket be listed and answers every HEAD request so. */
    public static FakeAwsErrors answeringHeads(Answer answer) {
        return new FakeAwsErrors(answer, true);
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

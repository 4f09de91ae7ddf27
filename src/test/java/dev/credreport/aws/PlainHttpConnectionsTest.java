package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class PlainHttpConnectionsTest {

    @Test
    void opens_plain_http_with_the_settings_timeouts() throws Exception {
        HttpURLConnection connection = PlainHttpConnections.forTest(Duration.ofMillis(1234), Duration.ofMillis(5678))
                .createConnection(URI.create("http://127.0.0.1:1/"));
        assertEquals(1234, connection.getConnectTimeout());
        assertEquals(5678, connection.getReadTimeout());
    }

    @Test
    void never_opens_tls() {
        var connections = PlainHttpConnections.forTest(Duration.ZERO, Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> connections.createConnection(URI.create("https://iam.amazonaws.com/")));
    }

    @Test
    void serves_a_request_over_loopback_as_the_sdk_builder_s_client_does() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("got " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (SdkHttpClient client = PlainHttpConnections.clientOrNull(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            assertNotNull(client, "no proxy is configured in the test JVM");
            byte[] form = "Action=GetCredentialReport".getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                    .putHeader("Content-Length", String.valueOf(form.length)).build();
            var response = client.prepareRequest(HttpExecuteRequest.builder().request(request)
                    .contentStreamProvider(() -> new ByteArrayInputStream(form)).build()).call();
            assertEquals(200, response.httpResponse().statusCode());
            assertEquals("got Action=GetCredentialReport",
                    new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void leaves_a_configured_proxy_to_the_sdk_builder() {
        String before = System.getProperty("http.proxyHost");
        System.setProperty("http.proxyHost", "proxy.example");
        try {
            assertNull(PlainHttpConnections.clientOrNull(Duration.ZERO, Duration.ZERO));
        } finally {
            if (before == null) {
                System.clearProperty("http.proxyHost");
            } else {
                System.setProperty("http.proxyHost", before);
            }
        }
    }
}

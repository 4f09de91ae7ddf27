package dev.credreport.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Connections for endpoints that are all plain HTTP (an emulator, a local proxy), opened without
 * TLS. The url-connection client's builder sets up a TLS context whether or not a request will
 * ever use it, which is a tenth of a fetch's start (about 200 classes of JSSE and its ciphers);
 * this opens the connection as that builder's own would, with the same timeouts, and no TLS.
 *
 * <p>Used only where no proxy is configured (JVM properties or the environment, as the SDK reads
 * them): where one is, the SDK's builder chooses and authorises it, and nothing here repeats that.
 */
final class PlainHttpConnections implements UrlConnectionFactory {
    private final int connectMillis;
    private final int readMillis;

    private PlainHttpConnections(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /** A client for plain HTTP endpoints, or null where a proxy is configured (then the SDK's builder decides). */
    static SdkHttpClient clientOrNull(Duration connectTimeout, Duration readTimeout) {
        if (ProxyConfiguration.builder().build().host() != null) {
            return null;
        }
        return UrlConnectionHttpClient.create(new PlainHttpConnections(connectTimeout, readTimeout));
    }

    static PlainHttpConnections forTest(Duration connectTimeout, Duration readTimeout) {
        return new PlainHttpConnections(connectTimeout, readTimeout);
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            // Never reached: only endpoints that are all plain HTTP get this client. Said in words
            // all the same, instead of a TLS connection without a trust decision.
            throw new IllegalStateException("plain-HTTP client asked for " + uri.getScheme() + ": " + uri.getHost());
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(readMillis);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

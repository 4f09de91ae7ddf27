package dev.credreport.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The one HTTP client of a run, able to send PATCH too: Security Hub's BatchUpdateFindings is a PATCH,
 * which the SDK's url-connection client cannot send (HttpURLConnection knows no PATCH), and the SDK's
 * other clients are not ours to ship. Every other request goes through the url-connection client as
 * before; a PATCH goes through the JDK's own {@link HttpClient}, with the same timeouts and TLS trust
 * (the JVM's, AWS_CA_BUNDLE's, or none with --no-verify-ssl), built on the first PATCH only.
 */
final class PatchOverJdkHttp implements SdkHttpClient {
    /** Headers the JDK's client sets itself and refuses from callers; it sends the same values. */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final SdkHttpClient delegate;
    private final AwsSettings settings;
    private HttpClient patching;

    PatchOverJdkHttp(SdkHttpClient delegate, AwsSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (request.httpRequest().method() != SdkHttpMethod.PATCH) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            private volatile java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> sent;

            @Override
            public HttpExecuteResponse call() throws IOException {
                sent = client().sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
                try {
                    return sdkResponse(sent.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }

            @Override
            public void abort() {
                if (sent != null) {
                    sent.cancel(true);
                }
            }
        };
    }

    private HttpRequest jdkRequest(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(http.getUri())
                .method(http.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.readTimeout().isZero()) {
            builder.timeout(settings.readTimeout());
        }
        for (Map.Entry<String, List<String>> header : http.headers().entrySet()) {
            if (!SET_BY_THE_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.build();
    }

    private static HttpExecuteResponse sdkResponse(HttpResponse<InputStream> response) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                http.putHeader(name, values);
            }
        });
        return HttpExecuteResponse.builder().response(http.build())
                .responseBody(AbortableInputStream.create(response.body())).build();
    }

    private synchronized HttpClient client() throws IOException {
        if (patching == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            if (!settings.connectTimeout().isZero()) {
                builder.connectTimeout(settings.connectTimeout());
            }
            TrustManager[] trust = !settings.verifyTls() ? new TrustManager[] {NoTls.TRUST_ALL}
                    : settings.caBundle() != null ? PemTrustManagers.load(settings.caBundle()) : null;
            if (trust != null) {
                try {
                    SSLContext tls = SSLContext.getInstance("TLS");
                    tls.init(null, trust, null);
                    builder.sslContext(tls);
                } catch (GeneralSecurityException e) {
                    throw new IOException("cannot set up TLS: " + e.getMessage(), e);
                }
            }
            patching = builder.build();
        }
        return patching;
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    /** Closes nothing: the url-connection client is the caller's, and the JDK's client holds no more than idle connections. */
    @Override
    public void close() {
    }
}

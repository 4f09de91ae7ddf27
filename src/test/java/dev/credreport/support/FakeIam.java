package dev.credreport.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A fake IAM endpoint: real HTTP on loopback speaking the Query protocol, so that tests drive the
 * real SDK client. Each action answers from a script of replies; the last reply repeats.
 */
public final class FakeIam implements AutoCloseable {
    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final ServerSocket server;
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Whether each request is kept for {@link #requests} and {@link #arrivals}: copy-on-write lists cost O(n) a request. */
    private volatile boolean recording = true;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** A request as received. */
    public record Request(String action, Map<String, String> headers, Map<String, String> form, String body) {
        /** The access key id the request was signed with. */
        public String accessKey() {
            String authorization = headers.getOrDefault("authorization", "");
            int start = authorization.indexOf("Credential=") + "Credential=".length();
            return authorization.substring(start, authorization.indexOf('/', start));
        }

        /** The region of the signature's credential scope. */
        public String signingRegion() {
            String authorization = headers.getOrDefault("authorization", "");
            String[] scope = authorization.substring(authorization.indexOf("Credential=")).split("/");
            return scope[2];
        }
    }

    /** When a request arrived, on the fake's clock, for tests of the polling schedule. */
    public record Arrival(String action, Instant at) {
    }

    /** One scripted answer. */
    public interface Reply {
        void send(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final String scheme;
    private volatile java.util.function.Function<Request, Reply> router;
    private volatile Clock clock = Clock.systemUTC();

    private FakeIam(ServerSocket server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        acceptor = new Thread(this::acceptLoop, "fake-iam-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeIam start() {
        try {
            return new FakeIam(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake IAM endpoint", e);
        }
    }

    /** The same over TLS, with the server certificate of the given context. */
    public static FakeIam startTls(SSLContext tls) {
        try {
            return new FakeIam(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), "https");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake IAM endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort());
    }

    /** Tells arrivals by this clock: the fake time of the command under test. */
    public FakeIam clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Answers every request with a function of it instead of the scripts: a fake with behaviour. */
    public FakeIam route(java.util.function.Function<Request, Reply> router) {
        this.router = router;
        return this;
    }

    /** Scripts any action, e.g. STS's AssumeRole for a role profile. */
    public FakeIam on(String action, Reply... replies) {
        scripts.put(action, List.of(replies));
        return this;
    }

    public FakeIam onGenerate(Reply... replies) {
        scripts.put("GenerateCredentialReport", List.of(replies));
        return this;
    }

    public FakeIam onGet(Reply... replies) {
        scripts.put("GetCredentialReport", List.of(replies));
        return this;
    }

    /**
     * Keeps no request for {@link #requests}, {@link #actions} and {@link #arrivals} (counts still
     * count): for the benchmark's hundreds of thousands of requests, which copy-on-write lists would
     * make cost the square of their number.
     */
    public FakeIam withoutRecording() {
        recording = false;
        return this;
    }

    /** How many requests of an action arrived. */
    public int count(String action) {
        AtomicInteger count = counts.get(action);
        return count == null ? 0 : count.get();
    }

    public List<String> actions() {
        List<String> actions = new ArrayList<>();
        for (Request request : requests) {
            actions.add(request.action());
        }
        return actions;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(requests);
    }

    public List<Arrival> arrivals() {
        return Collections.unmodifiableList(arrivals);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // --- replies -------------------------------------------------------------------------------

    public static Reply state(String state) {
        return xml(200, "<GenerateCredentialReportResponse xmlns=\"" + NAMESPACE + "\"><GenerateCredentialReportResult>"
                + "<State>" + state + "</State><Description>No report exists. Starting a new report generation task</Description>"
                + "</GenerateCredentialReportResult><ResponseMetadata><RequestId>req-generate</RequestId></ResponseMetadata>"
                + "</GenerateCredentialReportResponse>");
    }

    public static Reply report(String csv, Instant generated) {
        return report(csv.getBytes(StandardCharsets.UTF_8), generated);
    }

    public static Reply report(byte[] content, Instant generated) {
        return xml(200, "<GetCredentialReportResponse xmlns=\"" + NAMESPACE + "\"><GetCredentialReportResult>"
                + "<Content>" + Base64.getEncoder().encodeToString(content) + "</Content>"
                + "<ReportFormat>text/csv</ReportFormat>"
                + "<GeneratedTime>" + generated + "</GeneratedTime>"
                + "</GetCredentialReportResult><ResponseMetadata><RequestId>req-get</RequestId></ResponseMetadata>"
                + "</GetCredentialReportResponse>");
    }

    public static Reply error(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        return xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>req-error</RequestId></ErrorResponse>");
    }

    public static Reply xml(int status, String body) {
        return raw(status, "text/xml", body);
    }

    public static Reply raw(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\n"
                    + "x-amzn-RequestId: req-fake\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        };
    }

    /**
     * Answers as the given reply does only after {@code delay}: a server slower than the read
     * timeout. It waits on the connection, not the clock, so a client that gives up and hangs up
     * ends the wait at once.
     */
    public static Reply stall(Duration delay, Reply then) {
        return (socket, out) -> {
            socket.setSoTimeout((int) delay.toMillis());
            try {
                if (socket.getInputStream().read() == -1) {
                    return;
                }
            } catch (java.net.SocketTimeoutException slowerClient) {
                // the delay is over: answer
            } catch (IOException hungUp) {
                return;
            }
            then.send(socket, out);
        };
    }

    /** Closes the connection without answering. */
    public static Reply hangUp() {
        return (socket, out) -> socket.close();
    }

    // --- the server ----------------------------------------------------------------------------

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), "fake-iam-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Map<String, String> headers = readHeaders(in);
            if (headers == null) {
                return;
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            Map<String, String> form = parseForm(body);
            String target = headers.get("x-amz-target");
            // JSON-protocol services (Organizations) name the action in a header, Query ones in the form.
            String action = target != null ? target.substring(target.indexOf('.') + 1) : form.getOrDefault("Action", "");
            Request request = new Request(action, headers, form, body);
            if (recording) {
                requests.add(request);
                arrivals.add(new Arrival(action, clock.instant()));
            }
            int index = counts.computeIfAbsent(action, a -> new AtomicInteger()).getAndIncrement();
            Reply reply;
            if (router != null) {
                reply = router.apply(request);
            } else {
                List<Reply> script = scripts.get(action);
                reply = script == null || script.isEmpty()
                        ? error(400, "InvalidAction", "The fake IAM endpoint has no script for " + action)
                        : script.get(Math.min(index, script.size() - 1));
            }
            reply.send(socket, socket.getOutputStream());
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }
}

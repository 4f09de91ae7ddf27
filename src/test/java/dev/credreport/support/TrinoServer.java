package dev.credreport.support;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Trino server (the engine Athena's version 3 runs on), from its Maven Central distribution that
 * the build copies beside the classes, started in a JVM 25 process of its own on a loopback port,
 * with one catalog: {@code hive}, on Trino's file metastore, whose {@code local://} file system is
 * rooted at a directory the test fills. A location {@code s3://BUCKET/KEY} maps to
 * {@code local:///BUCKET/KEY}, that is the file {@code ROOT/BUCKET/KEY}.
 *
 * <p>Where the distribution or a JDK 25 is missing (an IDE run), the test is skipped with the
 * reason; in CI (CI=true) that is a failure, as for moto.
 */
public final class TrinoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TrinoServer(Process process, URI endpoint, Path root, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
        this.log = log;
    }

    /** Unpacks the distribution into {@code work} (once) and starts a server whose file system is {@code work/root-N}. */
    public static TrinoServer start(Path work) {
        Path archive = Path.of(System.getProperty("trino.server.archive", "target/trino/trino-server.tar.gz"));
        String version = System.getProperty("trino.version", "476");
        if (!Files.isRegularFile(archive)) {
            unavailable("the Trino distribution " + archive + " is missing (mvn verify copies it)");
        }
        Path java = jdk25().orElse(null);
        if (java == null) {
            unavailable("no JDK 25 found (JAVA25_HOME, or /usr/lib/jvm/*25*): Trino " + version + " needs one");
        }
        try {
            Path server = unpack(archive, work, version);
            Path root = Files.createTempDirectory(work, "root-");
            Files.createDirectories(root.resolve("metastore"));
            Path etc = Files.createTempDirectory(work, "etc-");
            Files.createDirectories(etc.resolve("catalog"));
            int port = freePort();
            Files.writeString(etc.resolve("config.properties"), String.join("\n",
                    "coordinator=true",
                    "node-scheduler.include-coordinator=true",
                    "http-server.http.port=" + port,
                    "discovery.uri=http://127.0.0.1:" + port,
                    "plugin.dir=" + server.resolveSibling("plugins"),
                    "query.max-memory=512MB",
                    "query.max-memory-per-node=512MB",
                    ""));
            Files.writeString(etc.resolve("node.properties"), String.join("\n",
                    "node.environment=credreport_it", "node.id=credreport-it", "node.data-dir=" + etc.resolve("data"),
                    // Loopback only: nothing but this test talks to it.
                    "node.bind-ip=127.0.0.1", "node.internal-address=127.0.0.1", ""));
            Files.writeString(etc.resolve("log.properties"), "io.trino=WARN\n");
            Files.writeString(etc.resolve("catalog/hive.properties"), String.join("\n",
                    "connector.name=hive",
                    "hive.metastore=file",
                    "hive.metastore.catalog.dir=local:///metastore",
                    "fs.native-local.enabled=true",
                    "local.location=" + root,
                    // S3 has no directories: Athena reads a projected day without reports as empty, and so does this.
                    "hive.ignore-absent-partitions=true",
                    ""));
            Path log = etc.resolve("server.log");
            Process process = new ProcessBuilder(java.toString(), "-Xmx2G", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dconfig=" + etc.resolve("config.properties"), "-Dlog.levels-file=" + etc.resolve("log.properties"),
                    "-Dcatalog.config-dir=" + etc.resolve("catalog"), "-Dnode.environment=credreport_it",
                    "-Dnode.id=credreport-it", "-Dnode.data-dir=" + etc.resolve("data"), "-Dnode.bind-ip=127.0.0.1",
                    "-Dnode.internal-address=127.0.0.1",
                    "-cp", server.resolve("lib") + "/*", "io.trino.server.TrinoServer")
                    // Trino writes var/log/ below its working directory: keep it out of the work tree.
                    .directory(etc.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            TrinoServer trino = new TrinoServer(process, URI.create("http://127.0.0.1:" + port), root, log);
            trino.awaitReady();
            return trino;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Trino", e);
        }
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + ": the Athena queries must be tested in CI");
        }
        abort(reason + ": Athena query tests skipped");
    }

    /** A JDK 25's java: JAVA25_HOME, else the first /usr/lib/jvm/*25* that has one. */
    static Optional<Path> jdk25() {
        String home = System.getenv("JAVA25_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Optional.of(Path.of(home, "bin", "java"));
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(dir -> dir.getFileName().toString().matches(".*-25([.-].*)?"))
                    .sorted()
                    .map(dir -> dir.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The server's lib/ and its Hive plugin alone (one plugin starts in seconds, all of them in
     * minutes): tar resolves the hard links the archive holds between plugins, then the rest goes.
     */
    private static Path unpack(Path archive, Path work, String version) throws IOException {
        Path server = work.resolve("trino-server-" + version);
        Path plugins = work.resolve("plugins");
        if (Files.isDirectory(plugins.resolve("hive")) && Files.isDirectory(server.resolve("lib"))) {
            return server;
        }
        Files.createDirectories(work);
        run(List.of("tar", "-xzf", archive.toString(), "-C", work.toString(),
                "trino-server-" + version + "/lib", "trino-server-" + version + "/plugin"));
        Files.createDirectories(plugins);
        Files.move(server.resolve("plugin/hive"), plugins.resolve("hive"));
        deleteTree(server.resolve("plugin"));
        return server;
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> info = http.send(HttpRequest.newBuilder(endpoint.resolve("/v1/info"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200 && !JSON.readTree(info.body()).path("starting").asBoolean(true)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        close();
        throw new IllegalStateException("Trino did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Where {@code s3://BUCKET/KEY} lies on this machine, for the test to put objects. */
    public Path fileOf(String bucket, String key) {
        return root.resolve(bucket).resolve(key);
    }

    /** The location Trino reads for an s3:// one: {@code local:///BUCKET/KEY}. */
    public static String localLocation(String s3) {
        if (!s3.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// location: " + s3);
        }
        return "local:///" + s3.substring("s3://".length());
    }

    /**
     * Runs one statement in catalog hive (schema credreport), UTC as Athena has it, and returns its
     * rows as Trino's protocol gives them (times as text, booleans and numbers as JSON).
     *
     * @throws AssertionError with Trino's message when the statement fails
     */
    public List<List<JsonNode>> query(String sql) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/v1/statement"))
                    .header("X-Trino-User", "credreport-it")
                    .header("X-Trino-Catalog", "hive")
                    .header("X-Trino-Schema", "credreport")
                    .header("X-Trino-Time-Zone", "UTC")
                    .POST(HttpRequest.BodyPublishers.ofString(sql))
                    .build();
            JsonNode page = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            List<List<JsonNode>> rows = new ArrayList<>();
            while (true) {
                if (page.has("error")) {
                    throw new AssertionError("Trino refused:\n" + sql + "\n" + page.get("error").path("errorName").asText()
                            + ": " + page.get("error").path("message").asText());
                }
                for (JsonNode row : page.path("data")) {
                    List<JsonNode> values = new ArrayList<>();
                    row.forEach(values::add);
                    rows.add(values);
                }
                if (!page.has("nextUri")) {
                    return rows;
                }
                page = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(page.get("nextUri").asText())).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

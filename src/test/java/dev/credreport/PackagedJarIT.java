package dev.credreport;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar and the launcher, run as separate processes exactly as users run them. */
class PackagedJarIT {
    @TempDir
    Path dir;

    record Run(int exitCode, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("AWS_PROFILE");
        builder.environment().remove("AWS_ACCESS_KEY_ID");
        builder.environment().remove("AWS_SECRET_ACCESS_KEY");
        builder.environment().remove("AWS_SESSION_TOKEN");
        // No archive training in the background of every test run; the CDS test turns it on.
        builder.environment().put("CREDREPORT_CDS", "off");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] err;
        byte[] out;
        try (var stderr = process.getErrorStream()) {
            var errReader = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread drain = new Thread(() -> {
                try {
                    errReader.complete(stderr.readAllBytes());
                } catch (IOException e) {
                    errReader.completeExceptionally(e);
                }
            });
            drain.start();
            out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished within a minute");
            err = errReader.join();
        }
        return new Run(process.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }

    static String jar() {
        return System.getProperty("credreport.jar");
    }

    static String launcher() {
        return System.getProperty("credreport.launcher");
    }

    static List<String> javaJar(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void should_print_the_version_from_the_jar_and_the_launcher() throws Exception {
        Run jar = run(Map.of(), javaJar("--version").toArray(String[]::new));
        Run launcher = run(Map.of(), launcher(), "--version");

        assertEquals(0, jar.exitCode(), jar.err());
        assertTrue(jar.outText().startsWith("credreport "), jar.outText());
        assertEquals(jar.outText(), launcher.outText());
        assertEquals("", launcher.err());
    }

    @Test
    void should_pass_a_saved_report_through_byte_for_byte() throws Exception {
        byte[] csv = ("\uFEFF" + SampleReports.standard().replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("report.csv"), csv);

        Run run = run(Map.of("LANG", "C", "LC_ALL", "C"), launcher(), "fetch", "--input", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(new String(csv, StandardCharsets.UTF_8), run.outText());
        assertTrue(java.util.Arrays.equals(csv, run.out()), "the same bytes, whatever the locale");
    }

    @Test
    void should_fetch_from_iam_with_no_slf4j_warning_and_exit_with_the_right_codes() throws Exception {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), Instant.now()));
            Map<String, String> credentials = Map.of(
                    "AWS_ACCESS_KEY_ID", CommandHarness.TEST_ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", CommandHarness.TEST_SECRET_KEY);

            Run ok = run(credentials, launcher(), "fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "blocks");
            iam.onGenerate(FakeIam.error(403, "AccessDenied", "not authorized"));
            Run denied = run(credentials, launcher(), "fetch", "--endpoint-url", iam.endpoint().toString());

            assertEquals(0, ok.exitCode(), ok.err());
            assertEquals("", ok.err(), "no SLF4J or SDK chatter on stderr");
            assertEquals(4, ok.outText().lines().filter(line -> line.startsWith("User: ")).count());
            assertEquals(4, denied.exitCode(), denied.err());
            assertTrue(denied.err().startsWith("credreport: access denied"), denied.err());
            assertEquals(1, denied.err().lines().count(), denied.err());
        }
    }

    @Test
    void should_make_a_class_data_sharing_archive_per_kind_of_run_and_survive_a_broken_one() throws Exception {
        Path cache = dir.resolve("cache");
        Path file = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        Map<String, String> environment = Map.of("CREDREPORT_CACHE_DIR", cache.toString(), "CREDREPORT_CDS", "on");

        Run first = run(environment, launcher(), "fetch", "--input", file.toString(), "--format", "json");
        Path archive = awaitArchive(cache);
        Run archived = run(environment, launcher(), "fetch", "--input", file.toString(), "--format", "json");
        // Each kind of run makes its own archive the first time it runs.
        run(environment, launcher(), "fetch", "--input", file.toString(), "--format", "blocks");
        awaitArchives(cache, 2);
        List<String> fromTheJar = classesFromTheJar(environment, "fetch", "--input", file.toString(), "--format", "blocks");
        List<String> fromTheJarForAws;
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), Instant.now()));
            Map<String, String> withKeys = new java.util.HashMap<>(environment);
            withKeys.put("AWS_ACCESS_KEY_ID", CommandHarness.TEST_ACCESS_KEY);
            withKeys.put("AWS_SECRET_ACCESS_KEY", CommandHarness.TEST_SECRET_KEY);
            run(withKeys, launcher(), "fetch", "--endpoint-url", iam.endpoint().toString(), "-q");
            awaitArchives(cache, 3);
            fromTheJarForAws = classesFromTheJar(withKeys, "fetch", "--endpoint-url", iam.endpoint().toString(), "-q");
        }
        List<Path> kinds = awaitArchives(cache, 3);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");
        Run broken = run(environment, launcher(), "fetch", "--input", file.toString(), "--format", "json");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.outText().contains("\"user\": \"bob,ops\""), first.outText());
        // A class the archive lacks is read, verified and linked from the jar at every run.
        assertEquals(List.of(), fromTheJar, "classes a fetch of a report with a quoted name loads from the jar");
        assertEquals(List.of(), fromTheJarForAws, "classes a fetch from IAM loads from the jar");
        assertEquals(List.of("input-json", "input-blocks", "http-default"),
                kinds.stream().map(path -> path.getFileName().toString().replaceAll("credreport-[0-9]+-(.*)-[0-9]+\\.jsa", "$1")).toList());
        // The JVM maps all of an archive: one for reading a file holds none of the SDK's classes.
        long forFiles = Files.size(kinds.get(1));
        long forAws = Files.size(kinds.get(2));
        assertTrue(forFiles * 3 < forAws, "archive for fetch --input " + forFiles + " bytes, for a fetch from IAM " + forAws);
        for (Run later : List.of(archived, broken)) {
            assertEquals(0, later.exitCode(), later.err());
            assertEquals(first.outText(), later.outText());
            assertEquals("", later.err(), "a stale or broken archive says nothing");
        }
    }

    /** The classes a launcher run loads from credreport.jar rather than from its class-data archive. */
    private List<String> classesFromTheJar(Map<String, String> environment, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Map<String, String> logged = new java.util.HashMap<>(environment);
        logged.put("CREDREPORT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        List<String> command = new ArrayList<>(List.of(launcher()));
        command.addAll(List.of(args));
        Run run = run(logged, command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(line -> line.contains("dev.credreport.Main source: shared objects file")),
                "the run used the archive: " + lines.stream().filter(line -> line.contains("dev.credreport.Main ")).toList());
        return lines.stream().filter(line -> line.contains("credreport.jar")).map(line -> line.replaceAll(".*\\] (\\S+) .*", "$1")).toList();
    }

    @Test
    void should_keep_an_archive_per_install_in_a_shared_cache_and_prune_only_long_unused_ones() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path file = Files.writeString(dir.resolve("report.csv"), SampleReports.standard());
        Map<String, String> environment = Map.of("CREDREPORT_CACHE_DIR", cache.toString(), "CREDREPORT_CDS", "on");
        String first = install(dir.resolve("first"));
        String second = install(dir.resolve("second"));
        // An archive of an install gone long ago, and one of another install in use.
        Path abandoned = Files.writeString(cache.resolve("credreport-1-2.jsa"), "old");
        var longAgo = java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(60)));
        Files.getFileAttributeView(abandoned, java.nio.file.attribute.BasicFileAttributeView.class).setTimes(longAgo, longAgo, null);
        Path inUse = Files.writeString(cache.resolve("credreport-3-4.jsa"), "recent");

        run(environment, first, "fetch", "--input", file.toString());
        Path firstArchive = awaitArchives(cache, 2).get(0);
        var made = Files.getLastModifiedTime(firstArchive);
        run(environment, second, "fetch", "--input", file.toString());
        List<Path> both = awaitArchives(cache, 3);
        // The same kind of run (csv, chosen as the default when standard output is no terminal).
        Run again = run(environment, first, "fetch", "--input", file.toString());

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(SampleReports.standard(), again.outText());
        assertTrue(both.contains(firstArchive), "the second install left the first one's archive: " + both);
        assertEquals(both, awaitArchives(cache, 3));
        assertEquals(made, Files.getLastModifiedTime(firstArchive), "the first install, run again, used its archive");
        assertTrue(Files.exists(inUse), "a recently used archive of another install is kept");
        assertTrue(!Files.exists(abandoned), "an archive unused for 60 days is pruned");
    }

    /** A copy of the launcher and jar in a directory of its own, as a second install would be. */
    static String install(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.copy(Path.of(jar()), directory.resolve("credreport.jar"));
        Path launcher = Files.copy(Path.of(launcher()), directory.resolve("credreport"));
        launcher.toFile().setExecutable(true);
        return launcher.toString();
    }

    /**
     * Waits until the cache holds {@code count} archives and no training run is still going (no
     * lock), then lists the real ones (credreport-INSTALL-KIND-VERSION.jsa), sorted by age.
     */
    static List<Path> awaitArchives(Path cache, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            List<Path> archives;
            boolean training;
            try (var files = Files.list(cache)) {
                List<Path> all = files.toList();
                training = all.stream().anyMatch(path -> path.toString().endsWith(".lock") || path.toString().endsWith(".tmp"));
                archives = all.stream().filter(path -> path.toString().endsWith(".jsa")).toList();
            }
            if (archives.size() >= count && !training) {
                List<Path> real = new ArrayList<>(archives.stream().filter(path -> Files.isRegularFile(path)
                        && !path.getFileName().toString().matches("credreport-[0-9]-[0-9]\\.jsa")).toList());
                real.sort(java.util.Comparator.comparing(path -> path.toFile().lastModified()));
                return real;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " archives in " + cache + " after three minutes: " + archives);
            }
            Thread.sleep(200);
        }
    }

    static Path awaitArchive(Path cache) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache)) {
                try (var files = Files.list(cache)) {
                    var archive = files.filter(path -> path.getFileName().toString().endsWith(".jsa")).findFirst();
                    if (archive.isPresent()) {
                        return archive.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive in " + cache + " after two minutes");
    }

    /** Serves canned JSON on loopback by path; 404 for any other path. */
    static com.sun.net.httpserver.HttpServer serve(Map<String, String> bodies, List<String> seen) throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String body = bodies.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    static String credentialsJson(String accessKey, String token) {
        return "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + accessKey
                + "\",\"SecretAccessKey\":\"fixture-secret\",\"Token\":\"" + token + "\",\"Expiration\":\""
                + Instant.now().plusSeconds(3600) + "\"}";
    }

    @Test
    void should_use_container_credentials_as_in_cloudshell() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var credentials = serve(Map.of("GET /creds", credentialsJson("ASIACONTAINERFIXTURE", "container-token")), seen);
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), Instant.now()));

            Run run = run(Map.of(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + credentials.getAddress().getPort() + "/creds",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN", "fixture-authorization"),
                    launcher(), "fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv", "-q");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(SampleReports.standard(), run.outText());
            assertEquals("ASIACONTAINERFIXTURE", iam.requests().get(0).accessKey());
            assertEquals("container-token", iam.requests().get(0).headers().get("x-amz-security-token"));
            assertTrue(seen.contains("GET /creds fixture-authorization"), seen::toString);
        } finally {
            credentials.stop(0);
        }
    }

    @Test
    void should_use_instance_metadata_credentials() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var metadata = serve(Map.of(
                "PUT /latest/api/token", "fixture-imds-token",
                "GET /latest/meta-data/iam/security-credentials/", "audit-role",
                "GET /latest/meta-data/iam/security-credentials/audit-role", credentialsJson("ASIAINSTANCEFIXTURE1", "instance-token")),
                seen);
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(state("COMPLETE")).onGet(report(SampleReports.standard(), Instant.now()));

            Run run = run(Map.of(
                    "AWS_EC2_METADATA_DISABLED", "false",
                    "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + metadata.getAddress().getPort()),
                    launcher(), "fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv", "-q");

            assertEquals(0, run.exitCode(), run.err() + seen);
            assertEquals("ASIAINSTANCEFIXTURE1", iam.requests().get(0).accessKey());
            assertEquals("instance-token", iam.requests().get(0).headers().get("x-amz-security-token"));
        } finally {
            metadata.stop(0);
        }
    }

    @Test
    void should_stop_quietly_when_the_reader_closes_the_pipe() throws Exception {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        for (int i = 0; i < 50_000; i++) {
            csv.append(SampleReports.ALICE.replace("alice", "user" + i)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("large.csv"), csv);
        ProcessBuilder builder = new ProcessBuilder(launcher(), "fetch", "--input", file.toString(), "--format", "blocks");
        builder.environment().put("CREDREPORT_CDS", "off");
        Process process = builder.start();

        String first;
        try (var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            first = stdout.readLine();
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped once nobody read its output");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals("User: user0", first);
        assertEquals(141, process.exitValue(), "as a Unix tool ended by SIGPIPE");
        assertEquals("", err, "a closed pipe is no error to report");
    }

    @Test
    void should_stop_quietly_when_the_reader_of_a_completion_script_is_gone() throws Exception {
        Process process = new ProcessBuilder(launcher(), "completion", "bash").start();
        // Closed before the JVM has started: its first write meets a pipe nobody reads.
        process.getInputStream().close();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(141, process.exitValue(), err);
        assertEquals("", err, "a closed pipe is no error to report");
    }

    @Test
    void should_exit_2_on_a_usage_error() throws Exception {
        Run run = run(Map.of(), launcher(), "fetch", "--nope");

        assertEquals(2, run.exitCode());
    }

    /** Runs the launcher on a pseudo-terminal (script(1)), as in a terminal window; returns what the terminal received. */
    static String onTerminal(Map<String, String> environment, String until, String... command) throws Exception {
        String line = java.util.Arrays.stream(command).map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 60; exec " + line, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().remove("AWS_PROFILE");
        builder.environment().put("CREDREPORT_CDS", "off");
        builder.environment().put("TERM", "xterm");
        builder.environment().putAll(environment);
        Process script = builder.start();
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (var in = script.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the terminal closed
            }
        });
        drain.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            synchronized (seen) {
                if (seen.toString(StandardCharsets.UTF_8).contains(until)) {
                    break;
                }
            }
            assertTrue(script.isAlive() && System.nanoTime() < deadline, () -> "never showed " + until + ": " + seen);
            Thread.sleep(50);
        }
        // Ctrl-C, as the terminal sends it: SIGINT to the program in the foreground.
        script.getOutputStream().write(3);
        script.getOutputStream().flush();
        assertTrue(script.waitFor(30, TimeUnit.SECONDS), "stopped after Ctrl-C");
        drain.join(10_000);
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_clear_the_progress_line_on_ctrl_c() throws Exception {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(FakeIam.error(409, "LimitExceeded", "too many"));
            Map<String, String> credentials = Map.of(
                    "AWS_ACCESS_KEY_ID", CommandHarness.TEST_ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", CommandHarness.TEST_SECRET_KEY);

            String terminal = onTerminal(credentials, "waiting for the credential report", launcher(), "fetch", "--endpoint-url", iam.endpoint().toString());

            String progress = "\r\033[Kwaiting for the credential report: IAM refused to start an\u2026";
            assertTrue(terminal.contains(progress), terminal);
            String after = terminal.substring(terminal.lastIndexOf(progress) + progress.length());
            assertTrue(after.contains("\r\033[K"), "the last progress line is erased after Ctrl-C: " + after.replace("\033", "ESC"));
            for (String drawn : terminal.split("\r\033\\[K")) {
                assertTrue(drawn.replaceAll("\\^C|\r?\n", "").length() <= 59, () -> "wider than 60 columns: " + drawn);
            }
        }
    }
}

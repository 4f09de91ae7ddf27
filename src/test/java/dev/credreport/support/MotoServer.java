package dev.credreport.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One moto_server (the moto AWS emulator) for the whole test run, on a free loopback port:
 * started by the first test that asks for it, reset for each test that asks again, stopped when
 * the JVM exits. Where moto is not installed, tests are skipped with the reason shown, except in
 * CI (CI=true), where a missing moto is a failure: compatibility tests must not silently stop
 * running.
 */
public final class MotoServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private static MotoServer shared;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The run's moto_server, with every resource of earlier tests forgotten: starting one costs
     * seconds, a reset milliseconds.
     */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            MotoServer started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-server-stop"));
            shared = started;
        } else {
            shared.reset();
        }
        return shared;
    }

    private static MotoServer start() {
        Path executable = findOnPath("moto_server");
        if (executable == null) {
            String reason = "moto_server is not on PATH (pip install 'moto[server]')";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ": the moto compatibility tests must run in CI");
            }
            abort(reason + ": moto compatibility tests skipped");
        }
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto-server-", ".log");
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Forgets every resource, so that tests do not see each other's users. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.getOutputStream().close();
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + connection.getResponseCode());
            }
            connection.disconnect();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset moto", e);
        }
    }

    private void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in the temp directory is harmless
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT.toSeconds() + "s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** On PATH, else where pip and pyenv put it, for environments that run with a bare PATH. */
    private static Path findOnPath(String name) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        String home = System.getProperty("user.home");
        directories.addAll(List.of(home + "/.pyenv/shims", home + "/.local/bin", "/usr/local/bin"));
        for (String directory : directories) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

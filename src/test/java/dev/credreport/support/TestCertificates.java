package dev.credreport.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool, as a PEM file and a server
 * context. keytool is a JVM of its own, run twice: the certificate is made once per test run.
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "fixture".toCharArray();
    private static TestCertificates shared;

    private final Path pem;
    private final SSLContext serverContext;

    private TestCertificates(Path pem, SSLContext serverContext) {
        this.pem = pem;
        this.serverContext = serverContext;
    }

    /** The run's certificate, made on first use in a temporary directory removed at exit. */
    public static synchronized TestCertificates shared() throws IOException, InterruptedException, GeneralSecurityException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("credreport-tls-");
            shared = create(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(dir), "test-certificates-remove"));
        }
        return shared;
    }

    private static TestCertificates create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TestCertificates(pem, context);
    }

    private static void remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("server.p12"));
            Files.deleteIfExists(dir.resolve("ca.pem"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover in the temporary directory is harmless
        }
    }

    /** The server's certificate in PEM, for --ca-bundle. */
    public Path pem() {
        return pem;
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}

package dev.credreport.aws;

import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Loads and initialises the slowest parts of the SDK on a second thread while the command line
 * is still being parsed: building the IAM client later then finds them ready. Class
 * initialisation is thread-safe, so nothing is done twice; a failure here changes nothing, as
 * the same work is simply done again, and reported, on the main thread.
 */
public final class SdkPrewarm {
    private SdkPrewarm() {
    }

    public static void start() {
        Thread thread = new Thread(SdkPrewarm::warm, "credreport-sdk-prewarm");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * For the class-data sharing training run: with keys in the environment, as most runs have them,
     * the lookup of credentials in system properties fails first, so its exception is built in
     * every real run and its classes belong in the archive.
     */
    public static void buildCredentialLookupFailure() {
        software.amazon.awssdk.core.exception.SdkClientException.create("training");
    }

    /**
     * For the class-data sharing training run, which reaches its stand-in over plain HTTP (and so
     * without TLS, see {@link PlainHttpConnections}): builds an HTTPS client as a run against AWS
     * does, so that TLS set-up and the JVM's trust store are in the archive too.
     */
    public static void buildTlsClient() {
        software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder().build().close();
    }

    private static void warm() {
        try {
            // The endpoint metadata of every AWS service, read to find IAM's signing region.
            ServiceMetadata.of("iam");
            IamClient.serviceMetadata();
            javax.xml.stream.XMLInputFactory.newInstance();
        } catch (RuntimeException | LinkageError e) {
            // the main thread will meet the same problem and report it
        }
    }
}

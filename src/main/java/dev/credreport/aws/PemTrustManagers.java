package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Trust managers from a PEM bundle, as the AWS CLI reads --ca-bundle and AWS_CA_BUNDLE. */
final class PemTrustManagers {
    private PemTrustManagers() {
    }

    static TrustManager[] load(Path bundle) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(bundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw CredreportException.usage("CA bundle " + bundle + " does not exist (from --ca-bundle or AWS_CA_BUNDLE)");
        } catch (IOException | GeneralSecurityException e) {
            throw CredreportException.usage("CA bundle " + bundle + " could not be read as PEM certificates: "
                    + ErrorClassifier.sdkText(e));
        }
        if (certificates.isEmpty()) {
            throw CredreportException.usage("CA bundle " + bundle + " holds no PEM certificates");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw CredreportException.usage("CA bundle " + bundle + " could not be used: " + ErrorClassifier.sdkText(e));
        }
    }
}

package dev.credreport.aws;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** For clients that only ever speak plain HTTP: a trust manager that trusts no certificate at all. */
final class NoTls {
    static final X509TrustManager TRUST_NOTHING = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client speaks plain HTTP only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client speaks plain HTTP only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private NoTls() {
    }
}

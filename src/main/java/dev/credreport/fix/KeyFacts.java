package dev.credreport.fix;

import java.time.Instant;

/**
 * One access key or signing certificate as IAM tells it now (ListAccessKeys, ListSigningCertificates).
 *
 * @param accessKeyId the key's id, or the certificate's
 * @param active whether its status is Active
 * @param created when it was created (a certificate: uploaded)
 */
public record KeyFacts(String accessKeyId, boolean active, Instant created) {
}

package dev.credreport.store;

import java.util.Objects;

/**
 * Server-side encryption asked for objects a remote store writes.
 *
 * @param algorithm AES256 or aws:kms, or null for the bucket's default
 * @param kmsKeyId the KMS key for aws:kms, or null for the account's default S3 key
 */
public record Encryption(String algorithm, String kmsKeyId) {
    public static final Encryption BUCKET_DEFAULT = new Encryption(null, null);

    public Encryption {
        if (algorithm != null && !algorithm.equals("AES256") && !algorithm.equals("aws:kms")) {
            throw new IllegalArgumentException("encryption is AES256 or aws:kms, not " + algorithm);
        }
        if (kmsKeyId != null && !"aws:kms".equals(algorithm)) {
            throw new IllegalArgumentException("a KMS key goes with aws:kms");
        }
    }

    public boolean bucketDefault() {
        return Objects.isNull(algorithm);
    }
}

package dev.credreport.support;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Looks into moto's S3 through the SDK, as an administrator would with the AWS CLI. */
public final class MotoS3 implements AutoCloseable {
    private final S3Client s3;

    public MotoS3(URI endpoint) {
        s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY)))
                .build();
    }

    public S3Client client() {
        return s3;
    }

    public MotoS3 bucket(String name) {
        s3.createBucket(r -> r.bucket(name));
        return this;
    }

    public void put(String bucket, String key, String content) {
        s3.putObject(r -> r.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromString(content));
    }

    /** Every key of the bucket, sorted. */
    public List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }

    public String get(String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    public HeadObjectResponse head(String bucket, String key) {
        return s3.headObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}

package dev.credreport.aws;

import dev.credreport.store.ArchiveLayout;
import dev.credreport.store.SavedReport;
import dev.credreport.store.SaveWithoutOverwriting;
import dev.credreport.store.WriteOnceStore;
import dev.credreport.store.ReportMetadata;
import dev.credreport.store.ReportStore;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.report.ReportInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Saved reports under an S3 prefix, laid out for Athena ({@link ArchiveLayout#BY_DATE}, as
 * athena-ddl's table reads it): every key is
 * {@code PREFIX/dt=YYYY-MM-DD/credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ[-N].csv}, the date being the
 * report's generated date (UTC), so that a query for a date reads that partition alone. Nothing but
 * report CSVs lies under the prefix: the metadata are the object's user metadata.
 *
 * <p>An object is written whole or not at all (one PUT with its length and checksum), and only where
 * no object is ({@code If-None-Match: *}, after a check for stores that ignore the header), so a
 * report is never overwritten by another; {@link SaveWithoutOverwriting} chooses the name.
 */
public final class S3ReportStore implements ReportStore, WriteOnceStore {
    /** The layout athena-ddl's table reads: one definition for both. */
    static final ArchiveLayout LAYOUT = ArchiveLayout.BY_DATE;

    static final String GENERATED_TIME = "generated-time";
    static final String ACCOUNT_ID = "account-id";
    static final String PARTITION_NAME = "partition";
    static final String TOOL_VERSION = "tool-version";
    static final String SHA256 = "sha256";

    private final S3Client s3;
    private final Location.S3 prefix;
    private final Encryption encryption;
    /** Whether to ask for conditional writes: until the store says it has none (501). */
    private volatile boolean conditional = true;

    public S3ReportStore(S3Client s3, Location.S3 location, Encryption encryption) {
        this.s3 = s3;
        this.prefix = location.asPrefix();
        this.encryption = encryption;
    }

    @Override
    public SaveOutcome save(byte[] content, ReportMetadata metadata, int highestTaken) {
        return SaveWithoutOverwriting.save(this, LAYOUT, content, metadata, highestTaken);
    }

    /** The object at the path, if there is one: its length, and its digest when credreport wrote it. */
    @Override
    public Optional<Existing> existing(String path) {
        String key = objectKey(path);
        return head(key).map(head -> new Existing(
                head.contentLength() == null ? OptionalLong.empty() : OptionalLong.of(head.contentLength()),
                Optional.ofNullable(head.metadata().get(SHA256)),
                () -> get(key, "s3:GetObject", true).asByteArray()));
    }

    /**
     * One PUT with {@code If-None-Match: *}: S3 refuses it with 412 (409 for a write under way)
     * where an object is. A store without conditional writes answers 501; from then on the look
     * just made is all there is, and the PUT is plain.
     */
    @Override
    public boolean putIfAbsent(String path, byte[] content, ReportMetadata metadata) {
        String key = objectKey(path);
        boolean asked = conditional;
        try {
            put(key, content, metadata, asked);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            if (asked && e.statusCode() == 501) {
                conditional = false;
                return head(key).isEmpty() && putIfAbsent(path, content, metadata);
            }
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "PutObject", "s3:PutObject", uri(key), prefix.bucket(), true));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "PutObject", "s3:PutObject", uri(key), prefix.bucket(), true));
        }
    }

    @Override
    public String location(String path) {
        return uri(objectKey(path));
    }

    private void put(String key, byte[] content, ReportMetadata metadata, boolean conditional) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(prefix.bucket())
                .key(key)
                .contentType("text/csv; charset=utf-8")
                .contentLength((long) content.length)
                .metadata(Map.of(
                        GENERATED_TIME, metadata.generatedTime().toString(),
                        ACCOUNT_ID, metadata.accountId(),
                        PARTITION_NAME, metadata.partition(),
                        TOOL_VERSION, metadata.toolVersion(),
                        SHA256, metadata.sha256()));
        if (conditional) {
            request.ifNoneMatch("*");
        }
        if (!encryption.bucketDefault()) {
            request.serverSideEncryption(encryption.algorithm());
            if (encryption.kmsKeyId() != null) {
                request.ssekmsKeyId(encryption.kmsKeyId());
            }
        }
        s3.putObject(request.build(), RequestBody.fromBytes(content));
    }

    /** The object at key, if there is one; a missing bucket shows on the write that follows, with its own error. */
    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(prefix.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "HeadObject", "s3:GetObject", uri(key), prefix.bucket(), true));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "HeadObject", "s3:GetObject", uri(key), prefix.bucket(), true));
        }
    }

    private ResponseBytes<GetObjectResponse> get(String key, String permission, boolean writing) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(prefix.bucket()).key(key));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "GetObject", permission, uri(key), prefix.bucket(), writing));
        }
    }

    /** One cheap call, the one listing needs anyway: the bucket exists, is reachable and may be listed. */
    @Override
    public void check() {
        try {
            s3.listObjectsV2(r -> r.bucket(prefix.bucket()).prefix(prefix.key()).maxKeys(1));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "ListObjectsV2", "s3:ListBucket", describe(), prefix.bucket(), false));
        }
    }

    @Override
    public List<SavedReport> list(String accountId) {
        List<SavedReport> saved = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(prefix.bucket()).prefix(prefix.key())).contents()) {
                // Only where credreport would have put it: the partition is the generated date.
                LAYOUT.parse(uri(object.key()), object.key().substring(prefix.key().length()))
                        .filter(report -> accountId == null || report.accountId().equals(accountId))
                        .ifPresent(saved::add);
            }
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "ListObjectsV2", "s3:ListBucket", describe(), prefix.bucket(), false));
        }
        saved.sort(SavedReport.OLDEST_FIRST);
        return saved;
    }

    @Override
    public ReportInput read(SavedReport report) {
        return readObject(keyOf(report.location()));
    }

    /** Any object of the bucket, with its generated time when credreport's metadata tell it. */
    public ReportInput readObject(String key) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(r -> r.bucket(prefix.bucket()).key(key));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "GetObject", "s3:GetObject", uri(key), prefix.bucket(), false));
        }
        byte[] content = object.asByteArray();
        Map<String, String> metadata = object.response().metadata();
        Instant generated = null;
        if (metadata.get(GENERATED_TIME) != null && ReportMetadata.sha256(content).equals(metadata.get(SHA256))) {
            try {
                generated = Instant.parse(metadata.get(GENERATED_TIME));
            } catch (DateTimeParseException e) {
                // metadata not written by credreport: the time stays unknown
            }
        }
        return ReportInput.fromStore(content, uri(key), generated);
    }

    /**
     * With {@code found}: one listing of the whole prefix for the run, each page handed on as it
     * comes. Without: nothing, as a PUT leaves no temporary behind.
     */
    @Override
    public void sweep(Sweep found) {
        if (found == null) {
            return;
        }
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(prefix.bucket()).prefix(prefix.key())).contents()) {
                LAYOUT.parse(uri(object.key()), object.key().substring(prefix.key().length())).ifPresent(found::saved);
            }
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "ListObjectsV2", "s3:ListBucket", describe(), prefix.bucket(), false));
        }
    }

    @Override
    public void delete(SavedReport report) {
        String key = keyOf(report.location());
        try {
            s3.deleteObject(r -> r.bucket(prefix.bucket()).key(key));
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, AwsCall.s3(s3, "DeleteObject", "s3:DeleteObject", uri(key) + " (for --keep)",
                    prefix.bucket(), true));
        }
    }

    @Override
    public ArchiveLayout layout() {
        return LAYOUT;
    }

    @Override
    public String describe() {
        return prefix.toString();
    }

    @Override
    public void close() {
        s3.close();
    }

    /** The key of a path relative to the prefix, as {@link ArchiveLayout} makes it. */
    private String objectKey(String path) {
        return prefix.resolve(path).key();
    }

    private String uri(String key) {
        return "s3://" + prefix.bucket() + "/" + key;
    }

    private String keyOf(String uri) {
        return uri.substring(("s3://" + prefix.bucket() + "/").length());
    }
}

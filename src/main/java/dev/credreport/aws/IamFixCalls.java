package dev.credreport.aws;

import dev.credreport.fix.CredentialGone;
import dev.credreport.fix.IamFixes;
import dev.credreport.fix.KeyFacts;
import dev.credreport.report.UntrustedText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM calls of fix plan, apply and undo in one account, through the connection's client (so with the
 * SDK's retries as every call has them) and the run's {@link RunThrottle} (a call AWS throttles is retried
 * with jittered backoff for the run's patience, and slows the run's other IAM calls down, as in a fetch over
 * many accounts); every failure is classified by {@link ErrorClassifier}. When credreport
 * deactivates a key it tags the user {@code credreport-deactivated-KEYID = ISO time}, which the quarantine
 * before a delete is counted from.
 */
public final class IamFixCalls implements IamFixes {
    /** The tag key's prefix; the key id follows. */
    public static final String TAG_PREFIX = "credreport-deactivated-";

    private final IamClient iam;
    private final AwsSettings settings;
    private final RunThrottle throttle;

    /** @param throttle the run's throttle: the one of its {@link AccountAccess} over many accounts */
    public IamFixCalls(IamConnection connection, RunThrottle throttle) {
        this.iam = Objects.requireNonNull(connection).client();
        this.settings = connection.settings();
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public List<KeyFacts> keys(String user) {
        return call("ListAccessKeys", user, () -> iam.listAccessKeysPaginator(request -> request.userName(user))
                .accessKeyMetadata().stream().map(IamFixCalls::facts).toList());
    }

    private static KeyFacts facts(AccessKeyMetadata key) {
        return new KeyFacts(key.accessKeyId(), key.status() == StatusType.ACTIVE, key.createDate());
    }

    @Override
    public Optional<Instant> lastUsed(String user, String accessKeyId) {
        return call("GetAccessKeyLastUsed", user, () -> {
            var used = iam.getAccessKeyLastUsed(request -> request.accessKeyId(accessKeyId)).accessKeyLastUsed();
            return Optional.ofNullable(used == null ? null : used.lastUsedDate());
        });
    }

    @Override
    public Optional<Instant> deactivatedAt(String user, String accessKeyId) {
        return call("ListUserTags", user, () -> iam.listUserTagsPaginator(request -> request.userName(user)).tags().stream()
                .filter(tag -> tag.key().equals(TAG_PREFIX + accessKeyId)).findFirst().map(tag -> {
                    try {
                        return Instant.parse(tag.value());
                    } catch (RuntimeException e) {
                        return null;
                    }
                }));
    }

    @Override
    public void deactivate(String user, String accessKeyId, Instant now) {
        call("UpdateAccessKey", user, () -> iam.updateAccessKey(request -> request.userName(user).accessKeyId(accessKeyId)
                .status(StatusType.INACTIVE)));
        call("TagUser", user, () -> iam.tagUser(request -> request.userName(user)
                .tags(Tag.builder().key(TAG_PREFIX + accessKeyId).value(now.toString()).build())));
    }

    @Override
    public void activate(String user, String accessKeyId) {
        call("UpdateAccessKey", user, () -> iam.updateAccessKey(request -> request.userName(user).accessKeyId(accessKeyId)
                .status(StatusType.ACTIVE)));
        call("UntagUser", user, () -> iam.untagUser(request -> request.userName(user).tagKeys(TAG_PREFIX + accessKeyId)));
    }

    @Override
    public void deleteKey(String user, String accessKeyId) {
        call("DeleteAccessKey", user, () -> iam.deleteAccessKey(request -> request.userName(user).accessKeyId(accessKeyId)));
        call("UntagUser", user, () -> iam.untagUser(request -> request.userName(user).tagKeys(TAG_PREFIX + accessKeyId)));
    }

    @Override
    public void deleteLoginProfile(String user) {
        call("DeleteLoginProfile", user, () -> iam.deleteLoginProfile(request -> request.userName(user)));
    }

    @Override
    public List<KeyFacts> certificates(String user) {
        return call("ListSigningCertificates", user, () -> iam.listSigningCertificatesPaginator(request -> request.userName(user))
                .certificates().stream().map(certificate -> new KeyFacts(certificate.certificateId(),
                        certificate.status() == StatusType.ACTIVE, certificate.uploadDate())).toList());
    }

    @Override
    public void certificateActive(String user, String certificateId, boolean active) {
        call("UpdateSigningCertificate", user, () -> iam.updateSigningCertificate(request -> request.userName(user)
                .certificateId(certificateId).status(active ? StatusType.ACTIVE : StatusType.INACTIVE)));
    }

    @Override
    public Optional<Instant> passwordCreated(String user) {
        return call("GetLoginProfile", user, () -> {
            try {
                return Optional.ofNullable(iam.getLoginProfile(request -> request.userName(user)).loginProfile().createDate());
            } catch (NoSuchEntityException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<Instant> passwordLastUsed(String user) {
        return call("GetUser", user, () -> {
            try {
                return Optional.ofNullable(iam.getUser(request -> request.userName(user)).user().passwordLastUsed());
            } catch (NoSuchEntityException e) {
                return Optional.empty();
            }
        });
    }

    private <T> T call(String operation, String user, Supplier<T> body) {
        AwsCall call = AwsCall.iamFix(operation, user, settings);
        try {
            return throttle.call(call, settings.iamRegion().id(), body);
        } catch (NoSuchEntityException e) {
            // The user or credential is gone since the plan: the apply skips the action, it does not stop.
            throw new CredentialGone("gone since the plan (IAM's " + operation + " for user " + UntrustedText.escape(user)
                    + ": NoSuchEntity)", e);
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, call);
        }
    }
}

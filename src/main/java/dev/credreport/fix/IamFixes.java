package dev.credreport.fix;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The IAM calls planning and applying need, in one account. The aws package implements it with the
 * shared retry and throttling rules and classifies every failure ({@code aws.IamFixCalls}); a user or credential
 * IAM no longer has (NoSuchEntity) is a {@link CredentialGone}.
 */
public interface IamFixes {
    /** iam:ListAccessKeys. */
    List<KeyFacts> keys(String user);

    /** iam:GetAccessKeyLastUsed: when the key was last used, empty when never. */
    Optional<Instant> lastUsed(String user, String accessKeyId);

    /** When credreport deactivated the key, from the tag it writes on the user (iam:ListUserTags), if it did. */
    Optional<Instant> deactivatedAt(String user, String accessKeyId);

    /** iam:UpdateAccessKey to Inactive, then iam:TagUser recording when. */
    void deactivate(String user, String accessKeyId, Instant now);

    /** iam:UpdateAccessKey to Active (undo). */
    void activate(String user, String accessKeyId);

    /** iam:DeleteAccessKey. */
    void deleteKey(String user, String accessKeyId);

    /** iam:DeleteLoginProfile. */
    void deleteLoginProfile(String user);

    /** iam:ListSigningCertificates: the user's signing certificates, each with its upload time as {@code created}. */
    List<KeyFacts> certificates(String user);

    /** iam:UpdateSigningCertificate to Active or Inactive. */
    void certificateActive(String user, String certificateId, boolean active);

    /** When the user's console password was created (iam:GetLoginProfile), empty when the user has none. */
    Optional<Instant> passwordCreated(String user);

    /** When the user's console password was last used (iam:GetUser), empty when never or unknown. */
    Optional<Instant> passwordLastUsed(String user);
}

package dev.credreport.fix;

import java.time.Instant;

/**
 * One access key as IAM tells it now (ListAccessKeys, GetAccessKeyLastUsed).
 *
 * @param accessKeyId the key's id
 * @param active whether its status is Active
 * @param created when it was created
 */
public record KeyFacts(String accessKeyId, boolean active, Instant created) {
}

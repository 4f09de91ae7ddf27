package dev.credreport.asff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One finding in the AWS Security Finding Format, holding what credreport fills in: the fields
 * BatchImportFindings requires (SchemaVersion, Id, ProductArn, GeneratorId, AwsAccountId, Types,
 * CreatedAt, UpdatedAt, Severity, Title, Description, Resources) and the ones it uses besides.
 *
 * @param id stable from run to run: account, rule, user ARN and credential
 * @param resourceType AwsIamUser, or AwsAccount for a finding about the account as a whole
 * @param resourceId the user's ARN, or {@code AWS::::Account:ACCOUNT}
 * @param userArn the user's ARN, or the account's root ARN
 * @param relatedRequirements the rule's controls (CIS, Security Hub)
 * @param suppressedNote for a finding an exceptions-file entry accepts, the note Security Hub shows with
 *     Workflow.Status SUPPRESSED (the reason, owner and expiry); else null
 * @param owner the user's owner from its --owner-tag (ProductFields {@code credreport/Owner}), or null without one
 */
public record AsffFinding(
        String id,
        String productArn,
        String generatorId,
        String accountId,
        String region,
        String partition,
        String title,
        String description,
        String severityLabel,
        String resourceType,
        String resourceId,
        String userArn,
        String userName,
        List<String> relatedRequirements,
        String remediation,
        Instant firstObservedAt,
        Instant lastObservedAt,
        Instant createdAt,
        Instant updatedAt,
        String suppressedNote,
        String owner) {

    /** Security Hub keeps at most 512 characters of a note. */
    public static final int MAX_NOTE = 512;

    public static final String SCHEMA_VERSION = "2018-10-08";
    public static final String TYPE = "Software and Configuration Checks/AWS Security Best Practices";
    /** Security Hub keeps at most 32 related requirements. */
    static final int MAX_REQUIREMENTS = 32;

    /** ASFF's times: ISO 8601 in UTC with milliseconds and Z, for the file and for Security Hub alike. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A time as ASFF writes it: {@code 2024-06-01T10:00:00.000Z}. */
    public static String time(java.time.Instant instant) {
        return TIME.format(instant);
    }

    public AsffFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productArn, "productArn");
        Objects.requireNonNull(generatorId, "generatorId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severityLabel, "severityLabel");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(userArn, "userArn");
        relatedRequirements = List.copyOf(relatedRequirements.size() > MAX_REQUIREMENTS
                ? relatedRequirements.subList(0, MAX_REQUIREMENTS) : relatedRequirements);
        Objects.requireNonNull(firstObservedAt, "firstObservedAt");
        Objects.requireNonNull(lastObservedAt, "lastObservedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (suppressedNote != null && suppressedNote.length() > MAX_NOTE) {
            suppressedNote = suppressedNote.substring(0, MAX_NOTE - 1) + "…";
        }
    }

    /** Whether an exceptions-file entry accepts it: Workflow.Status SUPPRESSED, with {@link #suppressedNote}. */
    public boolean suppressed() {
        return suppressedNote != null;
    }

    public boolean aboutUser() {
        return resourceType.equals("AwsIamUser");
    }

    /** The same finding as seen before: its first sighting and creation are kept. */
    public AsffFinding seenBefore(Instant firstObserved, Instant created) {
        return new AsffFinding(id, productArn, generatorId, accountId, region, partition, title, description, severityLabel,
                resourceType, resourceId, userArn, userName, relatedRequirements, remediation, firstObserved, lastObservedAt, created, updatedAt,
                suppressedNote, owner);
    }
}

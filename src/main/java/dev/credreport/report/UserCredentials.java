package dev.credreport.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a credential report: a user (or the root user) with typed values, and the cells as
 * they stood in the CSV so that formats which print values verbatim lose nothing.
 */
public record UserCredentials(
        long line,
        String user,
        String arn,
        Instant creationTime,
        Password password,
        ReportValue<Boolean> mfaActive,
        AccessKey accessKey1,
        AccessKey accessKey2,
        SigningCertificate cert1,
        SigningCertificate cert2,
        ReportHeader header,
        List<String> cells) {

    public static final String ROOT_USER = "<root_account>";

    public UserCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(mfaActive, "mfaActive");
        Objects.requireNonNull(accessKey1, "accessKey1");
        Objects.requireNonNull(accessKey2, "accessKey2");
        Objects.requireNonNull(cert1, "cert1");
        Objects.requireNonNull(cert2, "cert2");
        Objects.requireNonNull(header, "header");
        cells = List.copyOf(cells);
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + header.size() + " columns");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        if (Arns.accountId(arn).isEmpty()) {
            throw new IllegalArgumentException(UntrustedText.quote(arn) + " is not an IAM ARN");
        }
    }

    public boolean isRoot() {
        return ROOT_USER.equals(user) || arn.endsWith(":root");
    }

    public boolean hasMfa() {
        return Boolean.TRUE.equals(mfaActive.value());
    }

    public String accountId() {
        return Arns.accountId(arn).orElseThrow();
    }

    public List<AccessKey> accessKeys() {
        return List.of(accessKey1, accessKey2);
    }

    public List<SigningCertificate> certificates() {
        return List.of(cert1, cert2);
    }

    /** The cell of a column exactly as the CSV had it. */
    public String cell(int position) {
        return cells.get(position);
    }

    /** The typed value of a known column other than user, arn and user_creation_time. */
    public ReportValue<?> value(Column column) {
        switch (column) {
            case PASSWORD_ENABLED: return password.enabled();
            case PASSWORD_LAST_USED: return password.lastUsed();
            case PASSWORD_LAST_CHANGED: return password.lastChanged();
            case PASSWORD_NEXT_ROTATION: return password.nextRotation();
            case MFA_ACTIVE: return mfaActive;
            case ACCESS_KEY_1_ACTIVE: return accessKey1.active();
            case ACCESS_KEY_1_LAST_ROTATED: return accessKey1.lastRotated();
            case ACCESS_KEY_1_LAST_USED_DATE: return accessKey1.lastUsedDate();
            case ACCESS_KEY_1_LAST_USED_REGION: return accessKey1.lastUsedRegion();
            case ACCESS_KEY_1_LAST_USED_SERVICE: return accessKey1.lastUsedService();
            case ACCESS_KEY_2_ACTIVE: return accessKey2.active();
            case ACCESS_KEY_2_LAST_ROTATED: return accessKey2.lastRotated();
            case ACCESS_KEY_2_LAST_USED_DATE: return accessKey2.lastUsedDate();
            case ACCESS_KEY_2_LAST_USED_REGION: return accessKey2.lastUsedRegion();
            case ACCESS_KEY_2_LAST_USED_SERVICE: return accessKey2.lastUsedService();
            case CERT_1_ACTIVE: return cert1.active();
            case CERT_1_LAST_ROTATED: return cert1.lastRotated();
            case CERT_2_ACTIVE: return cert2.active();
            case CERT_2_LAST_ROTATED: return cert2.lastRotated();
            default: throw new IllegalArgumentException(column + " is not a typed value column");
        }
    }

    /** The columns credreport does not know, by name, as text. */
    public Map<String, String> unknownColumns() {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (int position : header.unknownPositions()) {
            unknown.put(header.names().get(position), cells.get(position));
        }
        return unknown;
    }
}

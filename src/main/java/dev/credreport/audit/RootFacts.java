package dev.credreport.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What iam:GetAccountSummary says about the root user, asked once per account with read access:
 * the credential report's root row gives {@code not_supported} for its password, so these are the
 * facts the root rules judge by when known. Each is null when AWS did not return it.
 *
 * @param mfaEnabled AccountMFAEnabled
 * @param accessKeysPresent AccountAccessKeysPresent
 * @param certificatesPresent AccountSigningCertificatesPresent
 * @param passwordPresent AccountPasswordPresent (AWS returns it only in some cases)
 * @param unavailable why the summary could not be read (denied, a report from a file), or null when it was
 */
public record RootFacts(Boolean mfaEnabled, Boolean accessKeysPresent, Boolean certificatesPresent,
        Boolean passwordPresent, String unavailable) {

    public static final String SOURCE = "iam:GetAccountSummary";

    public static RootFacts unavailable(String why) {
        return new RootFacts(null, null, null, null, why);
    }

    public boolean known() {
        return unavailable == null;
    }

    /**
     * AWS Organizations' centralized root access: no root password and no root access key. Without
     * AccountPasswordPresent, a root with neither keys nor certificates nor MFA is taken as such only
     * when the report's row agrees (see {@link RootCredentials}).
     */
    public boolean centrallyManaged() {
        return known() && Boolean.FALSE.equals(passwordPresent) && Boolean.FALSE.equals(accessKeysPresent);
    }

    /** The facts that could not be checked, for evidence: "AccountMFAEnabled, AccountPasswordPresent". */
    public List<String> unchecked() {
        List<String> names = new ArrayList<>();
        if (mfaEnabled == null) {
            names.add("AccountMFAEnabled");
        }
        if (accessKeysPresent == null) {
            names.add("AccountAccessKeysPresent");
        }
        if (certificatesPresent == null) {
            names.add("AccountSigningCertificatesPresent");
        }
        if (passwordPresent == null) {
            names.add("AccountPasswordPresent");
        }
        return names;
    }

    /** What a root finding adds to its evidence about these facts. */
    public String evidence() {
        if (!known()) {
            return "root facts not checked with " + SOURCE + " (" + String.join(", ", unchecked()) + "): " + unavailable;
        }
        StringBuilder text = new StringBuilder("judged with " + SOURCE + ":");
        append(text, "AccountMFAEnabled", mfaEnabled);
        append(text, "AccountAccessKeysPresent", accessKeysPresent);
        append(text, "AccountSigningCertificatesPresent", certificatesPresent);
        append(text, "AccountPasswordPresent", passwordPresent);
        if (centrallyManaged()) {
            text.append("; root credentials are centrally managed by the Organization (no root password, no root access key)");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Boolean value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value ? 1 : 0);
        }
    }
}

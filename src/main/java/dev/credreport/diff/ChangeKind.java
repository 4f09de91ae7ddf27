package dev.credreport.diff;

import java.util.Locale;

/** What can change about a user between two reports. */
public enum ChangeKind {
    USER_ADDED("user added"),
    USER_REMOVED("user removed"),
    PASSWORD_ENABLED("password enabled"),
    PASSWORD_DISABLED("password disabled"),
    PASSWORD_CHANGED("password changed"),
    PASSWORD_FIRST_USED("password used for the first time"),
    /** Only reported for the root user, whose every use matters. */
    PASSWORD_USED("password used again"),
    MFA_ACTIVATED("MFA activated"),
    MFA_DEACTIVATED("MFA deactivated"),
    KEY_CREATED("created"),
    KEY_ROTATED("replaced by a new key"),
    KEY_ACTIVATED("activated"),
    KEY_DEACTIVATED("deactivated"),
    KEY_REMOVED("removed"),
    KEY_FIRST_USED("used for the first time"),
    /** Only reported for the root user, whose every use matters. */
    KEY_USED("used again"),
    KEY_NEW_REGION("used from a new region"),
    KEY_NEW_SERVICE("used with a new service"),
    CERTIFICATE_CREATED("created"),
    CERTIFICATE_ROTATED("replaced by a new certificate"),
    CERTIFICATE_ACTIVATED("activated"),
    CERTIFICATE_DEACTIVATED("deactivated"),
    CERTIFICATE_REMOVED("removed");

    private final String description;

    ChangeKind(String description) {
        this.description = description;
    }

    /** How the change reads after its subject: "access key 1 created". */
    public String description() {
        return description;
    }

    /** The name in JSON and CSV: {@code key_created}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.credreport.fix;

/** What one action of a plan does, by the name the plan's JSON gives it. */
public enum ActionKind {
    DEACTIVATE_KEY("deactivate-access-key", true),
    DELETE_KEY("delete-access-key", false),
    DELETE_LOGIN_PROFILE("delete-login-profile", false),
    ACTIVATE_KEY("activate-access-key", true),
    /** iam:UpdateSigningCertificate to Inactive; undone by {@link #ACTIVATE_CERTIFICATE}. */
    DEACTIVATE_CERTIFICATE("deactivate-signing-certificate", true),
    ACTIVATE_CERTIFICATE("activate-signing-certificate", true);

    private final String jsonName;
    private final boolean undoable;

    ActionKind(String jsonName, boolean undoable) {
        this.jsonName = jsonName;
        this.undoable = undoable;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Whether an undo plan can reverse it; a deleted key or password cannot be restored. */
    public boolean undoable() {
        return undoable;
    }

    /** Whether it acts on a signing certificate (its credential id is a certificate id, not an access key id). */
    public boolean onCertificate() {
        return this == DEACTIVATE_CERTIFICATE || this == ACTIVATE_CERTIFICATE;
    }

    /** Whether it reactivates a key or certificate: the only actions an undo plan holds. */
    public boolean reactivates() {
        return this == ACTIVATE_KEY || this == ACTIVATE_CERTIFICATE;
    }

    /** The kind of the action that reverses this one in an undo plan, or null when nothing does. */
    public ActionKind reversedBy() {
        return switch (this) {
            case DEACTIVATE_KEY -> ACTIVATE_KEY;
            case DEACTIVATE_CERTIFICATE -> ACTIVATE_CERTIFICATE;
            default -> null;
        };
    }

    public static ActionKind ofJson(String name) {
        for (ActionKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "'");
    }
}

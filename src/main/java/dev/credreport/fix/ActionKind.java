package dev.credreport.fix;

/** What one action of a plan does, by the name the plan's JSON gives it. */
public enum ActionKind {
    DEACTIVATE_KEY("deactivate-access-key", true),
    DELETE_KEY("delete-access-key", false),
    DELETE_LOGIN_PROFILE("delete-login-profile", false),
    ACTIVATE_KEY("activate-access-key", true);

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

    public static ActionKind ofJson(String name) {
        for (ActionKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "'");
    }
}

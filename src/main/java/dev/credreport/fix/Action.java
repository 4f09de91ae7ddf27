package dev.credreport.fix;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a plan, on one credential.
 *
 * @param id the action's number in its plan, from 1
 * @param kind what it does
 * @param account the account id
 * @param user the IAM user name
 * @param accessKeyId the key acted on, or null for a console password
 * @param slot the report's access key slot (1 or 2), or 0 for a password
 * @param created when the key was created, or null
 * @param lastUsed the last use the plan saw, or null when never used
 * @param why the finding and its control ids
 */
public record Action(int id, ActionKind kind, String account, String user, String accessKeyId, int slot, Instant created,
        Instant lastUsed, String why) {
    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(why, "why");
        account = account == null ? "" : account;
    }

    /** The credential as people read it: "access key 1 (AKIA...) of alice", "console password of bob". */
    public String credential() {
        return accessKeyId == null ? "console password of " + user
                : "access key " + (slot == 0 ? "" : slot + " ") + "(" + accessKeyId + ") of " + user;
    }

    /** What the plan says beside the action: deletions cannot be undone. */
    public String note() {
        return kind.undoable() ? "undo reactivates it" : "CANNOT BE UNDONE";
    }

    /** The action that reverses this one, for the undo plan; only for deactivations. */
    public Action undo(int newId) {
        if (kind != ActionKind.DEACTIVATE_KEY) {
            throw new IllegalStateException(kind.jsonName() + " cannot be undone");
        }
        return new Action(newId, ActionKind.ACTIVATE_KEY, account, user, accessKeyId, slot, created, lastUsed,
                "undo of action " + id + ": " + why);
    }
}

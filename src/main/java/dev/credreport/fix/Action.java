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
 * @param credentialId the access key or signing certificate acted on, or null for a console password
 * @param slot the report's access key or certificate slot (1 or 2), or 0 for a password
 * @param created when the key was created or the certificate uploaded, or null
 * @param lastUsed the last use the plan saw, or null when never used
 * @param why the finding and its control ids
 */
public record Action(int id, ActionKind kind, String account, String user, String credentialId, int slot, Instant created,
        Instant lastUsed, String why) {
    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(why, "why");
        account = account == null ? "" : account;
    }

    /** The access key acted on, or null for a password or a signing certificate. */
    public String accessKeyId() {
        return kind.onCertificate() ? null : credentialId;
    }

    /** The signing certificate acted on, or null. */
    public String certificateId() {
        return kind.onCertificate() ? credentialId : null;
    }

    /**
     * The credential as people read it: "access key 1 (AKIA...) of alice", "signing certificate 2 (ID) of carol",
     * "console password of bob".
     */
    public String credential() {
        if (credentialId == null) {
            return "console password of " + user;
        }
        return (kind.onCertificate() ? "signing certificate " : "access key ") + (slot == 0 ? "" : slot + " ") + "("
                + credentialId + ") of " + user;
    }

    /** What the plan says beside the action: deletions cannot be undone. */
    public String note() {
        return kind.undoable() ? "undo reactivates it" : "CANNOT BE UNDONE";
    }

    /** The action that reverses this one, for the undo plan; only for deactivations. */
    public Action undo(int newId) {
        if (kind.reversedBy() == null) {
            throw new IllegalStateException(kind.jsonName() + " cannot be undone");
        }
        return new Action(newId, kind.reversedBy(), account, user, credentialId, slot, created, lastUsed,
                "undo of action " + id + ": " + why);
    }
}

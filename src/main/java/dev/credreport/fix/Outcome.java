package dev.credreport.fix;

import java.util.Objects;

/**
 * What apply did with one action.
 *
 * @param action the plan's action
 * @param state done, skipped (facts changed or a safety rule refused), failed (AWS refused) or checked (--dry-run)
 * @param why why it was skipped or failed, or what was checked
 */
public record Outcome(Action action, State state, String why) {
    public enum State {
        DONE, SKIPPED, FAILED, CHECKED;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Outcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        why = why == null ? "" : why;
    }
}

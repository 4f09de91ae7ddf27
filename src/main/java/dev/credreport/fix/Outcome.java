package dev.credreport.fix;

import java.util.Objects;

/**
 * What apply did with one action.
 *
 * @param action the plan's action
 * @param state done, skipped (facts changed or a safety rule refused), failed (AWS refused), checked (--dry-run),
 *     or not started (the apply stopped first)
 * @param why why it was skipped or failed, or what was checked
 */
public record Outcome(Action action, State state, String why) {
    public enum State {
        DONE, SKIPPED, FAILED, CHECKED,
        /** Never begun: the apply stopped before it (a signal, or an earlier action AWS refused). */
        NOT_STARTED;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static State ofJson(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    public Outcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        why = why == null ? "" : why;
    }
}

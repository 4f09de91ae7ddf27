package dev.credreport.fix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reviewable plan: the actions, the steps left to people, and the safety settings it was made with.
 *
 * @param created when the plan was made, on the real clock (its age is counted from it)
 * @param asOf the time the audit counted ages to
 * @param minIdle no credential used within this of now is acted on
 * @param quarantine how long a key must have been deactivated by credreport before it is deleted
 * @param actions the changes, in the order apply makes them
 * @param manualSteps what people must do (root, keys in use, keys that could not be joined)
 */
public record Plan(Instant created, Instant asOf, Duration minIdle, Duration quarantine, List<Action> actions,
        List<String> manualSteps) {
    /** The plan JSON's schema version; a reader refuses any other. */
    public static final int SCHEMA = 1;

    public Plan {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(minIdle, "minIdle");
        Objects.requireNonNull(quarantine, "quarantine");
        actions = List.copyOf(actions);
        manualSteps = List.copyOf(manualSteps);
    }
}

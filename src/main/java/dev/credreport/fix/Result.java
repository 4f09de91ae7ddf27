package dev.credreport.fix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one apply did so far: an outcome for each action acted on or decided, in order, and the undo plan
 * that reactivates every key and certificate it deactivated. Written after every action, so that an interrupted apply
 * leaves a file that names exactly what was done.
 *
 * @param plan the plan file applied
 * @param started when the apply began
 * @param dryRun whether nothing was changed
 * @param finished whether every action was decided (false while running or when interrupted)
 * @param outcomes the decided actions
 */
public record Result(String plan, Instant started, boolean dryRun, boolean finished, List<Outcome> outcomes) {
    public Result {
        outcomes = List.copyOf(outcomes);
    }

    /** The actions that reverse every deactivation done (keys and signing certificates). */
    public List<Action> undo() {
        List<Action> undo = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.state() == Outcome.State.DONE && outcome.action().kind().reversedBy() != null) {
                undo.add(outcome.action().undo(undo.size() + 1));
            }
        }
        return undo;
    }

    public Result with(Outcome outcome) {
        List<Outcome> more = new ArrayList<>(outcomes);
        more.add(outcome);
        return new Result(plan, started, dryRun, false, more);
    }

    public Result finish() {
        return new Result(plan, started, dryRun, true, outcomes);
    }

    public long count(Outcome.State state) {
        return outcomes.stream().filter(outcome -> outcome.state() == state).count();
    }
}

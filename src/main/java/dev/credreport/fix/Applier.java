package dev.credreport.fix;

import dev.credreport.core.CredreportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a plan one action at a time. Before each action it re-checks the facts (the key exists with
 * the plan's status, not used since the plan, the safety rules); an action whose facts changed is skipped,
 * never forced. After each decided action the result is handed to {@code record}, which writes it
 * atomically before the next action begins, so an interrupted apply leaves a truthful result.
 */
public final class Applier {
    private final Function<String, IamFixes> accounts;
    private final Exemptions exemptions;
    private final Clock clock;
    private final int maxActions;
    private final boolean dryRun;
    private final Consumer<Result> record;
    private final Runnable betweenActions;
    private final Duration quarantine;

    /**
     * @param accounts the IAM of each account id of the plan
     * @param record writes the result so far; called after every action, before the next
     * @param betweenActions called after each recorded action (checks for an interruption; tests inject one)
     */
    public Applier(Function<String, IamFixes> accounts, Exemptions exemptions, Clock clock, int maxActions, Duration quarantine,
            boolean dryRun, Consumer<Result> record, Runnable betweenActions) {
        this.quarantine = quarantine;
        this.accounts = accounts;
        this.exemptions = exemptions;
        this.clock = clock;
        this.maxActions = maxActions;
        this.dryRun = dryRun;
        this.record = record;
        this.betweenActions = betweenActions;
    }

    /** Refuses a plan older than maxPlanAge, before any AWS call. */
    public static void checkAge(Plan plan, Duration maxPlanAge, Clock clock) {
        Optional<String> stale = Safety.planFresh(plan.created(), maxPlanAge, clock);
        if (stale.isPresent()) {
            throw CredreportException.usage(stale.get());
        }
    }

    /**
     * Applies the actions in order. An AWS refusal records the action as failed and stops the apply,
     * then rethrows, so the caller exits with the failure's code. Whatever stops the apply (that, or
     * {@code betweenActions} throwing on a signal) first records every action not begun as not started,
     * so that the result names each action of the plan: done, skipped, failed or not started.
     */
    public Result apply(Result start, List<Action> actions, Duration minIdle) {
        Result result = start;
        for (int position = 1; position <= actions.size(); position++) {
            Action action = actions.get(position - 1);
            List<Action> rest = actions.subList(position, actions.size());
            Optional<String> refused = Safety.withinMaxActions(position, maxActions)
                    .or(() -> Safety.notRoot(action.user()))
                    .or(() -> action.kind() == ActionKind.ACTIVATE_KEY || action.kind() == ActionKind.ACTIVATE_CERTIFICATE
                            ? Optional.empty()
                            : Safety.notExcepted(exemptions, action.account(), action.user(), Exemptions.credentialOf(action)));
            Outcome outcome;
            if (refused.isPresent()) {
                outcome = new Outcome(action, Outcome.State.SKIPPED, refused.get());
            } else {
                try {
                    outcome = act(accounts.apply(action.account()), action, minIdle);
                } catch (CredentialGone gone) {
                    // Deleted since the plan (the user, the key, the password): nothing left to do to it.
                    outcome = new Outcome(action, Outcome.State.SKIPPED, gone.getMessage());
                } catch (CredreportException e) {
                    result = notStarted(result.with(new Outcome(action, Outcome.State.FAILED, e.getMessage())), rest,
                            "the apply stopped at action " + action.id() + ", which failed");
                    record.accept(result);
                    throw e;
                }
            }
            result = result.with(outcome);
            record.accept(result);
            if (!rest.isEmpty()) {
                try {
                    betweenActions.run();
                } catch (RuntimeException stopped) {
                    result = notStarted(result, rest, "the apply was " + stopped.getMessage() + " before it");
                    record.accept(result);
                    throw stopped;
                }
            }
        }
        result = result.finish();
        record.accept(result);
        return result;
    }

    private static Result notStarted(Result result, List<Action> rest, String why) {
        for (Action action : rest) {
            result = result.with(new Outcome(action, Outcome.State.NOT_STARTED, why));
        }
        return result;
    }

    private Outcome act(IamFixes iam, Action action, Duration minIdle) {
        Instant now = clock.instant();
        if (action.kind() == ActionKind.DELETE_LOGIN_PROFILE) {
            if (iam.passwordCreated(action.user()).isEmpty()) {
                return new Outcome(action, Outcome.State.SKIPPED, "the console password no longer exists (GetLoginProfile)");
            }
            Optional<String> changed = Safety.idleLongEnough(iam.passwordLastUsed(action.user()).orElse(null), minIdle, clock)
                    .or(() -> Safety.notUsedSince(action.lastUsed(), iam.passwordLastUsed(action.user()).orElse(null)));
            if (changed.isPresent()) {
                return new Outcome(action, Outcome.State.SKIPPED, changed.get());
            }
            if (dryRun) {
                return new Outcome(action, Outcome.State.CHECKED, "would delete the console password");
            }
            iam.deleteLoginProfile(action.user());
            return new Outcome(action, Outcome.State.DONE, "console password deleted");
        }
        if (action.kind().onCertificate()) {
            return actOnCertificate(iam, action);
        }
        KeyFacts key = iam.keys(action.user()).stream().filter(facts -> facts.accessKeyId().equals(action.accessKeyId()))
                .findFirst().orElse(null);
        Optional<String> changed = Safety.sameKey(action, key);
        if (changed.isEmpty()) {
            boolean wantActive = action.kind() == ActionKind.DEACTIVATE_KEY;
            if (action.kind() == ActionKind.ACTIVATE_KEY) {
                changed = key.active() ? Optional.of("the key is already active") : Optional.empty();
            } else if (wantActive && !key.active()) {
                changed = Optional.of("the key is already inactive (deactivated since the plan)");
            }
        }
        if (changed.isEmpty() && action.kind() != ActionKind.ACTIVATE_KEY) {
            Instant lastUsed = iam.lastUsed(action.user(), action.accessKeyId()).orElse(null);
            changed = Safety.notUsedSince(action.lastUsed(), lastUsed).or(() -> Safety.idleLongEnough(lastUsed, minIdle, clock));
        }
        if (changed.isEmpty() && action.kind() == ActionKind.DELETE_KEY) {
            changed = Safety.quarantined(key, iam.deactivatedAt(action.user(), action.accessKeyId()).orElse(null),
                    quarantine, clock);
        }
        if (changed.isPresent()) {
            return new Outcome(action, Outcome.State.SKIPPED, changed.get());
        }
        if (dryRun) {
            return new Outcome(action, Outcome.State.CHECKED, "facts unchanged; would " + action.kind().jsonName().replace('-', ' '));
        }
        switch (action.kind()) {
            case DEACTIVATE_KEY -> iam.deactivate(action.user(), action.accessKeyId(), now);
            case ACTIVATE_KEY -> iam.activate(action.user(), action.accessKeyId());
            case DELETE_KEY -> iam.deleteKey(action.user(), action.accessKeyId());
            default -> throw new IllegalStateException(action.kind().name());
        }
        return new Outcome(action, Outcome.State.DONE, action.kind().jsonName().replace('-', ' ') + " done");
    }

    /**
     * A signing certificate, re-checked with ListSigningCertificates: the finding's certificate (id and upload time)
     * still there, with the status the action expects. IAM records no last use of certificates, so there is none to
     * re-check.
     */
    private Outcome actOnCertificate(IamFixes iam, Action action) {
        KeyFacts certificate = iam.certificates(action.user()).stream()
                .filter(facts -> facts.accessKeyId().equals(action.certificateId())).findFirst().orElse(null);
        boolean deactivate = action.kind() == ActionKind.DEACTIVATE_CERTIFICATE;
        Optional<String> changed = Safety.sameKey(action, certificate);
        if (changed.isEmpty() && deactivate && !certificate.active()) {
            changed = Optional.of("the certificate is already inactive (deactivated since the plan)");
        } else if (changed.isEmpty() && !deactivate && certificate.active()) {
            changed = Optional.of("the certificate is already active");
        }
        if (changed.isPresent()) {
            return new Outcome(action, Outcome.State.SKIPPED, changed.get());
        }
        if (dryRun) {
            return new Outcome(action, Outcome.State.CHECKED, "facts unchanged; would " + action.kind().jsonName().replace('-', ' '));
        }
        iam.certificateActive(action.user(), action.certificateId(), !deactivate);
        return new Outcome(action, Outcome.State.DONE, action.kind().jsonName().replace('-', ' ') + " done");
    }

}

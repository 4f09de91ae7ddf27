package dev.credreport.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The apply state machine over an in-memory IAM: re-checks, skips, records after every action, interruptions. */
class ApplierTest {
    static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    /** IAM as a map: key id to (user, active, created, last used), plus the quarantine tags. */
    static class MemoryIam implements IamFixes {
        final Map<String, KeyFacts> keys = new HashMap<>();
        final Map<String, Instant> used = new HashMap<>();
        final Map<String, Instant> tags = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        MemoryIam key(String id, boolean active) {
            keys.put(id, new KeyFacts(id, active, CREATED));
            return this;
        }

        @Override
        public List<KeyFacts> keys(String user) {
            return new ArrayList<>(keys.values());
        }

        @Override
        public Optional<Instant> lastUsed(String user, String accessKeyId) {
            return Optional.ofNullable(used.get(accessKeyId));
        }

        @Override
        public Optional<Instant> deactivatedAt(String user, String accessKeyId) {
            return Optional.ofNullable(tags.get(accessKeyId));
        }

        @Override
        public void deactivate(String user, String accessKeyId, Instant now) {
            calls.add("deactivate " + accessKeyId);
            keys.put(accessKeyId, new KeyFacts(accessKeyId, false, CREATED));
            tags.put(accessKeyId, now);
        }

        @Override
        public void activate(String user, String accessKeyId) {
            calls.add("activate " + accessKeyId);
            keys.put(accessKeyId, new KeyFacts(accessKeyId, true, CREATED));
        }

        @Override
        public void deleteKey(String user, String accessKeyId) {
            calls.add("delete " + accessKeyId);
            keys.remove(accessKeyId);
        }

        @Override
        public void deleteLoginProfile(String user) {
            calls.add("delete password " + user);
        }

        final java.util.Set<String> noPassword = new java.util.HashSet<>();

        @Override
        public Optional<Instant> passwordCreated(String user) {
            return noPassword.contains(user) ? Optional.empty() : Optional.of(CREATED);
        }

        @Override
        public Optional<Instant> passwordLastUsed(String user) {
            return Optional.empty();
        }

        final Map<String, KeyFacts> certificates = new HashMap<>();

        MemoryIam certificate(String id, boolean active) {
            certificates.put(id, new KeyFacts(id, active, CREATED));
            return this;
        }

        @Override
        public List<KeyFacts> certificates(String user) {
            return new ArrayList<>(certificates.values());
        }

        @Override
        public void certificateActive(String user, String certificateId, boolean active) {
            calls.add((active ? "activate certificate " : "deactivate certificate ") + certificateId);
            certificates.put(certificateId, new KeyFacts(certificateId, active, CREATED));
        }
    }

    static Action deactivateCertificate(int id, String certificate, int slot) {
        return new Action(id, ActionKind.DEACTIVATE_CERTIFICATE, "111122223333", "alice", certificate, slot, CREATED, null,
                "signing-certificate-not-rotated");
    }

    static Action deactivate(int id, String key) {
        return new Action(id, ActionKind.DEACTIVATE_KEY, "111122223333", "alice", key, 1, CREATED, null, "credentials-unused");
    }

    static Action slot2(int id, String key) {
        return new Action(id, ActionKind.DEACTIVATE_KEY, "111122223333", "alice", key, 2, CREATED, null, "credentials-unused");
    }

    static Action delete(int id, String key) {
        return new Action(id, ActionKind.DELETE_KEY, "111122223333", "alice", key, 1, CREATED, null, "quarantined");
    }

    final List<Result> recorded = new ArrayList<>();

    Applier applier(MemoryIam iam, int maxActions, boolean dryRun, Runnable between, Exemptions exemptions) {
        return new Applier(account -> iam, exemptions, CLOCK, maxActions, Duration.ofDays(30), dryRun, recorded::add, between);
    }

    static Result start() {
        return new Result("plan.json", NOW, false, false, List.of());
    }

    @Test
    void skips_keys_used_since_the_plan_gone_or_deactivated_by_hand_and_acts_on_the_rest() {
        MemoryIam iam = new MemoryIam().key("A", true).key("B", true).key("C", false).key("D", true);
        iam.used.put("B", NOW.minus(Duration.ofHours(1)));
        Result result = applier(iam, 50, false, () -> { }, Exemptions.NONE)
                .apply(start(), List.of(deactivate(1, "A"), deactivate(2, "B"), deactivate(3, "C"), deactivate(4, "GONE")),
                        Duration.ofDays(7));

        assertEquals(List.of(Outcome.State.DONE, Outcome.State.SKIPPED, Outcome.State.SKIPPED, Outcome.State.SKIPPED),
                result.outcomes().stream().map(Outcome::state).toList());
        assertEquals(List.of("deactivate A"), iam.calls);
        assertEquals(List.of("A"), result.undo().stream().map(Action::accessKeyId).toList());
        assertTrue(result.finished());
    }

    @Test
    void the_result_is_recorded_after_every_action_before_the_next() {
        MemoryIam iam = new MemoryIam().key("A", true).key("B", true);
        List<Integer> recordedBeforeEachCall = new ArrayList<>();
        Applier applier = new Applier(account -> {
            recordedBeforeEachCall.add(recorded.size());
            return iam;
        }, Exemptions.NONE, CLOCK, 50, Duration.ofDays(30), false, recorded::add, () -> { });

        applier.apply(start(), List.of(deactivate(1, "A"), deactivate(2, "B")), Duration.ofDays(7));

        assertEquals(List.of(0, 1), recordedBeforeEachCall, "action 2 starts only once action 1 is recorded");
        assertEquals(1, recorded.get(0).outcomes().size());
    }

    @Test
    void an_interruption_between_actions_leaves_a_result_naming_exactly_what_was_done() throws Exception {
        MemoryIam iam = new MemoryIam().key("A", true).key("B", true).key("C", true);
        int[] seen = {0};
        Runnable interrupt = () -> {
            if (++seen[0] == 2) {
                throw new IllegalStateException("SIGTERM");
            }
        };

        assertThrows(IllegalStateException.class, () -> applier(iam, 50, false, interrupt, Exemptions.NONE)
                .apply(start(), List.of(deactivate(1, "A"), deactivate(2, "B"), deactivate(3, "C")), Duration.ofDays(7)));

        Result last = recorded.get(recorded.size() - 1);
        assertEquals(List.of("A done", "B done", "C not-started"), last.outcomes().stream()
                .map(outcome -> outcome.action().accessKeyId() + " " + outcome.state().jsonName()).toList());
        assertEquals("the apply was SIGTERM before it", last.outcomes().get(2).why());
        assertEquals(List.of("deactivate A", "deactivate B"), iam.calls);
        assertEquals(false, last.finished());
        // The file form says the same, and its undo plan reactivates both.
        StringWriter file = new StringWriter();
        PlanJson.write(last, new Plan(NOW, null, Duration.ofDays(7), Duration.ofDays(30), List.of(), List.of()), file);
        Plan undo = PlanJson.readUndo(new StringReader(file.toString()), "result");
        assertEquals(List.of("A", "B"), undo.actions().stream().map(Action::accessKeyId).toList());
        assertTrue(undo.actions().stream().allMatch(action -> action.kind() == ActionKind.ACTIVATE_KEY));
    }

    @Test
    void an_aws_refusal_is_recorded_as_failed_and_stops_the_apply() {
        MemoryIam iam = new MemoryIam() {
            @Override
            public void deactivate(String user, String accessKeyId, Instant now) {
                throw CredreportException.awsRefused("access denied", null);
            }
        }.key("A", true).key("B", true);

        assertThrows(CredreportException.class, () -> applier(iam, 50, false, () -> { }, Exemptions.NONE)
                .apply(start(), List.of(deactivate(1, "A"), deactivate(2, "B")), Duration.ofDays(7)));
        Result last = recorded.get(recorded.size() - 1);
        assertEquals(List.of(Outcome.State.FAILED, Outcome.State.NOT_STARTED), last.outcomes().stream().map(Outcome::state).toList());
    }

    @Test
    void max_actions_exceptions_and_dry_run_are_honoured_at_apply() {
        MemoryIam iam = new MemoryIam().key("A", true).key("B", true).key("C", true);
        Exemptions exceptB = (account, user, key) -> "access_key_2".equals(key);
        Result result = applier(iam, 2, true, () -> { }, exceptB)
                .apply(start(), List.of(deactivate(1, "A"), slot2(2, "B"), deactivate(3, "C")), Duration.ofDays(7));

        assertEquals(List.of(Outcome.State.CHECKED, Outcome.State.SKIPPED, Outcome.State.SKIPPED),
                result.outcomes().stream().map(Outcome::state).toList());
        assertTrue(iam.calls.isEmpty(), "a dry run changes nothing");
        assertTrue(result.undo().isEmpty());
    }

    @Test
    void deletes_only_a_key_inactive_now_and_quarantined_long_enough() {
        MemoryIam iam = new MemoryIam().key("OLD", false).key("NEW", false).key("BACK", true);
        iam.tags.put("OLD", NOW.minus(Duration.ofDays(31)));
        iam.tags.put("NEW", NOW.minus(Duration.ofDays(3)));
        iam.tags.put("BACK", NOW.minus(Duration.ofDays(60)));
        Result result = applier(iam, 50, false, () -> { }, Exemptions.NONE)
                .apply(start(), List.of(delete(1, "OLD"), delete(2, "NEW"), delete(3, "BACK")), Duration.ofDays(7));

        assertEquals(List.of(Outcome.State.DONE, Outcome.State.SKIPPED, Outcome.State.SKIPPED),
                result.outcomes().stream().map(Outcome::state).toList());
        assertEquals(List.of("delete OLD"), iam.calls);
    }

    @Test
    void a_signing_certificate_is_deactivated_only_when_it_is_still_the_active_one_the_plan_names_and_undo_reactivates_it() {
        MemoryIam iam = new MemoryIam().certificate("C1", true).certificate("C2", false).certificate("C3", true);
        iam.certificates.put("C3", new KeyFacts("C3", true, CREATED.plusSeconds(60)));
        Exemptions exceptCert2 = (account, user, credential) -> "cert_2".equals(credential);
        Result result = applier(iam, 50, false, () -> { }, exceptCert2).apply(start(), List.of(deactivateCertificate(1, "C1", 1),
                deactivateCertificate(2, "C2", 1), deactivateCertificate(3, "C3", 1), deactivateCertificate(4, "GONE", 1),
                deactivateCertificate(5, "C1", 2)), Duration.ofDays(7));

        assertEquals(List.of(Outcome.State.DONE, Outcome.State.SKIPPED, Outcome.State.SKIPPED, Outcome.State.SKIPPED,
                Outcome.State.SKIPPED), result.outcomes().stream().map(Outcome::state).toList());
        assertEquals(List.of("the certificate is already inactive (deactivated since the plan)",
                "the certificate C3 was uploaded " + CREATED.plusSeconds(60) + ", not " + CREATED,
                "the certificate GONE no longer exists", "covered by an exception"),
                result.outcomes().subList(1, 5).stream().map(Outcome::why).toList());
        assertEquals(List.of("deactivate certificate C1"), iam.calls);
        List<Action> undo = result.undo();
        assertEquals(List.of(ActionKind.ACTIVATE_CERTIFICATE), undo.stream().map(Action::kind).toList());
        assertEquals("C1", undo.get(0).certificateId());

        Result undone = applier(iam, 50, false, () -> { }, exceptCert2).apply(start(), undo, Duration.ofDays(7));

        assertEquals(List.of(Outcome.State.DONE), undone.outcomes().stream().map(Outcome::state).toList());
        assertTrue(iam.certificates.get("C1").active());
    }

    @Test
    void a_plan_past_max_plan_age_is_refused_as_a_usage_error() {
        Plan old = new Plan(NOW.minus(Duration.ofHours(25)), null, Duration.ofDays(7), Duration.ofDays(30), List.of(), List.of());
        CredreportException refused = assertThrows(CredreportException.class,
                () -> Applier.checkAge(old, Duration.ofHours(24), CLOCK));
        assertEquals(2, refused.exitCode().code());
    }
}

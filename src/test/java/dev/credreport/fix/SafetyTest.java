package dev.credreport.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SafetyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");

    private static Action deactivate(String key) {
        return new Action(1, ActionKind.DEACTIVATE_KEY, "111122223333", "alice", key, 1, CREATED, null, "credentials-unused");
    }

    @Test
    void a_credential_used_within_min_idle_of_the_real_clock_is_refused() {
        assertTrue(Safety.idleLongEnough(NOW.minus(Duration.ofDays(6)), Duration.ofDays(7), CLOCK).isPresent());
        assertFalse(Safety.idleLongEnough(NOW.minus(Duration.ofDays(7)), Duration.ofDays(7), CLOCK).isPresent());
        assertFalse(Safety.idleLongEnough(null, Duration.ofDays(7), CLOCK).isPresent(), "never used is idle");
        // A use after the clock (a skewed report) is refused too.
        assertTrue(Safety.idleLongEnough(NOW.plusSeconds(60), Duration.ofDays(7), CLOCK).isPresent());
    }

    @Test
    void min_idle_counts_from_the_clock_given_not_from_an_earlier_as_of() {
        Instant lastUsed = Instant.parse("2026-12-01T00:00:00Z");
        // --as-of a month ago would make this use look 20 days before "now"; the real clock says 3 days.
        Clock asOfLastMonth = Clock.fixed(Instant.parse("2026-11-10T00:00:00Z"), ZoneOffset.UTC);
        assertTrue(Safety.idleLongEnough(lastUsed, Duration.ofDays(7), CLOCK).isPresent());
        assertTrue(Safety.idleLongEnough(lastUsed, Duration.ofDays(7), asOfLastMonth).isPresent());
    }

    @Test
    void excepted_users_and_keys_are_never_touched() {
        Exemptions user = (account, name, key) -> name.equals("alice") && key == null;
        Exemptions oneKey = (account, name, key) -> "AKIA1".equals(key);
        assertTrue(Safety.notExcepted(user, "1", "alice", "AKIA1").isPresent(), "a user's exception covers its keys");
        assertTrue(Safety.notExcepted(oneKey, "1", "alice", "AKIA1").isPresent());
        assertFalse(Safety.notExcepted(oneKey, "1", "alice", "AKIA2").isPresent());
        assertFalse(Safety.notExcepted(Exemptions.NONE, "1", "alice", "AKIA1").isPresent());
    }

    @Test
    void only_the_key_the_finding_names() {
        assertFalse(Safety.sameKey(deactivate("AKIA1"), new KeyFacts("AKIA1", true, CREATED)).isPresent());
        assertTrue(Safety.sameKey(deactivate("AKIA1"), new KeyFacts("AKIA2", true, CREATED)).isPresent());
        assertTrue(Safety.sameKey(deactivate("AKIA1"), null).isPresent(), "a key gone");
        assertTrue(Safety.sameKey(deactivate("AKIA1"), new KeyFacts("AKIA1", true, CREATED.plusSeconds(5))).isPresent(),
                "another creation time is another key");
    }

    @Test
    void max_actions() {
        assertFalse(Safety.withinMaxActions(50, 50).isPresent());
        assertTrue(Safety.withinMaxActions(51, 50).isPresent());
    }

    @Test
    void delete_only_keys_inactive_now_and_deactivated_a_quarantine_ago() {
        Duration thirty = Duration.ofDays(30);
        KeyFacts inactive = new KeyFacts("AKIA1", false, CREATED);
        assertFalse(Safety.quarantined(inactive, NOW.minus(Duration.ofDays(30)), thirty, CLOCK).isPresent());
        assertTrue(Safety.quarantined(inactive, NOW.minus(Duration.ofDays(29)), thirty, CLOCK).isPresent());
        assertTrue(Safety.quarantined(inactive, null, thirty, CLOCK).isPresent(), "deactivated by hand: no record");
        assertTrue(Safety.quarantined(new KeyFacts("AKIA1", true, CREATED), NOW.minus(Duration.ofDays(90)), thirty, CLOCK)
                .isPresent(), "reactivated since");
    }

    @Test
    void root_is_never_touched() {
        assertTrue(Safety.notRoot("<root_account>").isPresent());
        assertFalse(Safety.notRoot("alice").isPresent());
    }

    @Test
    void a_use_after_the_plan_saw_it_is_a_change() {
        Instant seen = NOW.minus(Duration.ofDays(60));
        assertFalse(Safety.notUsedSince(seen, seen).isPresent());
        assertTrue(Safety.notUsedSince(seen, seen.plusSeconds(1)).isPresent());
        assertTrue(Safety.notUsedSince(null, seen).isPresent(), "never used at planning, used now");
        assertFalse(Safety.notUsedSince(null, null).isPresent());
    }

    @Test
    void plans_older_than_max_plan_age_are_refused() {
        assertFalse(Safety.planFresh(NOW.minus(Duration.ofHours(24)), Duration.ofHours(24), CLOCK).isPresent());
        assertTrue(Safety.planFresh(NOW.minus(Duration.ofHours(25)), Duration.ofHours(24), CLOCK).isPresent());
        assertEquals(Duration.ofHours(24), Safety.MAX_PLAN_AGE);
    }
}

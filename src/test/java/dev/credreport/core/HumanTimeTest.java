package dev.credreport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanTimeTest {
    @Test
    void should_read_the_forms_people_write() {
        assertEquals(Duration.ofSeconds(90), HumanTime.parse("90"));
        assertEquals(Duration.ofSeconds(90), HumanTime.parse("90s"));
        assertEquals(Duration.ofMinutes(5), HumanTime.parse("5m"));
        assertEquals(Duration.ofSeconds(90), HumanTime.parse("1m30s"));
        assertEquals(Duration.ofHours(1), HumanTime.parse("1H"));
        assertEquals(Duration.ofMillis(1500), HumanTime.parse("1s500ms"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5 m", "m5", "5m-3s", "-5s", "1.5m"})
    void should_refuse_what_is_not_a_duration(String text) {
        assertThrows(IllegalArgumentException.class, () -> HumanTime.parse(text));
    }

    @Test
    void should_format_in_the_largest_sensible_units() {
        assertEquals("850ms", HumanTime.span(Duration.ofMillis(850)));
        assertEquals("12s", HumanTime.span(Duration.ofSeconds(12)));
        // Reworded: Durations wrote "5m0s" and "3d4h", HumanTime and Ages "5m" and "3d"; one style now.
        assertEquals("5m", HumanTime.span(Duration.ofMinutes(5)));
        assertEquals("2h13m", HumanTime.span(Duration.ofMinutes(133)));
        assertEquals("3d", HumanTime.span(Duration.ofHours(3 * 24 + 4)));
        assertEquals("41d", HumanTime.span(Duration.ofHours(41 * 24 + 2)), "past ten days the hours are noise");
    }

    @Test
    void should_write_every_span_in_one_style_of_at_most_two_units() {
        assertEquals("0ms", HumanTime.span(Duration.ZERO));
        assertEquals("1m30s", HumanTime.span(Duration.ofSeconds(90)));
        assertEquals("7h", HumanTime.span(Duration.ofHours(7).plusSeconds(59)));
        assertEquals("47h59m", HumanTime.span(Duration.ofHours(48).minusMinutes(1)));
        assertEquals("2d", HumanTime.span(Duration.ofHours(48)), "from two days on, whole days: the rules count in days");
        assertEquals("5m", HumanTime.span(Duration.ofMinutes(-5)), "a span has no sign");
    }

    @Test
    void should_count_ages_to_the_reference_time_given() {
        Instant reference = Instant.parse("2024-06-01T10:00:00Z");
        assertEquals("12d ago", HumanTime.age(Instant.parse("2024-05-20T09:00:00Z"), reference));
        assertEquals("in 3d", HumanTime.age(Instant.parse("2024-06-04T10:00:00Z"), reference));
        assertEquals("2024-05-20 (12d ago)", HumanTime.dated(Instant.parse("2024-05-20T09:00:00Z"), reference));
        assertEquals("ages as of 2024-06-01 10:00 UTC", HumanTime.agesAsOf(reference));
        assertEquals("2024-06-01", HumanTime.date(reference));
        assertEquals("2024-06-01 10:00 UTC", HumanTime.minute(reference));
    }

    @Test
    void should_count_ages_to_the_generated_time_and_to_now_only_when_the_report_does_not_tell() {
        Instant generated = Instant.parse("2024-06-01T10:00:00Z");
        Instant now = Instant.parse("2024-06-03T10:00:00Z");
        assertEquals(generated, HumanTime.agesCountTo(Optional.of(generated), () -> now));
        assertEquals(now, HumanTime.agesCountTo(Optional.empty(), () -> now));
    }

    @Test
    void should_never_give_a_negative_age_for_a_time_after_the_reference() {
        Instant reference = Instant.parse("2024-06-01T10:00:00Z");

        assertEquals("41d old", HumanTime.old(reference.minus(java.time.Duration.ofDays(41)), reference));
        assertEquals("dated 3d later", HumanTime.old(reference.plus(java.time.Duration.ofDays(3)), reference));
        assertEquals("in 3d", HumanTime.age(reference.plus(java.time.Duration.ofDays(3)), reference));
        assertFalse(HumanTime.span(java.time.Duration.ofDays(-3)).contains("-"));
    }
}

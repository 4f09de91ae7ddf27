package dev.credreport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @Test
    void should_read_the_forms_people_write() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofHours(1), Durations.parse("1H"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1s500ms"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5 m", "m5", "5m-3s", "-5s", "1.5m"})
    void should_refuse_what_is_not_a_duration(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @Test
    void should_format_in_the_largest_sensible_units() {
        assertEquals("850ms", Durations.format(Duration.ofMillis(850)));
        assertEquals("12s", Durations.format(Duration.ofSeconds(12)));
        assertEquals("5m0s", Durations.format(Duration.ofMinutes(5)));
        assertEquals("2h13m", Durations.format(Duration.ofMinutes(133)));
        assertEquals("3d4h", Durations.format(Duration.ofHours(3 * 24 + 4)));
        assertEquals("41d", Durations.format(Duration.ofHours(41 * 24 + 2)), "past ten days the hours are noise");
    }
}

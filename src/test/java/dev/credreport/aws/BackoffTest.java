package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Duration EARLY = Duration.ofSeconds(10);

    @Test
    void should_poll_every_second_while_iam_answers_not_yet() {
        Backoff backoff = new Backoff();
        for (int i = 0; i < 20; i++) {
            assertEquals(Duration.ofSeconds(1), backoff.afterNotReady(EARLY));
        }
    }

    @Test
    void should_double_after_busy_answers_up_to_eight_seconds_then_halve_back() {
        Backoff backoff = new Backoff();
        List<Long> periods = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            periods.add(backoff.afterBusy(EARLY).toSeconds());
        }
        for (int i = 0; i < 4; i++) {
            periods.add(backoff.afterNotReady(EARLY).toSeconds());
        }
        assertEquals(List.of(2L, 4L, 8L, 8L, 8L, 4L, 2L, 1L, 1L), periods);
    }

    @Test
    void should_poll_every_five_seconds_after_five_minutes() {
        Backoff backoff = new Backoff();
        assertEquals(Duration.ofSeconds(1), backoff.afterNotReady(Duration.ofSeconds(299)));
        assertEquals(Duration.ofSeconds(5), backoff.afterNotReady(Duration.ofSeconds(300)));
        Duration late = Duration.ofMinutes(6);
        assertEquals(List.of(5L, 5L, 8L), List.of(backoff.afterBusy(late).toSeconds(), backoff.afterBusy(late).toSeconds(),
                backoff.afterBusy(late).toSeconds()));
    }
}

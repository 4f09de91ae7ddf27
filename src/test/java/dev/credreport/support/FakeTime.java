package dev.credreport.support;

import dev.credreport.aws.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until something sleeps on it: each sleep moves it on by the pause at
 * once, so that a test of polling or retries waits in fake time only, and sees exactly how long
 * the code under test chose to wait. Safe to share between threads.
 */
public final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    private Duration slept = Duration.ZERO;

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("a negative pause: " + pause);
        }
        now = now.plus(pause);
        slept = slept.plus(pause);
    }

    /** Moves the clock on without counting it as slept: time that passes while nothing waits. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Everything slept so far. */
    public synchronized Duration slept() {
        return slept;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fake time is UTC");
    }
}

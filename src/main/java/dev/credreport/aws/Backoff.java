package dev.credreport.aws;

import java.time.Duration;

/** Waits between polls: starting well under a second and growing to a few seconds. */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration LONGEST = Duration.ofSeconds(4);

    private Duration next = FIRST;

    /** The wait before the next poll, growing by half each time up to {@link #LONGEST}. */
    Duration next() {
        Duration current = next;
        Duration grown = next.plus(next.dividedBy(2));
        next = grown.compareTo(LONGEST) > 0 ? LONGEST : grown;
        return current;
    }
}

package dev.credreport.aws;

import java.time.Duration;

/**
 * How long to wait after one IAM answer before the next poll, while a report is generated.
 *
 * <p>The schedule: a second after each answer; twice the previous pause, up to {@link #LONGEST},
 * after an answer that says IAM is busy (Throttling, even when the SDK's retry got through, or
 * LimitExceeded); half of it again, down to a second, after each ordinary "not yet". After
 * {@link #PATIENT_AFTER} of waiting, never less than {@link #PATIENT_PERIOD}.
 *
 * <p>Why: a user waits at the terminal for a report that IAM takes from a second (small accounts)
 * to a minute or more (thousands of users) to generate. A second between an answer and the next
 * call is the shortest pause that keeps IAM at no more than one call a second over any wait, as
 * IAM counts them (between two arrivals lie the pause and a round trip), so no schedule within
 * that rate notices completion sooner: a report is picked up on average half a second after it is
 * ready, and never more than a second and a round trip. Counting the second from the start of each
 * call instead would let the slow first call (it warms up the SDK) bring the second call less
 * than a second after it. The former backoff (250 ms growing by half up to 4 s) made four calls in
 * the first second and slept up to 4 s past completion for every report that took longer than ten
 * seconds. Busy answers double the pause because IAM asks callers to slow down, and the other
 * generation behind a LimitExceeded typically runs for tens of seconds. Past five minutes nobody
 * watches the terminal closely (cron, a long --max-wait) and a report that slow is rare: a poll
 * every five seconds then costs the user little and IAM less.
 */
final class Backoff {
    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(8);
    static final Duration PATIENT_AFTER = Duration.ofMinutes(5);
    static final Duration PATIENT_PERIOD = Duration.ofSeconds(5);

    private Duration busyPeriod = PERIOD;

    /** The period after an answer that the report is not ready yet, {@code waited} into the wait. */
    Duration afterNotReady(Duration waited) {
        Duration halved = busyPeriod.dividedBy(2);
        busyPeriod = halved.compareTo(PERIOD) < 0 ? PERIOD : halved;
        return longer(busyPeriod, base(waited));
    }

    /** The period after an answer that IAM is busy: Throttling or LimitExceeded. */
    Duration afterBusy(Duration waited) {
        Duration doubled = busyPeriod.multipliedBy(2);
        busyPeriod = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return longer(busyPeriod, base(waited));
    }

    private static Duration base(Duration waited) {
        return waited.compareTo(PATIENT_AFTER) < 0 ? PERIOD : PATIENT_PERIOD;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

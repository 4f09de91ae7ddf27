package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import dev.credreport.core.HumanTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Throttling answered for a whole run over many accounts: one limiter per service and region,
 * shared by every account's calls, that slows down when AWS throttles (the rate halved, at most
 * once a second) and speeds up again while calls succeed (a little per success, until no limit at
 * all), and a retry of each throttled call with jittered exponential backoff. Which failures are
 * throttling is {@link ErrorClassifier#throttled}'s to say. Throttling fails a call only once it
 * has been retried for the run's patience ({@code --throttle-patience}); a low limit makes the run
 * slower, not incomplete.
 *
 * <p>Every pause goes through the injected {@link Sleeper} and is counted on the injected clock,
 * so that tests of throttling take no time.
 */
public final class RunThrottle {
    /** The run patience when none is given: generous, as a run of thousands of accounts may take an hour. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(15);
    static final Duration BASE_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(20);
    /** The rate (calls a second) a limiter starts at when first throttled. */
    static final double FIRST_RATE = 50;
    static final double MIN_RATE = 0.5;
    /** Past this rate the limiter no longer limits. */
    static final double MAX_RATE = 2000;
    /** What each success adds to the rate. */
    static final double INCREASE = 0.1;

    private final Duration patience;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    public RunThrottle(Duration patience, Clock clock, Sleeper sleeper) {
        this.patience = Objects.requireNonNull(patience, "patience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** How many calls are now waiting out a throttle, for the progress line. */
    public int waiting() {
        return waiting.get();
    }

    /** The current rate of a service and region's limiter in calls a second, or infinity when unlimited. */
    double rate(AwsCall.Service service, String region) {
        return limiter(service, region).rate();
    }

    /**
     * Makes one call through the limiter of its service and region, retrying it while it is
     * throttled, until the run's patience is spent.
     *
     * @throws CredreportException when the call stayed throttled for the whole patience
     * @throws RuntimeException whatever else the call threw, as it threw it
     */
    <T> T call(AwsCall call, String region, Supplier<T> action) {
        Limiter limiter = limiter(call.service(), region);
        Instant firstThrottle = null;
        int attempt = 0;
        while (true) {
            pause(limiter.acquire(clock.instant()));
            try {
                T result = action.get();
                limiter.succeeded();
                return result;
            } catch (RuntimeException e) {
                if (!ErrorClassifier.throttled(e, call)) {
                    throw e;
                }
                Instant now = clock.instant();
                limiter.throttled(now);
                if (firstThrottle == null) {
                    firstThrottle = now;
                }
                Duration waited = Duration.between(firstThrottle, now);
                if (waited.compareTo(patience) >= 0) {
                    CredreportException failure = ErrorClassifier.classify(e, call);
                    throw new CredreportException(failure.exitCode(), failure.getMessage() + " (still throttled after "
                            + HumanTime.span(waited) + " of retries; raise --throttle-patience, now "
                            + HumanTime.span(patience) + ", or lower --concurrency)", e);
                }
                Duration pause = backoff(attempt++);
                Duration left = patience.minus(waited);
                waiting.incrementAndGet();
                try {
                    pause(pause.compareTo(left) < 0 ? pause : left);
                } finally {
                    waiting.decrementAndGet();
                }
            }
        }
    }

    /** Full jitter over an exponential schedule: anywhere from nothing to 200 ms × 2^attempt, at most 20 s. */
    static Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void pause(Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CredreportException.awsFailed("interrupted while waiting out AWS's throttling", e);
        }
    }

    private Limiter limiter(AwsCall.Service service, String region) {
        return limiters.computeIfAbsent(service.title() + " " + region, key -> new Limiter());
    }

    /** Additive increase, multiplicative decrease of one service and region's rate of calls. */
    static final class Limiter {
        private double rate = Double.POSITIVE_INFINITY;
        private Instant next = Instant.MIN;
        private Instant lastDecrease = Instant.MIN;

        synchronized double rate() {
            return rate;
        }

        /** Takes the next slot: how long to wait for it from {@code now} (zero when unlimited). */
        synchronized Duration acquire(Instant now) {
            if (Double.isInfinite(rate)) {
                return Duration.ZERO;
            }
            Instant slot = next.isBefore(now) ? now : next;
            next = slot.plusNanos((long) (1_000_000_000L / rate));
            return Duration.between(now, slot);
        }

        synchronized void succeeded() {
            if (Double.isInfinite(rate)) {
                return;
            }
            rate += INCREASE;
            if (rate > MAX_RATE) {
                rate = Double.POSITIVE_INFINITY;
            }
        }

        /** Halves the rate, once a second at most: the calls in flight when AWS said so were all too many together. */
        synchronized void throttled(Instant now) {
            if (Double.isInfinite(rate)) {
                rate = FIRST_RATE;
                lastDecrease = now;
                return;
            }
            if (Duration.between(lastDecrease, now).compareTo(Duration.ofSeconds(1)) >= 0) {
                rate = Math.max(MIN_RATE, rate / 2);
                lastDecrease = now;
            }
        }
    }
}

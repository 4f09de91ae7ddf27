package dev.credreport.aws;

import java.time.Duration;

/**
 * Waits out a pause between attempts: the process sleeps, while tests pass one that moves their
 * fake clock on instead, so that a test of a minute's polling takes no time.
 */
@FunctionalInterface
public interface Sleeper {
    /** The calling thread sleeps. */
    Sleeper SYSTEM = pause -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);

    void sleep(Duration pause) throws InterruptedException;
}

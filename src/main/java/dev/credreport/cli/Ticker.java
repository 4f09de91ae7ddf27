package dev.credreport.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls a task every second, for a progress line that shows a long wait is alive: a daemon thread
 * in the process, ticked by hand in tests.
 */
@FunctionalInterface
public interface Ticker {
    /** A daemon thread that runs the task a second after the start and every second after that. */
    Ticker SYSTEM = task -> {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread ticking = new Thread(runnable, "credreport-progress");
            ticking.setDaemon(true);
            return ticking;
        });
        thread.scheduleAtFixedRate(task, 1, 1, TimeUnit.SECONDS);
        return thread::shutdownNow;
    };

    /**
     * Starts calling {@code task} every second.
     *
     * @return what stops the calls; it may be run from any thread, a shutdown hook's included
     */
    Runnable everySecond(Runnable task);
}

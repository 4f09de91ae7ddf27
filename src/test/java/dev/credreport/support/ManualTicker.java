package dev.credreport.support;

import dev.credreport.cli.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ticker that ticks when the test says: each {@link #tick} moves the fake clock on a second and runs what is ticking. */
public final class ManualTicker implements Ticker {
    private final FakeTime time;
    private final List<Runnable> ticking = new CopyOnWriteArrayList<>();

    public ManualTicker(FakeTime time) {
        this.time = time;
    }

    @Override
    public Runnable everySecond(Runnable task) {
        ticking.add(task);
        return () -> ticking.remove(task);
    }

    /** A second passes. */
    public void tick() {
        time.advance(Duration.ofSeconds(1));
        ticking.forEach(Runnable::run);
    }

    /** How many tasks tick now: 0 once the progress line has stopped its ticking. */
    public int ticking() {
        return ticking.size();
    }
}

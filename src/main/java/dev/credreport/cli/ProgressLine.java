package dev.credreport.cli;

import dev.credreport.core.HumanTime;
import dev.credreport.core.Lines;
import dev.credreport.io.Progress;
import java.io.IOException;
import dev.credreport.report.UntrustedText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * A status line on standard error that rewrites itself, shown only when standard error is a
 * terminal and --quiet was not given, so that logs and pipes never see it.
 *
 * <p>It is cut to the terminal's width: a line that wraps cannot be rewritten and leaves a stale
 * copy at every update. On a dumb terminal ({@code TERM=dumb}) it is rewritten with a carriage
 * return and spaces instead of escape codes. While it is shown a shutdown hook stands ready to
 * clear it, so that Ctrl-C or an exit mid-way leaves the terminal clean. Updates may come from
 * several threads.
 */
final class ProgressLine implements Progress {
    private static final String ERASE_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean enabled;
    private final IntSupplier terminalWidth;
    private int width;
    private final boolean dumb;
    private String status = "";
    /** What the line now shows on the terminal, for a dumb terminal's blanking; empty when nothing. */
    private volatile String shown = "";
    private final Clock clock;
    private final Ticker ticker;
    private Thread clearAtExit;
    /** What stops the ticking, while it ticks. */
    private volatile Runnable stopTicking;
    private final boolean outputOnTerminal;
    /** While output is written to the terminal the line is off it, and neither updates nor ticks draw it. */
    private boolean hidden;
    private Instant tickingSince;

    /**
     * @param terminalWidth the terminal's columns, asked when the line is first drawn (most fetches
     *     never draw it); the line keeps to one less, so the cursor never wraps
     * @param dumb whether the terminal understands no escape codes
     * @param clock what the time shown after the status is counted on
     * @param ticker what redraws the line every second once it ticks
     */
    ProgressLine(PrintWriter err, boolean enabled, IntSupplier terminalWidth, boolean dumb, Clock clock, Ticker ticker) {
        this(err, enabled, terminalWidth, dumb, clock, ticker, false);
    }

    /** @param outputOnTerminal whether standard output is a terminal too, so the line must make way for output */
    ProgressLine(PrintWriter err, boolean enabled, IntSupplier terminalWidth, boolean dumb, Clock clock, Ticker ticker,
            boolean outputOnTerminal) {
        this.outputOnTerminal = outputOnTerminal;
        this.err = err;
        this.enabled = enabled;
        this.terminalWidth = terminalWidth;
        this.dumb = dumb;
        this.clock = clock;
        this.ticker = ticker;
    }

    /** The progress line of a command: on when standard error is a terminal and not --quiet. */
    static ProgressLine of(Environment environment, PrintWriter err, boolean quiet) {
        return new ProgressLine(err, environment.stderrIsTerminal() && !quiet, environment::stderrWidth,
                "dumb".equals(environment.variable("TERM")), environment.clock(), environment.ticker(),
                environment.stdoutIsTerminal());
    }

    @Override
    public synchronized void update(String message) {
        if (!enabled) {
            return;
        }
        status = message;
        if (!hidden) {
            draw();
        }
    }

    /**
     * Output to a terminal that also shows this line would be glued to it: the line is erased
     * first and drawn again after. Output to a file or pipe leaves it be.
     */
    @Override
    public void without(OutputStep output) throws IOException {
        if (!enabled || !outputOnTerminal) {
            output.run();
            return;
        }
        synchronized (this) {
            hidden = true;
            erase();
            err.flush();
        }
        try {
            output.run();
        } finally {
            synchronized (this) {
                hidden = false;
                if (stopTicking != null || !status.isEmpty()) {
                    draw();
                }
            }
        }
    }

    /**
     * From now on the line shows the time since this call after the status, and is redrawn every
     * second, so that a long wait is seen to be alive.
     */
    @Override
    public synchronized void tickEverySecond() {
        if (!enabled || stopTicking != null) {
            return;
        }
        tickingSince = clock.instant();
        stopTicking = ticker.everySecond(this::tick);
    }

    /** Prints a line of its own (a failure, a note) above the progress line, which is then drawn again. */
    @Override
    public synchronized void printAbove(String line) {
        boolean wasShown = !shown.isEmpty();
        erase();
        err.println(line);
        if (wasShown) {
            draw();
        } else {
            err.flush();
        }
    }

    @Override
    public synchronized void clear() {
        if (stopTicking != null) {
            stopTicking.run();
            stopTicking = null;
        }
        erase();
        err.flush();
        if (clearAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(clearAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it clears the line itself
            }
            clearAtExit = null;
        }
    }

    private synchronized void tick() {
        if (stopTicking != null && !hidden) {
            draw();
        }
    }

    private void draw() {
        String line = status;
        if (stopTicking != null) {
            long seconds = Duration.between(tickingSince, clock.instant()).toSeconds();
            line = (line.isEmpty() ? "" : line + ", ") + (seconds == 0 ? "0s" : HumanTime.span(Duration.ofSeconds(seconds)));
        }
        line = fit(UntrustedText.escape(line));
        if (dumb) {
            // No escape codes: overwrite what was there, and blank what the new line is too short to cover.
            int left = shown.length() - line.length();
            err.print("\r" + line + (left > 0 ? " ".repeat(left) : ""));
        } else {
            err.print(ERASE_LINE + line);
        }
        err.flush();
        shown = line;
        if (clearAtExit == null) {
            clearAtExit = new Thread(this::clearForExit, "credreport-progress-clear");
            Runtime.getRuntime().addShutdownHook(clearAtExit);
        }
    }

    /** At exit (Ctrl-C included) the line is erased; not synchronized, as the thread that holds the lock may never let go. */
    private void clearForExit() {
        Runnable ticking = stopTicking;
        if (ticking != null) {
            ticking.run();
        }
        if (!shown.isEmpty()) {
            err.print(dumb ? "\r" + " ".repeat(shown.length()) + "\r" : ERASE_LINE);
            err.flush();
        }
    }

    private void erase() {
        if (shown.isEmpty()) {
            return;
        }
        err.print(dumb ? "\r" + " ".repeat(shown.length()) + "\r" : ERASE_LINE);
        shown = "";
    }

    private String fit(String line) {
        if (width == 0) {
            int columns = terminalWidth.getAsInt();
            width = columns > 1 ? columns : 80;
        }
        // One column short of the width, so that the cursor never wraps.
        return Lines.cut(line, width - 1);
    }
}

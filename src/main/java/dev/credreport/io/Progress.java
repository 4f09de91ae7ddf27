package dev.credreport.io;

/**
 * Where a run over many accounts says how far it is: a line on standard error that rewrites
 * itself on a terminal, or nothing. Updates may come from several threads.
 */
public interface Progress {
    /** Shows this status ("3/40 accounts done, 0 failed"). */
    void update(String status);

    /** From now on the time since this call is shown after the status, and redrawn every second. */
    void tickEverySecond();

    /** Prints a line of its own (a failure, a note) above the progress line, which is then drawn again. */
    void printAbove(String line);

    /**
     * Takes the line off the terminal while {@code output} writes to standard output, which may be
     * the same terminal, and draws it again after: output is never glued to a progress line.
     */
    void without(OutputStep output) throws java.io.IOException;

    /** Takes the line away for good, before the run's last words and its output are finished. */
    void clear();

    /** Writing to standard output. */
    @FunctionalInterface
    interface OutputStep {
        void run() throws java.io.IOException;
    }
}

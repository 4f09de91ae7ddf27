package dev.credreport.report;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many parsed rows may still be kept in memory, shared by every report of one run: made once by
 * the command and passed to each report's validating read, so that formats which read a report
 * again (blocks, json, table, audit, the page) do not parse it twice. A report is kept only when all
 * of it fits, so a million-row report is read again instead, in constant memory, and so are the last
 * accounts of a run over many. Nothing of it is shared between runs in one JVM (tests, a library use).
 */
public final class RowBudget {
    /**
     * What a kept row may cost in heap: twice what one of the benchmark's synthetic rows costs
     * (about 1.9 KB for the cells as text and their typed values), for long names and paths.
     */
    static final long BYTES_PER_ROW = 4096;

    private final AtomicLong rows;

    RowBudget(long rows) {
        this.rows = new AtomicLong(rows);
    }

    /** A quarter of the heap: the rest is for the output being built and the reports themselves. */
    static RowBudget forHeap(long maxHeapBytes) {
        return new RowBudget(maxHeapBytes / 4 / BYTES_PER_ROW);
    }

    /** A budget for one run in this JVM: a quarter of its heap. */
    public static RowBudget forThisRun() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /** No rows kept: each format that needs the rows again parses the report again. */
    public static RowBudget none() {
        return new RowBudget(0);
    }

    /** Takes {@code count} rows from the budget, or nothing and false when fewer are left. */
    boolean take(long count) {
        long left;
        do {
            left = rows.get();
            if (left < count) {
                return false;
            }
        } while (!rows.compareAndSet(left, left - count));
        return true;
    }

    void giveBack(long count) {
        rows.addAndGet(count);
    }

    long left() {
        return rows.get();
    }
}

package dev.credreport.report;

import java.util.concurrent.atomic.AtomicLong;

/** How many parsed rows may still be kept in memory, shared by every report of a run. */
final class RowBudget {
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

package dev.credreport.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved reports of every account, as the run's one {@link ReportStore#sweep} found them, so
 * that {@code --keep} prunes an account from what it knows instead of listing the store at each
 * save. Each report is one {@code long} (its generated second and its suffix): an archive of
 * 10,000 accounts with 90 reports each is about 8 MB, where the reports' locations as text would
 * be twenty times that. Accounts are pruned at once from many workers, each under its own lock.
 *
 * <p>Reports another run saves after the sweep are not known here: the next run prunes them.
 */
final class KeptReports implements ReportStore.Sweep {
    /** Enough for {@link ArchiveLayout#MAX_SUFFIX} (999,999 < 2^20); the second takes the other 43 bits. */
    private static final int SUFFIX_BITS = 20;

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public void saved(SavedReport report) {
        account(report.accountId()).add(pack(report.generatedTime(), report.suffix()), false);
    }

    @Override
    public void orphan(SavedReport report) {
        account(report.accountId()).add(pack(report.generatedTime(), report.suffix()), true);
    }

    /**
     * The highest suffix a report of the account with this generated time had when swept, or was
     * saved with since (-1: none): a new report's name must come after it.
     */
    int highestSuffix(String accountId, Instant generated) {
        return account(accountId).highestSuffix(generated.getEpochSecond());
    }

    /**
     * What to delete now that the account's report was saved with this generated time and
     * suffix: its oldest reports beyond the newest {@code keep} (the one just saved counted), and
     * its orphaned metadata, each told once. They are forgotten here as they are told. A report this
     * run saved (or found already saved) is never among them, whatever its name sorts as: should it
     * be older than the newest {@code keep}, it is kept besides them.
     *
     * @param location makes a saved report's location from its account, generated time and suffix
     */
    Pruned saved(String accountId, Instant generated, int suffix, int keep, Locator location) {
        Account account = account(accountId);
        long[][] told = account.prune(pack(generated, suffix), keep);
        return new Pruned(unpack(accountId, told[0], location), unpack(accountId, told[1], location));
    }

    /** The reports to delete for --keep, oldest first, and the orphaned metadata to delete. */
    record Pruned(List<SavedReport> beyondKeep, List<SavedReport> orphans) {
    }

    /** The location of an account's report of this generated time and suffix. */
    @FunctionalInterface
    interface Locator {
        String location(String accountId, Instant generated, int suffix);
    }

    private Account account(String id) {
        return accounts.computeIfAbsent(id, key -> new Account());
    }

    private static long pack(Instant generated, int suffix) {
        return generated.getEpochSecond() << SUFFIX_BITS | suffix;
    }

    private static List<SavedReport> unpack(String accountId, long[] packed, Locator location) {
        List<SavedReport> reports = new ArrayList<>(packed.length);
        for (long one : packed) {
            Instant generated = Instant.ofEpochSecond(one >> SUFFIX_BITS);
            int suffix = (int) (one & ((1 << SUFFIX_BITS) - 1));
            reports.add(new SavedReport(location.location(accountId, generated, suffix), accountId, generated, suffix));
        }
        return reports;
    }

    /** One account's reports (packed, in no order until pruned) and orphans. */
    private static final class Account {
        private long[] reports = new long[2];
        private int size;
        private long[] orphans = new long[0];
        /** The reports this run saved: never pruned, even when older than the newest keep (then one more is kept). */
        private long[] ours = new long[0];

        synchronized int highestSuffix(long second) {
            int highest = -1;
            for (int i = 0; i < size; i++) {
                if (reports[i] >> SUFFIX_BITS == second) {
                    highest = Math.max(highest, (int) (reports[i] & ((1 << SUFFIX_BITS) - 1)));
                }
            }
            for (long one : ours) {
                if (one >> SUFFIX_BITS == second) {
                    highest = Math.max(highest, (int) (one & ((1 << SUFFIX_BITS) - 1)));
                }
            }
            return highest;
        }

        synchronized void add(long report, boolean orphan) {
            if (orphan) {
                orphans = Arrays.copyOf(orphans, orphans.length + 1);
                orphans[orphans.length - 1] = report;
                return;
            }
            if (size == reports.length) {
                reports = Arrays.copyOf(reports, size * 2);
            }
            reports[size++] = report;
        }

        /** [the reports beyond the newest keep, oldest first, none of this run's; the orphans], both forgotten. */
        synchronized long[][] prune(long saved, int keep) {
            boolean known = false;
            for (int i = 0; i < size && !known; i++) {
                known = reports[i] == saved;
            }
            if (!known) {
                add(saved, false);
            }
            if (!contains(ours, saved)) {
                ours = Arrays.copyOf(ours, ours.length + 1);
                ours[ours.length - 1] = saved;
            }
            // Packed as (second, suffix), the numbers sort as SavedReport.OLDEST_FIRST does.
            Arrays.sort(reports, 0, size);
            int beyond = Math.max(0, size - keep);
            long[] pruned = new long[beyond];
            int count = 0;
            int kept = 0;
            for (int i = 0; i < size; i++) {
                // One of ours among the oldest is kept over the keep, not traded for a newer report.
                if (i < beyond && !contains(ours, reports[i])) {
                    pruned[count++] = reports[i];
                } else {
                    reports[kept++] = reports[i];
                }
            }
            pruned = Arrays.copyOf(pruned, count);
            size = kept;
            long[] orphaned = orphans;
            orphans = new long[0];
            return new long[][] {pruned, orphaned};
        }

        private static boolean contains(long[] packed, long one) {
            for (long each : packed) {
                if (each == one) {
                    return true;
                }
            }
            return false;
        }
    }
}

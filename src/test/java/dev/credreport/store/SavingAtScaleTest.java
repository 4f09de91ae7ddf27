package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.ReportInput;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --output-dir --keep over many accounts and many days: a save touches only its own account's
 * reports, so the directory is read whole once a run whatever the number of accounts, and each
 * account keeps its newest reports.
 */
class SavingAtScaleTest {
    static final Instant DAY_ONE = Instant.parse("2024-06-01T06:00:00Z");

    @TempDir
    Path dir;

    /** One run's saves of every account on a day, four at a time as workers make them; how often the directory was read whole. */
    static int run(Path archive, List<String> accounts, int day, Integer keep) throws Exception {
        AtomicInteger listings = new AtomicInteger();
        ReportArchive store = new ReportArchive(archive, (directory, glob) -> {
            listings.incrementAndGet();
            return Files.newDirectoryStream(directory, glob);
        });
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (ReportSaver saver = new ReportSaver(store, keep)) {
            saver.check();
            List<Future<ReportStore.SaveOutcome>> saves = new ArrayList<>();
            for (String account : accounts) {
                saves.add(workers.submit(() -> saver.save(report(account, day))));
            }
            for (Future<ReportStore.SaveOutcome> save : saves) {
                assertTrue(save.get().written());
            }
        } finally {
            workers.shutdownNow();
        }
        return listings.get();
    }

    static ReportInput report(String account, int day) {
        return ReportInput.fromAws(FakeOrganization.report(account).getBytes(StandardCharsets.UTF_8), generated(day),
                "account " + account);
    }

    static Instant generated(int day) {
        return DAY_ONE.plus(Duration.ofDays(day - 1));
    }

    @Test
    void should_read_the_directory_whole_once_a_run_however_many_accounts_and_days() throws Exception {
        List<List<Integer>> listings = new ArrayList<>();
        for (int size : new int[] {4, 60}) {
            Path archive = dir.resolve("accounts-" + size);
            List<String> accounts = FakeOrganization.accounts(size);
            List<Integer> perDay = new ArrayList<>();
            for (int day = 1; day <= 4; day++) {
                perDay.add(run(archive, accounts, day, 2));
            }
            listings.add(perDay);

            List<String> names = TestFiles.namesIn(archive);
            assertEquals(4 * size, names.size(), names::toString);
            for (String account : accounts) {
                for (int day = 1; day <= 4; day++) {
                    String name = ArchiveLayout.fileName(account, generated(day), 0);
                    boolean kept = day > 2;
                    assertEquals(kept, names.contains(name), name + " in " + names);
                    assertEquals(kept, names.contains(name.replace(".csv", ".meta.json")), name + " in " + names);
                }
            }
        }
        assertEquals(List.of(List.of(1, 1, 1, 1), List.of(1, 1, 1, 1)), listings,
                "one listing a run, the same for 4 accounts as for 60");
    }

    @Test
    void should_prune_only_the_accounts_it_saved_and_their_orphaned_metadata_once_a_run() throws Exception {
        List<String> accounts = FakeOrganization.accounts(3);
        run(dir, accounts, 1, 1);
        String other = ArchiveLayout.fileName(accounts.get(2), generated(1), 0);
        Path orphan = dir.resolve(ArchiveLayout.fileName(accounts.get(0), generated(0), 0).replace(".csv", ".meta.json"));
        Files.writeString(orphan, "{}");
        Path othersOrphan = dir.resolve(ArchiveLayout.fileName(accounts.get(2), generated(0), 0).replace(".csv", ".meta.json"));
        Files.writeString(othersOrphan, "{}");

        assertEquals(1, run(dir, accounts.subList(0, 2), 2, 1));

        List<String> names = TestFiles.namesIn(dir);
        assertFalse(Files.exists(orphan), "the saved account's orphaned metadata are removed");
        assertTrue(Files.exists(othersOrphan), "an account not saved is not touched");
        assertTrue(names.contains(other), names::toString);
        assertFalse(names.contains(ArchiveLayout.fileName(accounts.get(0), generated(1), 0)), names::toString);
        assertTrue(names.contains(ArchiveLayout.fileName(accounts.get(0), generated(2), 0)), names::toString);
    }

    @Test
    void should_remove_stale_temporaries_in_the_same_one_listing() throws Exception {
        Path stale = Files.writeString(dir.resolve("." + ArchiveLayout.fileName("123456789012", generated(1), 0) + ".77.tmp"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        assertEquals(1, run(dir, FakeOrganization.accounts(2), 1, 2));

        assertFalse(Files.exists(stale));
    }

    @Test
    void should_read_the_directory_once_without_keep_too() throws Exception {
        assertEquals(1, run(dir, FakeOrganization.accounts(5), 1, null));
    }
}

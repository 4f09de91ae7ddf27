package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.ReportInput;
import dev.credreport.support.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of one account with the same generated time but other bytes get suffixes; once --keep
 * freed the plain name, the next report must not take it (it would sort oldest and be pruned at once).
 */
class KeepNeverDeletesItsOwnSaveTest {
    static final String ACCOUNT = "123456789012";
    static final Instant GENERATED = Instant.parse("2024-06-01T06:00:00Z");

    @TempDir
    Path dir;

    static ReportInput report(String... users) {
        String[] rows = new String[users.length + 1];
        rows[0] = SampleReports.ROOT;
        System.arraycopy(users, 0, rows, 1, users.length);
        return ReportInput.fromAws(SampleReports.lines(SampleReports.HEADER, rows).getBytes(StandardCharsets.UTF_8), GENERATED, "account " + ACCOUNT);
    }

    /** One fetch run with --keep: its own saver, its own sweep. */
    ReportStore.SaveOutcome run(ReportInput report, int keep) {
        try (ReportSaver saver = new ReportSaver(new ReportArchive(dir), keep)) {
            saver.check();
            return saver.save(report);
        }
    }

    List<String> names() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void should_name_each_new_report_after_every_name_of_its_time_and_keep_it() throws Exception {
        List<ReportInput> reports = List.of(report(SampleReports.ALICE), report(SampleReports.CAROL),
                report(SampleReports.ALICE, SampleReports.CAROL), report(), report(SampleReports.CAROL, SampleReports.ALICE));
        int expectedSuffix = 0;
        for (ReportInput report : reports) {
            ReportStore.SaveOutcome saved = run(report, 2);
            assertTrue(saved.written());
            assertEquals(expectedSuffix++, saved.suffix(), "after every name of that account and time");
            assertTrue(Files.exists(Path.of(saved.location())), "the report just saved is kept: " + names());
        }
        assertEquals(List.of(ArchiveLayout.fileName(ACCOUNT, GENERATED, 3), ArchiveLayout.fileName(ACCOUNT, GENERATED, 4)), names());
    }

    @Test
    void should_never_prune_the_report_it_saved_even_when_its_time_is_the_oldest() throws Exception {
        ReportStore.SaveOutcome later;
        try (ReportSaver saver = new ReportSaver(new ReportArchive(dir), 1)) {
            later = saver.save(ReportInput.fromAws(report(SampleReports.ALICE).bytes(), GENERATED.plusSeconds(3600), "later"));
        }
        ReportStore.SaveOutcome saved = run(report(SampleReports.CAROL), 1);
        assertTrue(Files.exists(Path.of(saved.location())), "printed as saved, so it is there: " + names());
        assertTrue(Files.exists(Path.of(later.location())), "the newest is kept too, not traded for it: " + names());
    }
}

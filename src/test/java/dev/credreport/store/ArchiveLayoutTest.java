package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a saved report lies, and that a store takes back for a saved report exactly what it would write. */
class ArchiveLayoutTest {
    static final List<Instant> TIMES = List.of(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59Z"),
            Instant.parse("2024-06-01T11:59:00Z"), Instant.parse("2099-12-31T23:59:59Z"));

    @Test
    void should_put_reports_side_by_side_in_a_directory_and_in_their_utc_date_in_s3() {
        Instant generated = Instant.parse("2024-06-01T23:30:00Z");

        assertEquals("credential-report-123456789012-20240601T233000Z.csv", ArchiveLayout.FLAT.path("123456789012", generated, 0));
        assertEquals("dt=2024-06-01/credential-report-123456789012-20240601T233000Z-3.csv",
                ArchiveLayout.BY_DATE.path("123456789012", generated, 3));
        assertEquals("", ArchiveLayout.FLAT.directoryTemplate());
        assertEquals("dt=${dt}/", ArchiveLayout.BY_DATE.directoryTemplate());
    }

    @Test
    void should_take_back_every_path_it_makes_as_the_report_it_names() {
        for (ArchiveLayout layout : List.of(ArchiveLayout.FLAT, ArchiveLayout.BY_DATE)) {
            for (Instant generated : TIMES) {
                for (int suffix : new int[] {0, 1, 42, ArchiveLayout.MAX_SUFFIX}) {
                    String path = layout.path("210987654321", generated, suffix);
                    assertEquals(Optional.of(new SavedReport("at/" + path, "210987654321", generated, suffix)),
                            layout.parse("at/" + path, path), path);
                }
            }
        }
    }

    @Test
    void should_take_no_path_it_would_not_make_for_a_saved_report() {
        String name = "credential-report-123456789012-20240601T115900Z.csv";
        for (String path : List.of(
                "dt=2024-06-02/" + name,
                "dt=2024-6-1/" + name,
                name,
                "dt=2024-06-01/old/" + name,
                "x/dt=2024-06-01/" + name,
                "day=2024-06-01/" + name,
                "dt=2024-06-01/" + name.replace(".csv", "-0.csv"),
                "dt=2024-06-01/" + name.replace(".csv", "-01.csv"),
                "dt=2024-06-01/" + name.replace(".csv", "-1000000.csv"),
                "dt=2024-06-01/" + name.replace("0601", "1301"),
                "dt=2024-06-01/" + name + ".bak")) {
            assertEquals(Optional.empty(), ArchiveLayout.BY_DATE.parse(path, path), path);
        }
        assertEquals(Optional.empty(), ArchiveLayout.FLAT.parse("x", "dt=2024-06-01/" + name));
        assertTrue(ArchiveLayout.FLAT.parse("x", name).isPresent());
    }

    @Test
    void should_refuse_a_suffix_its_names_cannot_carry() {
        Instant generated = TIMES.get(0);

        assertThrows(IllegalArgumentException.class, () -> ArchiveLayout.fileName("123456789012", generated, -1));
        assertThrows(IllegalArgumentException.class,
                () -> ArchiveLayout.fileName("123456789012", generated, ArchiveLayout.MAX_SUFFIX + 1));
    }
}

package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.ReportInput;
import dev.credreport.support.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReportSaver writes a store that is read by position (the S3 layout, Athena's) in AWS's column
 * order, with metadata whose digest is that of the bytes saved; a local directory keeps the report
 * as it came.
 */
class ReportSaverColumnOrderTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");
    static final String OLDER = SampleReports.lines(
            SampleReports.HEADER.replace(",access_key_1_last_used_service", "").replace(",access_key_2_last_used_service", ""),
            SampleReports.ALICE.replace(",eu-west-1,s3,", ",eu-west-1,").replace(",false,N/A,N/A,N/A,N/A,false,", ",false,N/A,N/A,N/A,false,"));

    /** An S3 prefix in memory: the same layout and save algorithm as S3ReportStore. */
    static final class ByDateStore implements ReportStore, WriteOnceStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        final Map<String, ReportMetadata> metadata = new TreeMap<>();

        @Override
        public SaveOutcome save(byte[] content, ReportMetadata saved, int highestTaken) {
            return SaveWithoutOverwriting.save(this, layout(), content, saved, highestTaken);
        }

        @Override
        public Optional<Existing> existing(String path) {
            byte[] content = objects.get(path);
            return content == null ? Optional.empty()
                    : Optional.of(new Existing(OptionalLong.of(content.length), Optional.of(metadata.get(path).sha256()), () -> content));
        }

        @Override
        public boolean putIfAbsent(String path, byte[] content, ReportMetadata saved) {
            if (objects.containsKey(path)) {
                return false;
            }
            objects.put(path, content);
            metadata.put(path, saved);
            return true;
        }

        @Override
        public String location(String path) {
            return "s3://bucket/" + path;
        }

        @Override
        public List<SavedReport> list(String accountId) {
            return List.of();
        }

        @Override
        public ReportInput read(SavedReport report) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sweep(Sweep found) {
        }

        @Override
        public void delete(SavedReport report) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveLayout layout() {
            return ArchiveLayout.BY_DATE;
        }

        @Override
        public String describe() {
            return "s3://bucket/";
        }
    }

    static ReportInput fromAws(String csv) {
        return ReportInput.fromAws(csv.getBytes(StandardCharsets.UTF_8), GENERATED, "test");
    }

    @Test
    void should_save_an_older_report_to_s3_in_aws_order_with_the_digest_of_what_it_saved() {
        ByDateStore store = new ByDateStore();

        new ReportSaver(store, null).save(fromAws(OLDER));

        String path = "dt=2024-06-01/credential-report-123456789012-20240601T115900Z.csv";
        assertEquals(List.of(path), List.copyOf(store.objects.keySet()));
        byte[] saved = store.objects.get(path);
        assertEquals(SampleReports.report(SampleReports.ALICE.replace(",eu-west-1,s3,", ",eu-west-1,N/A,")),
                new String(saved, StandardCharsets.UTF_8));
        assertTrue(store.metadata.get(path).describes(saved), "the sha256 is that of the saved bytes");
    }

    @Test
    void should_take_the_same_older_report_saved_again_for_the_one_saved() {
        ByDateStore store = new ByDateStore();
        new ReportSaver(store, null).save(fromAws(OLDER));

        ReportStore.SaveOutcome again = new ReportSaver(store, null).save(fromAws(OLDER));

        assertEquals(false, again.written(), "no -1 copy of the same report");
        assertEquals(1, store.objects.size());
    }

    @Test
    void should_keep_an_older_report_as_it_came_in_a_local_directory(@TempDir Path dir) throws Exception {
        ReportStore.SaveOutcome outcome = new ReportSaver(new ReportArchive(dir), null).save(fromAws(OLDER));

        byte[] saved = Files.readAllBytes(Path.of(outcome.location()));
        assertArrayEquals(OLDER.getBytes(StandardCharsets.UTF_8), saved);
        assertTrue(ReportArchive.metadataOf(Path.of(outcome.location())).isPresent(), "metadata describe the file");
    }
}

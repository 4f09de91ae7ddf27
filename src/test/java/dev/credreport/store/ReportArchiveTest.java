package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import dev.credreport.core.CredreportException;
import dev.credreport.io.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportArchiveTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");

    @TempDir
    Path dir;

    static ReportMetadata metadata(byte[] content) {
        return new ReportMetadata(GENERATED, "123456789012", "aws", "test", ReportMetadata.sha256(content));
    }

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    @Test
    void should_give_each_different_content_its_own_name_even_when_saved_at_once() throws Exception {
        ReportArchive archive = new ReportArchive(dir);
        int runs = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<Future<ReportStore.SaveOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            byte[] content = ("user,arn\nrun " + i + "\n").getBytes(StandardCharsets.UTF_8);
            outcomes.add(pool.submit(() -> {
                start.await();
                return archive.save(content, metadata(content));
            }));
        }
        start.countDown();
        Set<Path> paths = new HashSet<>();
        for (Future<ReportStore.SaveOutcome> outcome : outcomes) {
            assertTrue(outcome.get().written());
            paths.add(Path.of(outcome.get().location()));
        }
        pool.shutdown();

        assertEquals(runs, paths.size(), "no run overwrote another");
        Set<String> contents = new HashSet<>();
        for (Path path : paths) {
            contents.add(Files.readString(path));
            assertTrue(ReportArchive.metadataOf(path).isPresent(), path + " has its own metadata");
        }
        assertEquals(runs, contents.size());
        assertEquals(2 * runs, files().size(), "no temporary files: " + files());
    }

    @Test
    void should_list_only_files_named_as_it_names_them_oldest_first() throws IOException {
        Files.writeString(dir.resolve("credential-report-123456789012-20240602T000000Z.csv"), "b");
        Files.writeString(dir.resolve("credential-report-123456789012-20240601T000000Z-2.csv"), "a2");
        Files.writeString(dir.resolve("credential-report-123456789012-20240601T000000Z.csv"), "a");
        Files.writeString(dir.resolve("credential-report-123456789012-2024.csv"), "no");
        Files.writeString(dir.resolve("credential-report-12345678901-20240601T000000Z.csv"), "no");

        List<String> names = new ReportArchive(dir).list("123456789012").stream()
                .map(report -> Path.of(report.location()).getFileName().toString()).toList();

        assertEquals(List.of("credential-report-123456789012-20240601T000000Z.csv",
                "credential-report-123456789012-20240601T000000Z-2.csv",
                "credential-report-123456789012-20240602T000000Z.csv"), names);
    }

    @Test
    void should_leave_nothing_when_a_new_file_fails_midway() throws IOException {
        Path target = dir.resolve("new.csv");

        assertThrows(CredreportException.class, () -> AtomicFileWriter.writeNew(target, out -> {
            out.write("partial");
            throw new IOException("No space left on device");
        }));

        assertEquals(List.of(), files());
    }

    @Test
    void should_not_write_a_new_file_over_an_existing_one() throws IOException {
        Path target = Files.writeString(dir.resolve("taken.csv"), "first");

        assertFalse(AtomicFileWriter.writeNew(target, out -> out.write("second")));

        assertEquals("first", Files.readString(target));
        assertEquals(List.of("taken.csv"), files());
    }

    @Test
    void should_round_trip_metadata_and_refuse_what_is_not_metadata() {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        ReportMetadata metadata = metadata(content);

        assertEquals(metadata, ReportMetadata.fromJson(metadata.toJson().getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertTrue(metadata.describes(content));
        assertFalse(metadata.describes("y".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ReportMetadata.fromJson("{\"generated_time\": \"soon\"}".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(ReportMetadata.fromJson("[1, 2]".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}

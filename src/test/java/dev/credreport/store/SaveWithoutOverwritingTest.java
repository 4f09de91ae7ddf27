package dev.credreport.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one save algorithm, over a store in memory whose races the test chooses, and over a real directory. */
class SaveWithoutOverwritingTest {
    static final Instant GENERATED = Instant.parse("2024-06-01T11:59:00Z");
    static final String PLAIN = "dt=2024-06-01/credential-report-123456789012-20240601T115900Z.csv";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ReportMetadata metadata(byte[] content) {
        return new ReportMetadata(GENERATED, "123456789012", "aws", "test", ReportMetadata.sha256(content));
    }

    /** A store in memory: what it holds, what was asked of it, and what a rival run does just before each put. */
    static final class MemoryStore implements WriteOnceStore {
        final Map<String, byte[]> objects = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();
        boolean recordsDigests = true;
        /** Answers every put "taken" while holding nothing there: a dangling link, a store that 412s every conditional PUT. */
        boolean refusesEveryPut;
        Consumer<String> rival = path -> { };

        @Override
        public Optional<Existing> existing(String path) {
            asked.add("look " + path);
            byte[] held = objects.get(path);
            if (held == null) {
                return Optional.empty();
            }
            return Optional.of(new Existing(OptionalLong.of(held.length),
                    recordsDigests ? Optional.of(ReportMetadata.sha256(held)) : Optional.empty(), () -> {
                        asked.add("read " + path);
                        return held;
                    }));
        }

        @Override
        public boolean putIfAbsent(String path, byte[] content, ReportMetadata metadata) {
            rival.accept(path);
            asked.add("put " + path);
            return !refusesEveryPut && objects.putIfAbsent(path, content) == null;
        }

        @Override
        public void repair(String path, ReportMetadata metadata) {
            asked.add("repair " + path);
        }

        @Override
        public String location(String path) {
            return "mem:" + path;
        }
    }

    final MemoryStore store = new MemoryStore();

    ReportStore.SaveOutcome save(String text) {
        byte[] content = bytes(text);
        return SaveWithoutOverwriting.save(store, ArchiveLayout.BY_DATE, content, metadata(content));
    }

    @Test
    void should_save_under_the_plain_name_where_it_is_free() {
        assertEquals(new ReportStore.SaveOutcome("mem:" + PLAIN, true, 0), save("report"));
        assertEquals(List.of("look " + PLAIN, "put " + PLAIN), store.asked);
    }

    @Test
    void should_keep_the_same_report_as_it_is_and_let_the_store_repair_it() {
        save("report");
        store.asked.clear();

        assertEquals(new ReportStore.SaveOutcome("mem:" + PLAIN, false, 0), save("report"));
        assertEquals(List.of("look " + PLAIN, "repair " + PLAIN), store.asked, "compared by digest, not read, not written");
    }

    @Test
    void should_take_the_next_free_suffix_past_other_reports() {
        store.objects.put(PLAIN, bytes("other"));
        store.objects.put(PLAIN.replace(".csv", "-1.csv"), bytes("another"));

        ReportStore.SaveOutcome outcome = save("report");

        assertEquals("mem:" + PLAIN.replace(".csv", "-2.csv"), outcome.location());
        assertTrue(outcome.written());
        assertEquals("other", new String(store.objects.get(PLAIN), StandardCharsets.UTF_8));
    }

    @Test
    void should_read_what_is_there_when_the_store_records_no_digest() {
        store.recordsDigests = false;
        store.objects.put(PLAIN, bytes("repor7"));
        store.objects.put(PLAIN.replace(".csv", "-1.csv"), bytes("report"));

        ReportStore.SaveOutcome outcome = save("report");

        assertEquals(new ReportStore.SaveOutcome("mem:" + PLAIN.replace(".csv", "-1.csv"), false, 1), outcome);
        assertTrue(store.asked.contains("read " + PLAIN), store.asked::toString);
    }

    @Test
    void should_not_read_what_is_there_when_its_length_differs() {
        store.recordsDigests = false;
        store.objects.put(PLAIN, bytes("a longer report"));

        save("report");

        assertFalse(store.asked.stream().anyMatch(step -> step.startsWith("read")), store.asked::toString);
    }

    @Test
    void should_look_again_at_a_name_another_run_took_between_the_look_and_the_write() {
        store.rival = path -> store.objects.putIfAbsent(PLAIN, bytes("the rival's report"));

        ReportStore.SaveOutcome outcome = save("report");

        String next = PLAIN.replace(".csv", "-1.csv");
        assertEquals(new ReportStore.SaveOutcome("mem:" + next, true, 1), outcome);
        assertEquals(List.of("look " + PLAIN, "put " + PLAIN, "look " + PLAIN, "look " + next, "put " + next), store.asked);
    }

    @Test
    void should_keep_what_another_run_saved_when_it_is_the_same_report() {
        store.rival = path -> store.objects.putIfAbsent(path, bytes("report"));

        assertEquals(new ReportStore.SaveOutcome("mem:" + PLAIN, false, 0), save("report"));
    }

    @Test
    void should_give_up_on_a_name_that_is_taken_yet_empty_each_time_it_is_looked_at() {
        store.refusesEveryPut = true;

        CredreportException e = assertThrows(CredreportException.class, () -> save("report"));

        assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot write mem:" + PLAIN + ": the name is taken"), e.getMessage());
        assertEquals(SaveWithoutOverwriting.MAX_LOST_RACES, store.asked.stream().filter(step -> step.startsWith("put")).count());
    }

    @Test
    void should_exit_8_in_a_directory_where_a_dangling_link_holds_the_name(@TempDir Path dir) throws Exception {
        String name = "credential-report-123456789012-20240601T115900Z.csv";
        Files.createSymbolicLink(dir.resolve(name), dir.resolve("gone.csv"));
        byte[] content = bytes("report");

        CredreportException e = assertThrows(CredreportException.class, () -> new ReportArchive(dir).save(content, metadata(content)));

        assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
        assertTrue(e.getMessage().contains(dir.resolve(name) + ": the name is taken"), e.getMessage());
        assertEquals(List.of(name), TestFiles.namesIn(dir), "nothing written, no temporary left");
    }
}

package dev.credreport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files written as one (report --split-by owner): all replaced, or none. */
class WriteAllTest {
    @TempDir
    Path dir;

    List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void should_replace_every_file_when_all_are_written() throws IOException {
        Files.writeString(dir.resolve("a.html"), "old a");
        Map<Path, AtomicFileWriter.Body> files = new LinkedHashMap<>();
        files.put(dir.resolve("a.html"), out -> out.write("new a"));
        files.put(dir.resolve("b.html"), out -> out.write("new b"));
        files.put(dir.resolve("index.html"), out -> out.write("index"));

        AtomicFileWriter.writeAll(files);

        assertEquals(List.of("a.html", "b.html", "index.html"), names());
        assertEquals("new a", Files.readString(dir.resolve("a.html")));
        assertEquals("new b", Files.readString(dir.resolve("b.html")));
        assertEquals("index", Files.readString(dir.resolve("index.html")));
    }

    @Test
    void should_leave_every_file_as_it_was_when_one_cannot_be_written() throws IOException {
        Files.writeString(dir.resolve("a.html"), "old a");
        Files.writeString(dir.resolve("index.html"), "old index");
        Map<Path, AtomicFileWriter.Body> files = new LinkedHashMap<>();
        files.put(dir.resolve("a.html"), out -> out.write("new a"));
        files.put(dir.resolve("new.html"), out -> out.write("new page"));
        files.put(dir.resolve("b.html"), out -> {
            out.write("half");
            throw new IOException("No space left on device");
        });
        files.put(dir.resolve("index.html"), out -> out.write("new index"));

        CredreportException failure = assertThrows(CredreportException.class, () -> AtomicFileWriter.writeAll(files));

        assertEquals(ExitCode.CANNOT_WRITE, failure.exitCode());
        assertTrue(failure.getMessage().contains("no space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains("none of the 4 files was changed"), failure.getMessage());
        assertEquals(List.of("a.html", "index.html"), names(), "no new page, no temporary file");
        assertEquals("old a", Files.readString(dir.resolve("a.html")));
        assertEquals("old index", Files.readString(dir.resolve("index.html")));
    }
}

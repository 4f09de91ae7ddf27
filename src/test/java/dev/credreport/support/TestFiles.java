package dev.credreport.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What tests look at in the directories they write to. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The names of the entries of {@code dir}, sorted: a leftover temporary file shows up here. */
    public static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}

package dev.credreport.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file of this run, gone when it is closed: close it in a finally block or
 * try-with-resources, so that it is removed when the command ends, failed or not. A signal that
 * ends the run first removes it too ({@link TemporaryFiles}).
 */
public final class TemporaryFile implements AutoCloseable {
    private final Path path;

    TemporaryFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Removes the file; closing it again does nothing. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Already gone, or its directory is: nothing is left to remove.
        } finally {
            TemporaryFiles.untrack(path);
        }
    }
}

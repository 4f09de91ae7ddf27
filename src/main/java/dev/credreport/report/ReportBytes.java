package dev.credreport.report;

import dev.credreport.core.CredreportException;
import dev.credreport.io.TemporaryFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a report's bytes are, opened as often as the formats need: in memory, in the user's file,
 * or in this run's temporary copy of an input that can be read only once, removed by {@link #close}.
 */
final class ReportBytes implements AutoCloseable {
    private final byte[] memory;
    private final Path file;
    private final TemporaryFile copy;

    private ReportBytes(byte[] memory, Path file, TemporaryFile copy) {
        this.memory = memory;
        this.file = file;
        this.copy = copy;
    }

    static ReportBytes inMemory(byte[] bytes) {
        return new ReportBytes(bytes, null, null);
    }

    /** A regular file, opened again for each read. */
    static ReportBytes inFile(Path file) {
        return new ReportBytes(null, file, null);
    }

    /** A temporary copy that is this run's to remove. */
    static ReportBytes inCopy(TemporaryFile copy) {
        return new ReportBytes(null, copy.path(), copy);
    }

    boolean isEmpty() {
        return memory != null && memory.length == 0;
    }

    /** The temporary copy the bytes are in, if any: for a test that it is gone. */
    Path copyPath() {
        return copy == null ? null : copy.path();
    }

    /** How many bytes there are. */
    long size() {
        if (memory != null) {
            return memory.length;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            // unknown: as large as can be, so that nothing is kept on the strength of it
            return Long.MAX_VALUE;
        }
    }

    InputStream open() {
        if (memory != null) {
            return new ByteArrayInputStream(memory);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw CredreportException.badInput("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw CredreportException.badInput("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    byte[] readAll() {
        if (memory != null) {
            return memory;
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary copy, if the bytes are in one; memory and the user's file are left alone. */
    @Override
    public void close() {
        if (copy != null) {
            copy.close();
        }
    }
}

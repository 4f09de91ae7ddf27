package dev.credreport.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files a run has open, removed when the run is ended by SIGTERM, SIGINT or SIGHUP.
 * Each is removed by its writer in a finally block too, so that none outlives the command that
 * made it; nothing here waits for the JVM to exit ({@code File.deleteOnExit} would keep a path for
 * the life of the process, and a long-lived caller's temporaries would pile up).
 * The JVM runs shutdown hooks on those signals but not the finally blocks of the threads it
 * stops, so a write cut short that way would otherwise leave its temporary file behind. SIGKILL
 * runs nothing: what it leaves is removed later by {@link #removeStale}.
 */
public final class TemporaryFiles {
    /** The suffix of every temporary file credreport makes beside a target. */
    static final String SUFFIX = ".tmp";

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private TemporaryFiles() {
    }

    /**
     * A new empty file in {@code directory} that only the user can read and write, for data of this
     * run alone (a report piped in, kept to be read again): removed when the returned handle is
     * closed, or by SIGTERM, SIGINT or SIGHUP before that.
     */
    public static TemporaryFile createPrivate(Path directory, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(directory, prefix, suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        track(file);
        return new TemporaryFile(file);
    }

    /**
     * A file published but not whole yet (a saved report whose metadata is still to be written):
     * removed should the run be stopped by a signal before {@link #complete} says it is whole.
     */
    public static void removeIfStopped(Path file) {
        track(file);
    }

    /** The file is whole: a signal from now on leaves it be. */
    public static void complete(Path file) {
        untrack(file);
    }

    /** Marks a temporary file to be removed should the process be stopped before it is published. */
    static void track(Path file) {
        installHook();
        OPEN.add(file);
    }

    /** The file was published or removed: nothing to do for it at exit any more. */
    static void untrack(Path file) {
        OPEN.remove(file);
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::removeOpen, "credreport-temporary-files"));
        hookInstalled = true;
    }

    private static void removeOpen() {
        for (Path file : OPEN) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                // the process is ending; nothing better can be done
            }
        }
    }

    /**
     * Removes temporary files of credreport's naming for targets starting with {@code namePrefix}
     * that were last written longer ago than {@code olderThan}: what a run killed with SIGKILL left.
     * A write in progress touches its file far more often than that, so it is never taken for stale.
     */
    public static void removeStale(Path directory, String namePrefix, Duration olderThan, Instant now) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "." + namePrefix + "*" + SUFFIX)) {
            for (Path file : files) {
                removeIfStale(file, olderThan, now);
            }
        } catch (IOException e) {
            // an unreadable directory fails the save itself, with a better message
        }
    }

    /**
     * Whether a file name is that of a temporary file credreport makes beside a target whose name
     * starts with {@code namePrefix}: for a caller that lists the directory itself, once for many purposes.
     */
    public static boolean isTemporaryOf(String fileName, String namePrefix) {
        return fileName.startsWith("." + namePrefix) && fileName.endsWith(SUFFIX);
    }

    /** Removes one such temporary file if it was last written longer ago than {@code olderThan} (see {@link #removeStale}). */
    public static void removeIfStale(Path file, Duration olderThan, Instant now) {
        try {
            if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(FileTime.from(now.minus(olderThan))) < 0) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // someone else's file, or already gone: not this run's business
        }
    }
}

package dev.credreport.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files a run has open, removed when the run is ended by SIGTERM, SIGINT or SIGHUP.
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
        FileTime cutoff = FileTime.from(now.minus(olderThan));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "." + namePrefix + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // someone else's file, or already gone: not this run's business
                }
            }
        } catch (IOException e) {
            // an unreadable directory fails the save itself, with a better message
        }
    }
}

package dev.credreport.io;

import dev.credreport.CredreportException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part: the
 * text goes to a private (0600) temporary file in the target's directory, is flushed to disk, and
 * is renamed over the target. On any failure the temporary file is removed and the target is left
 * as it was.
 */
public final class AtomicFileWriter {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    /** The body of a write; an IOException from it is a failure to write. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /** Writes the file, replacing any file of that name. */
    public static void write(Path target, Body body) {
        publish(target, body, true);
    }

    /**
     * Writes the file only if no file of that name exists, atomically even against another process
     * doing the same: the finished temporary file is hard-linked to the name, which fails if it is taken.
     *
     * @return false, writing nothing, when the name was taken
     */
    public static boolean writeNew(Path target, Body body) {
        return publish(target, body, false);
    }

    private static boolean publish(Path target, Body body, boolean replace) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw CredreportException.cannotWrite("cannot write " + target + ": it is a directory", null);
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw CredreportException.cannotWrite("cannot write " + target + ": directory " + directory
                    + " does not exist", null);
        }
        Path temporary = createTemporary(directory, absolute.getFileName().toString(), target);
        boolean published = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (replace) {
                move(temporary, absolute);
                published = true;
            } else {
                published = link(temporary, absolute);
            }
            if (published) {
                syncDirectory(directory);
            }
            return published;
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (!replace || !published) {
                deleteQuietly(temporary);
            }
        }
    }

    private static boolean link(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // No hard links here: a rename that refuses an existing target, checked just before.
            try {
                Files.move(temporary, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    private static Path createTemporary(Path directory, String name, Path target) {
        try {
            return Files.createTempFile(directory, "." + name + ".", ".tmp", privateFile());
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempFile(directory, "." + name + ".", ".tmp");
            } catch (IOException io) {
                throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(io), io);
            }
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(e), e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> privateFile() {
        return PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and that is no failure. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing better to do: the original failure is what the user needs to see
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String message = e.getMessage();
        if (message != null && message.contains("No space left on device")) {
            return "no space left on device";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

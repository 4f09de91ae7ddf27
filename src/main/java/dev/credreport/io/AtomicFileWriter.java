package dev.credreport.io;

import dev.credreport.core.CredreportException;
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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part: the
 * text goes to a private (0600) temporary file in the target's directory, is flushed to disk, and
 * is renamed over the target. On any failure, and when the run is stopped by a signal, the
 * temporary file is removed and the target is left as it was.
 *
 * <p>What the user points at is never damaged: a symlink is followed and its final target replaced
 * (the link stays a link); a target that is not a regular file (a device such as /dev/null, a
 * FIFO) is written into rather than replaced; an existing file keeps its mode, and its owner and
 * group where the process may set them, as {@code sed -i} does.
 */
public final class AtomicFileWriter {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    /** More links than this is a loop, as the kernel's own limit (ELOOP) has it. */
    private static final int MAX_LINKS = 40;
    /** The file-type bits of unix:mode, and the type of a socket. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /** The body of a write; an IOException from it is a failure to write. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /** Writes the file, replacing any file of that name. */
    public static void write(Path target, Body body) {
        Path destination = followLinks(target);
        if (isSpecial(destination)) {
            writeInto(target, destination, body);
            return;
        }
        publish(target, destination, body, true);
    }

    /**
     * Writes the file only if no file of that name exists, atomically even against another process
     * doing the same: the finished temporary file is hard-linked to the name, which fails if it is taken.
     *
     * @return false, writing nothing, when the name was taken
     */
    public static boolean writeNew(Path target, Body body) {
        return publish(target, target.toAbsolutePath(), body, false);
    }

    /**
     * Writes several files as one (the pages of report --split-by and their index): every file is
     * written whole into its temporary file first, and only when all are written are they renamed into
     * place, in the map's order (put an index last). A failure while writing (a full disk) leaves every
     * one of the files as it was, and no temporary file; the renames themselves take no space.
     */
    public static void writeAll(java.util.Map<Path, Body> files) {
        java.util.Map<Path, Path> staged = new java.util.LinkedHashMap<>();
        boolean published = false;
        try {
            for (java.util.Map.Entry<Path, Body> file : files.entrySet()) {
                Path target = file.getKey();
                Path absolute = followLinks(target);
                checkDirectory(target, absolute, false);
                PosixFileAttributes previous = attributesOf(absolute);
                Path temporary = createTemporary(absolute.getParent(), absolute.getFileName().toString(), target, false);
                staged.put(absolute, temporary);
                try {
                    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                            Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                        file.getValue().writeTo(out);
                        out.flush();
                        channel.force(true);
                    }
                    if (previous != null) {
                        keepAttributes(temporary, previous);
                    }
                } catch (IOException e) {
                    throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(e)
                            + " (none of the " + files.size() + " files was changed)", e);
                }
            }
            java.util.Set<Path> directories = new java.util.LinkedHashSet<>();
            for (java.util.Map.Entry<Path, Path> file : staged.entrySet()) {
                try {
                    move(file.getValue(), file.getKey());
                } catch (IOException e) {
                    throw CredreportException.cannotWrite("cannot write " + file.getKey() + ": " + describe(e), e);
                }
                directories.add(file.getKey().getParent());
            }
            published = true;
            directories.forEach(AtomicFileWriter::syncDirectory);
        } finally {
            for (Path temporary : staged.values()) {
                if (!published) {
                    deleteQuietly(temporary);
                }
                TemporaryFiles.untrack(temporary);
            }
        }
    }

    /**
     * Whether a write to the target is seen only whole: true for a regular file or a new one (a
     * temporary file renamed over it), false for a device or FIFO, which is written into as the
     * body writes.
     */
    public static boolean replaces(Path target) {
        return !isSpecial(followLinks(target));
    }

    private static boolean isSpecial(Path destination) {
        return Files.exists(destination) && !Files.isRegularFile(destination) && !Files.isDirectory(destination);
    }

    /** The path a write lands on: the target, or the final target of the symlink(s) it names. */
    static Path followLinks(Path target) {
        if (target.toString().isEmpty()) {
            throw CredreportException.usage("empty path: give a file name");
        }
        Path path = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINKS) {
                throw CredreportException.cannotWrite("cannot write " + target + ": too many levels of symbolic links", null);
            }
            try {
                path = path.getParent().resolve(Files.readSymbolicLink(path)).normalize();
            } catch (IOException e) {
                throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(e), e);
            }
        }
        return path;
    }

    /**
     * Writes into a device, FIFO or other special file as it is: such a target cannot be replaced
     * without destroying it (as root, a rename over /dev/null would make it a regular file).
     */
    private static void writeInto(Path target, Path destination, Body body) {
        if (isSocket(destination)) {
            throw CredreportException.cannotWrite("cannot write " + target + ": it is a socket, not a file", null);
        }
        try (FileChannel channel = FileChannel.open(destination, StandardOpenOption.WRITE);
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot write " + target + ": " + describe(e), e);
        }
    }

    private static boolean isSocket(Path path) {
        try {
            return (((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Fails now, with the reason, when a write to the target could not succeed for a reason known
     * before writing (a directory, a missing parent), so that a run does not wait for AWS only to
     * find it cannot save the result.
     */
    public static void checkTarget(Path target) {
        Path destination = followLinks(target);
        if (!Files.exists(destination) || Files.isRegularFile(destination) || Files.isDirectory(destination)) {
            checkDirectory(target, destination, true);
            // A file must be creatable there now (a read-only or kernel file system, no permission),
            // so that nothing is fetched for an output that cannot be written.
            probe(destination.getParent(), target);
        }
    }

    /**
     * Checks, before any work is done for it, that a directory of saved reports can be made or
     * written: DIR, or the nearest of its parents that exists, must be a directory that takes new
     * entries. A path that cannot be a directory is the user's mistake (exit 2); no permission, a
     * read-only file system, exit 8.
     */
    public static void checkDirectoryTarget(Path directory, String option) {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw CredreportException.usage(option + " " + directory + ": " + existing + " is a file, not a directory");
        }
        probe(existing, Path.of(option + " " + directory));
    }

    /** Makes and removes a private temporary file in the directory: the one sure test that a file can be created there. */
    private static void probe(Path directory, Path target) {
        Path probe = createTemporary(directory, "credreport-check", target, true);
        deleteQuietly(probe);
        TemporaryFiles.untrack(probe);
    }

    /**
     * A target that cannot be a file: before the run the user's mistake (exit 2, with what to write
     * instead); met while writing, the output's failure (exit 8).
     */
    private static void checkDirectory(Path target, Path absolute, boolean beforeRun) {
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw mistake(beforeRun, "cannot write " + target + ": it is a directory; name a file in it, e.g. "
                    + target.resolve("NAME"));
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw mistake(beforeRun, "cannot write " + target + ": "
                    + (directory != null && Files.exists(directory) ? directory + " is not a directory"
                            : "directory " + directory + " does not exist"));
        }
    }

    private static CredreportException mistake(boolean beforeRun, String message) {
        return beforeRun ? CredreportException.usage(message) : CredreportException.cannotWrite(message, null);
    }

    private static boolean publish(Path target, Path absolute, Body body, boolean replace) {
        checkDirectory(target, absolute, false);
        Path directory = absolute.getParent();
        PosixFileAttributes previous = replace ? attributesOf(absolute) : null;
        Path temporary = createTemporary(directory, absolute.getFileName().toString(), target, false);
        boolean published = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (previous != null) {
                keepAttributes(temporary, previous);
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
            TemporaryFiles.untrack(temporary);
        }
    }

    /** The mode and owner of the regular file about to be replaced, or null when there is none. */
    private static PosixFileAttributes attributesOf(Path file) {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Gives the new file the replaced one's mode, and its owner and group where this process may
     * (root may; others keep the group when they belong to it): like sed -i, a replaced file keeps
     * who may read it.
     */
    private static void keepAttributes(Path temporary, PosixFileAttributes previous) throws IOException {
        Files.setPosixFilePermissions(temporary, previous.permissions());
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        try {
            view.setGroup(previous.group());
        } catch (IOException e) {
            // not a member of that group: the file keeps ours
        }
        try {
            view.setOwner(previous.owner());
        } catch (IOException e) {
            // only root may give a file away
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

    /**
     * Creates the private temporary file, named {@code .NAME.RANDOM.tmp}. Its name is marked for
     * removal at exit before the file exists, so that no signal can come between the two.
     */
    private static Path createTemporary(Path directory, String name, Path target, boolean beforeRun) {
        while (true) {
            Path temporary = directory.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + TemporaryFiles.SUFFIX);
            TemporaryFiles.track(temporary);
            try {
                try {
                    return Files.createFile(temporary, privateFile());
                } catch (UnsupportedOperationException e) {
                    return Files.createFile(temporary);
                }
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.untrack(temporary);
            } catch (IOException e) {
                TemporaryFiles.untrack(temporary);
                String why = describeDirectory(directory, e);
                // A kernel file system takes no files whoever asks: the path is the mistake, not a permission.
                throw beforeRun && why.contains("kernel's") ? CredreportException.usage("cannot write " + target + ": " + why)
                        : CredreportException.cannotWrite("cannot write " + target + ": " + why, e);
            }
        }
    }

    /** Why no file could be made in the directory; a kernel file system such as /proc says "no such file". */
    private static String describeDirectory(Path directory, IOException e) {
        try {
            String type = Files.getFileStore(directory).type();
            if (Set.of("proc", "sysfs", "devtmpfs", "cgroup", "cgroup2", "debugfs", "securityfs").contains(type)) {
                return directory + " is on the kernel's " + type + " file system, where files cannot be created; "
                        + "write the report somewhere else";
            }
        } catch (IOException | RuntimeException ignored) {
            // fall back to what the system said
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to create files in " + directory;
        }
        return describe(e);
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
        if (message != null && message.contains("Read-only file system")) {
            return "read-only file system";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

package dev.credreport.store;

import dev.credreport.core.CredreportException;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.io.TemporaryFiles;
import dev.credreport.report.ReportInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A directory of saved reports, as cron jobs keep them: one private file per account and generated
 * time, named by {@link ArchiveLayout#FLAT}, never overwritten ({@link SaveWithoutOverwriting}
 * chooses the name), each with its metadata beside it.
 */
public final class ReportArchive implements ReportStore, WriteOnceStore {
    private static final ArchiveLayout LAYOUT = ArchiveLayout.FLAT;
    static final Duration STALE_TEMPORARY = Duration.ofHours(1);
    private static final String METADATA = ".meta.json";

    /** How the directory is read whole: {@link Files#newDirectoryStream(Path, String)}, or a counting one in tests. */
    @FunctionalInterface
    interface Lister {
        DirectoryStream<Path> open(Path directory, String glob) throws IOException;
    }

    private final Path directory;
    private final Lister lister;

    public ReportArchive(Path directory) {
        this(directory, Files::newDirectoryStream);
    }

    ReportArchive(Path directory, Lister lister) {
        this.directory = directory;
        this.lister = lister;
    }

    /** Writes only the report's own name (and the next suffixes when taken): the directory is never read whole here. */
    @Override
    public SaveOutcome save(byte[] content, ReportMetadata metadata, int highestTaken) {
        createDirectory();
        return SaveWithoutOverwriting.save(this, LAYOUT, content, metadata, highestTaken);
    }

    /**
     * One listing of the directory for the run: temporaries of credreport's naming older than any
     * write lasts (what a run killed with SIGKILL left) are removed, and every saved report and each
     * metadata file whose report is gone are told to {@code found}.
     */
    @Override
    public void sweep(Sweep found) {
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = lister.open(directory, "{" + ArchiveLayout.FILE_PREFIX + "*,."
                + ArchiveLayout.FILE_PREFIX + "*}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (TemporaryFiles.isTemporaryOf(name, ArchiveLayout.FILE_PREFIX)) {
                    TemporaryFiles.removeIfStale(file, STALE_TEMPORARY, now);
                } else if (found != null && name.endsWith(METADATA)) {
                    Path report = reportOf(file);
                    Optional<SavedReport> named = named(report);
                    if (named.isPresent() && !Files.exists(report)) {
                        found.orphan(named.get());
                    }
                } else if (found != null) {
                    named(file).filter(report -> Files.isRegularFile(file)).ifPresent(found::saved);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing saved yet: the first save creates the directory
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot read " + directory + " for --output-dir: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(SavedReport report) {
        Path path = Path.of(report.location());
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(metadataPath(path));
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot delete " + path + " for --keep: " + e.getMessage(), e);
        }
    }

    /** The metadata of a report a prune that raced a save removed; kept should the report be there again. */
    @Override
    public void deleteOrphan(SavedReport report) {
        Path path = Path.of(report.location());
        if (!Files.exists(path)) {
            deleteQuietly(metadataPath(path));
        }
    }

    @Override
    public Optional<Existing> existing(String name) {
        Path path = directory.resolve(name);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Existing(OptionalLong.of(Files.size(path)), Optional.empty(), () -> readToCompare(path)));
        } catch (NoSuchFileException e) {
            // pruned by a concurrent --keep run since the look
            return Optional.empty();
        } catch (IOException e) {
            throw cannotCompare(path, e);
        }
    }

    /**
     * Links the finished report to its name only if the name is free, then writes its metadata;
     * should the metadata fail, the report goes too, so that no report is left without them.
     */
    @Override
    public boolean putIfAbsent(String name, byte[] content, ReportMetadata metadata) {
        Path path = directory.resolve(name);
        if (!AtomicFileWriter.writeNew(path, out -> out.write(new String(content, StandardCharsets.UTF_8)))) {
            return false;
        }
        // Ours now: a signal between the report and its metadata must not leave a report without them.
        TemporaryFiles.removeIfStopped(path);
        try {
            try {
                AtomicFileWriter.write(metadataPath(path), out -> out.write(metadata.toJson()));
            } catch (RuntimeException e) {
                deleteQuietly(path);
                throw e;
            }
        } finally {
            TemporaryFiles.complete(path);
        }
        if (!Files.exists(path)) {
            // Pruned by a concurrent --keep run between the two writes: its metadata would be an orphan.
            deleteQuietly(metadataPath(path));
        }
        return true;
    }

    /** A run killed between the report and its metadata left the report alone: give it its metadata. */
    @Override
    public void repair(String name, ReportMetadata metadata) {
        Path metadataPath = metadataPath(directory.resolve(name));
        if (!Files.exists(metadataPath)) {
            AtomicFileWriter.write(metadataPath, out -> out.write(metadata.toJson()));
        }
    }

    @Override
    public String location(String name) {
        return directory.resolve(name).toString();
    }

    @Override
    public List<SavedReport> list(String accountId) {
        List<SavedReport> saved = new ArrayList<>();
        try (DirectoryStream<Path> files = lister.open(directory, ArchiveLayout.FILE_PREFIX + "*.csv")) {
            for (Path file : files) {
                named(file)
                        .filter(report -> accountId == null || report.accountId().equals(accountId))
                        .filter(report -> Files.isRegularFile(file))
                        .ifPresent(saved::add);
            }
        } catch (NoSuchFileException e) {
            throw CredreportException.badInput("cannot read " + directory + ": no such directory", e);
        } catch (NotDirectoryException e) {
            throw CredreportException.badInput("cannot read " + directory + ": it is a file, not a directory of saved reports "
                    + "(give the directory of 'fetch --output-dir', or two report files)", e);
        } catch (AccessDeniedException e) {
            throw CredreportException.badInput("cannot read " + directory + ": permission denied", e);
        } catch (IOException e) {
            throw CredreportException.badInput("cannot read " + directory + ": " + e.getMessage(), e);
        }
        saved.sort(SavedReport.OLDEST_FIRST);
        return saved;
    }

    @Override
    public ReportInput read(SavedReport report) {
        return open(Path.of(report.location()));
    }

    /** A report file, with its generated time when the metadata beside it tell it. */
    public static ReportInput open(Path file) {
        return ReportInput.fromFile(file, generatedTimeOf(file));
    }

    /**
     * A saved report's generated time: from its metadata, else, when there are none, from its name
     * if credreport named it (as --dir and --history order reports by it); null otherwise.
     */
    static Instant generatedTimeOf(Path file) {
        if (Files.exists(metadataPath(file))) {
            // Metadata that no longer describe the content mean the file was changed: trust neither.
            return metadataOf(file).map(ReportMetadata::generatedTime).orElse(null);
        }
        return named(file).map(SavedReport::generatedTime).orElse(null);
    }

    @Override
    public ArchiveLayout layout() {
        return LAYOUT;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    /** The metadata saved beside a report file, when there are some and they describe its content. */
    public static Optional<ReportMetadata> metadataOf(Path report) {
        Path metadata = metadataPath(report);
        // Reading a FIFO or /dev/fd/N here would consume the report before the command reads it.
        if (!Files.isRegularFile(report) || !Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        try {
            Optional<ReportMetadata> saved = ReportMetadata.fromJson(Files.readAllBytes(metadata));
            // The report is hashed as it streams by: it may be far larger than the heap.
            return saved.isPresent() && saved.get().describes(report) ? saved : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void createDirectory() {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createDirectories(directory);
            } catch (IOException io) {
                throw CredreportException.cannotWrite("cannot create " + directory + ": " + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The saved report a file is, if credreport named it. */
    private static Optional<SavedReport> named(Path file) {
        Path name = file.getFileName();
        return name == null ? Optional.empty() : LAYOUT.parse(file.toString(), name.toString());
    }

    private static byte[] readToCompare(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw cannotCompare(path, e);
        }
    }

    private static CredreportException cannotCompare(Path path, IOException e) {
        return CredreportException.cannotWrite("cannot read " + path + " to compare it: " + e.getMessage(), e);
    }

    /** The metadata file beside a report file: {@code x.csv} has {@code x.meta.json}. */
    static Path metadataPath(Path report) {
        String name = report.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return report.resolveSibling(stem + METADATA);
    }

    /** The report file a metadata file describes: {@code x.meta.json} is of {@code x.csv}. */
    private static Path reportOf(Path metadata) {
        String name = metadata.getFileName().toString();
        return metadata.resolveSibling(name.substring(0, name.length() - METADATA.length()) + ".csv");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the original failure is what matters
        }
    }
}

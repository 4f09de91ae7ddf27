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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A directory of saved reports, as cron jobs keep them: one private file per account and generated
 * time, never overwritten, each with its metadata beside it.
 */
public final class ReportArchive implements ReportStore {
    static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private final Path directory;

    public ReportArchive(Path directory) {
        this.directory = directory;
    }

    @Override
    public SaveOutcome save(byte[] content, ReportMetadata metadata) {
        createDirectory();
        // A run killed with SIGKILL leaves its temporary file; no write lasts anywhere near this long.
        TemporaryFiles.removeStale(directory, SavedReport.PREFIX, STALE_TEMPORARY, Instant.now());
        for (int suffix = 0; ; suffix++) {
            Path path = directory.resolve(SavedReport.fileName(metadata.accountId(), metadata.generatedTime(), suffix));
            if (Files.exists(path)) {
                if (sameContent(path, content)) {
                    writeMetadataIfMissing(path, metadata);
                    return new SaveOutcome(path.toString(), false);
                }
                continue;
            }
            if (AtomicFileWriter.writeNew(path, out -> out.write(new String(content, StandardCharsets.UTF_8)))) {
                try {
                    AtomicFileWriter.write(SavedReport.metadataPath(path), out -> out.write(metadata.toJson()));
                } catch (RuntimeException e) {
                    deleteQuietly(path);
                    throw e;
                }
                if (!Files.exists(path)) {
                    // Pruned by a concurrent --keep run between the two writes: its metadata would be an orphan.
                    deleteQuietly(SavedReport.metadataPath(path));
                }
                return new SaveOutcome(path.toString(), true);
            }
            // Another run took the name between the check and the write: look at what it wrote.
            suffix--;
        }
    }

    /** Deletes the oldest saved reports of the account beyond the newest {@code keep}, with their metadata. */
    @Override
    public List<String> prune(String accountId, int keep) {
        List<SavedReport> saved = list(accountId);
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < saved.size() - keep; i++) {
            Path path = Path.of(saved.get(i).location());
            try {
                Files.deleteIfExists(path);
                Files.deleteIfExists(SavedReport.metadataPath(path));
                deleted.add(path.toString());
            } catch (IOException e) {
                throw CredreportException.cannotWrite("cannot delete " + path + " for --keep: " + e.getMessage(), e);
            }
        }
        removeOrphanMetadata(accountId);
        return deleted;
    }

    /**
     * Deletes metadata files of the account whose report is gone: what two --keep runs at once
     * can leave when one prunes a report the other was still describing.
     */
    private void removeOrphanMetadata(String accountId) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SavedReport.PREFIX + accountId + "-*.meta.json")) {
            for (Path metadata : files) {
                String name = metadata.getFileName().toString();
                Path report = metadata.resolveSibling(name.substring(0, name.length() - ".meta.json".length()) + ".csv");
                if (SavedReport.parse(report).isPresent() && !Files.exists(report)) {
                    Files.deleteIfExists(metadata);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless: the next prune tries again
        }
    }

    @Override
    public List<SavedReport> list(String accountId) {
        List<SavedReport> saved = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "credential-report-*.csv")) {
            for (Path file : files) {
                SavedReport.parse(file)
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
        if (Files.exists(SavedReport.metadataPath(file))) {
            // Metadata that no longer describe the content mean the file was changed: trust neither.
            return metadataOf(file).map(ReportMetadata::generatedTime).orElse(null);
        }
        return SavedReport.parse(file).map(SavedReport::generatedTime).orElse(null);
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    /** The metadata saved beside a report file, when there are some and they describe its content. */
    public static Optional<ReportMetadata> metadataOf(Path report) {
        Path metadata = SavedReport.metadataPath(report);
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

    private static boolean sameContent(Path path, byte[] content) {
        try {
            return Files.size(path) == content.length && Arrays.equals(Files.readAllBytes(path), content);
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot read " + path + " to compare it: " + e.getMessage(), e);
        }
    }

    private static void writeMetadataIfMissing(Path path, ReportMetadata metadata) {
        Path metadataPath = SavedReport.metadataPath(path);
        if (!Files.exists(metadataPath)) {
            AtomicFileWriter.write(metadataPath, out -> out.write(metadata.toJson()));
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the original failure is what matters
        }
    }
}

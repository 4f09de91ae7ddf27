package dev.credreport.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What saving without overwriting needs of a place: to look at what a path holds, and to write a
 * path only where nothing is. {@link SaveWithoutOverwriting} does the rest (naming, suffixes, the
 * comparison with what is there, races), the same for a directory and an S3 prefix. Paths are
 * relative to the store's root, as {@link ArchiveLayout} makes them.
 */
public interface WriteOnceStore {
    /**
     * What a path holds, as cheaply as the store can tell it.
     *
     * @param length its length, when known without reading it
     * @param sha256 the SHA-256 credreport recorded for it, when the store keeps one with the content
     * @param content reads the content itself, for when neither tells
     */
    record Existing(OptionalLong length, Optional<String> sha256, Supplier<byte[]> content) {
        public Existing {
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(content, "content");
        }

        /** Whether this is the content: by length, then by the recorded digest, else by the bytes. */
        boolean holds(byte[] other) {
            if (length.isPresent() && length.getAsLong() != other.length) {
                return false;
            }
            if (sha256.isPresent()) {
                return sha256.get().equals(ReportMetadata.sha256(other));
            }
            return Arrays.equals(content.get(), other);
        }
    }

    /** What is at the path, if anything. */
    Optional<Existing> existing(String path);

    /**
     * Writes the report and its metadata at the path, whole or not at all, and only if nothing is
     * there, atomically against another run doing the same. A failure leaves nothing of this write.
     *
     * @return false, having written nothing, when the path was taken
     */
    boolean putIfAbsent(String path, byte[] content, ReportMetadata metadata);

    /**
     * The path holds this report already, and it is kept as it is: repairs what a save cut short
     * may have left undone (a directory's metadata file). Nothing by default, for a store whose
     * metadata travel with the content.
     */
    default void repair(String path, ReportMetadata metadata) {
    }

    /** Where the path is, as a save reports it: a file path or an s3:// URI. */
    String location(String path);
}

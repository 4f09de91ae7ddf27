package dev.credreport.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report saved under the archive's naming pattern:
 * {@code credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ[-N].csv}, the time being the report's
 * generated time in UTC and N a suffix for a name already taken by other content.
 */
public record SavedReport(String location, String accountId, Instant generatedTime, int suffix) {
    /** How every name credreport gives a saved report begins. */
    public static final String PREFIX = "credential-report-";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("credential-report-(\\d{12})-(\\d{8}T\\d{6}Z)(?:-(\\d{1,6}))?\\.csv");

    /** Oldest first: by generated time, then by suffix. */
    public static final Comparator<SavedReport> OLDEST_FIRST =
            Comparator.comparing(SavedReport::generatedTime).thenComparingInt(SavedReport::suffix);

    public SavedReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(generatedTime, "generatedTime");
    }

    /** The file name for a report; suffix 0 is none. */
    public static String fileName(String accountId, Instant generatedTime, int suffix) {
        return PREFIX + accountId + "-" + STAMP.format(generatedTime) + (suffix == 0 ? "" : "-" + suffix) + ".csv";
    }

    /** The saved report a path names, if its name follows the pattern. */
    public static Optional<SavedReport> parse(Path path) {
        return parse(path.toString(), path.getFileName().toString());
    }

    /** The saved report at a location (a path or an s3:// URI) whose last segment is {@code fileName}. */
    public static Optional<SavedReport> parse(String location, String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant generated = STAMP.parse(matcher.group(2), Instant::from);
        int suffix = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new SavedReport(location, matcher.group(1), generated, suffix));
    }

    /** The metadata file beside a report file: {@code x.csv} has {@code x.meta.json}. */
    public static Path metadataPath(Path report) {
        String name = report.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return report.resolveSibling(stem + ".meta.json");
    }
}

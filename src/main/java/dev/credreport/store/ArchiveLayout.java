package dev.credreport.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where below a store's root a saved report lies, defined once: the path a store writes a report
 * to, the paths it takes for saved reports when it lists them, and (for the S3 layout) the Athena
 * table's partition and location template are all made from it, so they cannot disagree.
 *
 * <p>Every report is named {@code credential-report-ACCOUNT-YYYYMMDDTHHMMSSZ[-N].csv}, the time
 * being its generated time in UTC and N a suffix for a name already taken by other content. A
 * local directory holds the files side by side ({@link #FLAT}); an S3 prefix puts each in a Hive
 * partition of its generated date ({@link #BY_DATE}), so that a query for a date reads that
 * partition alone.
 */
public final class ArchiveLayout {
    /** How every name credreport gives a saved report begins. */
    public static final String FILE_PREFIX = "credential-report-";
    /** The largest suffix: what the name pattern reads back (up to six digits). */
    public static final int MAX_SUFFIX = 999_999;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);
    /** Only what {@link #fileName} writes: no suffix -0, no leading zeros, so each report has one name. */
    private static final Pattern NAME = Pattern.compile("credential-report-(\\d{12})-(\\d{8}T\\d{6}Z)(?:-([1-9]\\d{0,5}))?\\.csv");

    /** Reports side by side in one directory, each as it came: only credreport reads them, by column name. */
    public static final ArchiveLayout FLAT = new ArchiveLayout(null, false);
    /**
     * Reports in one {@code dt=YYYY-MM-DD/} partition per generated date (UTC), for Athena's
     * partition projection; Athena takes columns by position, so each is saved in AWS's column order.
     */
    public static final ArchiveLayout BY_DATE = new ArchiveLayout(new DailyPartition("dt", "yyyy-MM-dd", LocalDate.of(2014, 1, 1)), true);

    /**
     * A Hive partition holding the reports generated on one UTC day: {@code COLUMN=VALUE/}.
     *
     * @param column the partition column's name, lower-case as Athena wants it
     * @param pattern the value's DateTimeFormatter pattern; Athena's date projection reads the same patterns
     * @param first the first day a query may ask for (no report is older)
     */
    public record DailyPartition(String column, String pattern, LocalDate first) {
        public DailyPartition {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(first, "first");
            if (!column.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("a partition column is lower-case letters, digits and '_': " + column);
            }
            // A bad pattern fails here, where the layout is defined, not at the first save.
            DateTimeFormatter.ofPattern(pattern);
        }

        /** The partition value of a report generated at this time. */
        public String value(Instant generated) {
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(generated);
        }

        /** The value of the first day's partition, where a projection's range starts. */
        public String firstValue() {
            return value(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        /** The directory of the partition whose value is this: {@code COLUMN=VALUE/}. */
        String directory(String value) {
            return column + "=" + value + "/";
        }
    }

    private final DailyPartition partition;
    private final boolean readByPosition;
    private final Pattern path;

    private ArchiveLayout(DailyPartition partition, boolean readByPosition) {
        this.partition = partition;
        this.readByPosition = readByPosition;
        this.path = Pattern.compile((partition == null ? "" : Pattern.quote(partition.column() + "=") + "([^/]+)/") + "([^/]+)");
    }

    /**
     * Whether something reads the saved reports by column position (Athena's table), so that a
     * report must be saved with AWS's columns in AWS's order, whatever order and columns it came with.
     */
    public boolean readByPosition() {
        return readByPosition;
    }

    /** The partition the reports are kept in, if any. */
    public Optional<DailyPartition> partition() {
        return Optional.ofNullable(partition);
    }

    /** The path, relative to the store's root, of a report; suffix 0 is none. */
    public String path(String accountId, Instant generatedTime, int suffix) {
        return directory(generatedTime) + fileName(accountId, generatedTime, suffix);
    }

    /** The directory, relative to the store's root, that holds the reports generated at this time. */
    private String directory(Instant generatedTime) {
        return partition == null ? "" : partition.directory(partition.value(generatedTime));
    }

    /**
     * The directory template of the partitions, each value a {@code ${COLUMN}} placeholder: what
     * Athena's storage.location.template holds below the table's root. Empty without a partition.
     */
    public String directoryTemplate() {
        return partition == null ? "" : partition.directory("${" + partition.column() + "}");
    }

    /**
     * The saved report at a path relative to the root, if credreport would have put one there: the
     * file named as it names reports, and in the partition of its generated time.
     *
     * @param location where the report is, for the record (a path or an s3:// URI)
     */
    public Optional<SavedReport> parse(String location, String relativePath) {
        Matcher matcher = path.matcher(relativePath);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<SavedReport> report = parseName(location, matcher.group(matcher.groupCount()));
        if (partition == null) {
            return report;
        }
        return report.filter(saved -> partition.value(saved.generatedTime()).equals(matcher.group(1)));
    }

    /** The file name of a report; suffix 0 is none. */
    public static String fileName(String accountId, Instant generatedTime, int suffix) {
        if (suffix < 0 || suffix > MAX_SUFFIX) {
            throw new IllegalArgumentException("a suffix is 0 to " + MAX_SUFFIX + ", not " + suffix);
        }
        return FILE_PREFIX + accountId + "-" + STAMP.format(generatedTime) + (suffix == 0 ? "" : "-" + suffix) + ".csv";
    }

    /** The saved report a file name names, if it is named as credreport names reports. */
    public static Optional<SavedReport> parseName(String location, String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant generated;
        try {
            generated = STAMP.parse(matcher.group(2), Instant::from);
        } catch (DateTimeParseException e) {
            // A name of the pattern with no such time (month 13): not one credreport gave.
            return Optional.empty();
        }
        int suffix = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new SavedReport(location, matcher.group(1), generated, suffix));
    }
}

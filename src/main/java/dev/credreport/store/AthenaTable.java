package dev.credreport.store;

import dev.credreport.report.Column;
import dev.credreport.report.UserCredentials;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Athena SQL over an S3 archive: an external table over the CSVs as S3ReportStore lays them out
 * (one Hive partition {@code dt=YYYY-MM-DD} per generated date, found by partition projection, so
 * that no crawler or MSCK REPAIR is ever needed) and a view with typed columns. The partition, its
 * projection and the location template are made from {@link ArchiveLayout#BY_DATE}, the layout the
 * S3 store writes, so that the table finds every report saved there.
 */
public final class AthenaTable {
    /** What Athena accepts unquoted in DDL and queries alike. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,254}");
    /** The tokens AWS writes where a value is absent (see SPEC: N/A, no_information, not_supported). */
    private static final String TOKENS = "('', 'N/A', 'no_information', 'not_supported')";

    private static final ArchiveLayout LAYOUT = ArchiveLayout.BY_DATE;
    /** The generated time and the suffix in a report's name, as ArchiveLayout.fileName writes them. */
    private static final String NAME_TIME = "/" + ArchiveLayout.FILE_PREFIX + "\\d{12}-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.csv$";
    private static final ArchiveLayout.DailyPartition PARTITION = LAYOUT.partition().orElseThrow();

    private final Location.S3 location;
    private final String database;
    private final String table;
    private final String view;

    public AthenaTable(Location.S3 location, String database, String table, String view) {
        this.location = checkLocation(location.asPrefix());
        this.database = checkName(database, "database");
        this.table = checkName(table, "table");
        this.view = checkName(view, "view");
        if (this.table.equals(this.view)) {
            throw new IllegalArgumentException("the table and the view need different names");
        }
    }

    /**
     * A location fit for the statements: a control character would end the comment that names it
     * (a line break starts a statement of its own) or reach the literal raw, so none is taken.
     */
    private static Location.S3 checkLocation(Location.S3 location) {
        String text = location.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("the location holds a control character (" + String.format("U+%04X", (int) c)
                        + " at position " + (i + 1) + "): no S3 prefix credreport saves to should, and it cannot go into SQL");
            }
        }
        return location;
    }

    private static String checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + what + " name '" + name + "' is not an Athena name: lower-case "
                    + "letters, digits and '_', not starting with a digit");
        }
        return name;
    }

    /** Every statement, each ending in ';', to run one at a time in Athena's query editor. */
    public String sql() {
        return createDatabase() + "\n" + createTable() + "\n" + createView();
    }

    String createDatabase() {
        return "CREATE DATABASE IF NOT EXISTS " + database + ";\n";
    }

    String createTable() {
        String root = hiveLiteral(location.toString());
        StringBuilder sql = new StringBuilder();
        sql.append("-- Every credential report under ").append(location).append(", as strings in AWS's column order, the\n")
                .append("-- order 'fetch --output-dir s3://' saves every report in (OpenCSVSerde maps columns by position).\n");
        sql.append("CREATE EXTERNAL TABLE IF NOT EXISTS ").append(database).append('.').append(table).append(" (\n");
        Column[] columns = Column.values();
        for (int i = 0; i < columns.length; i++) {
            sql.append("  `").append(columns[i].columnName()).append("` string").append(i < columns.length - 1 ? ",\n" : "\n");
        }
        String column = PARTITION.column();
        String projection = "  'projection." + column;
        sql.append(")\n")
                .append("PARTITIONED BY (`").append(column).append("` string)\n")
                .append("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'\n")
                .append("WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"', 'escapeChar' = '\\\\')\n")
                .append("STORED AS TEXTFILE\n")
                .append("LOCATION ").append(root).append('\n')
                .append("TBLPROPERTIES (\n")
                .append("  'skip.header.line.count' = '1',\n")
                .append("  'projection.enabled' = 'true',\n")
                // One partition a day from the first: the date type reads the pattern the store formats with.
                .append(projection).append(".type' = 'date',\n")
                .append(projection).append(".format' = ").append(hiveLiteral(PARTITION.pattern())).append(",\n")
                .append(projection).append(".range' = ").append(hiveLiteral(PARTITION.firstValue() + ",NOW")).append(",\n")
                .append(projection).append(".interval' = '1',\n")
                .append(projection).append(".interval.unit' = 'DAYS',\n")
                .append("  'storage.location.template' = ").append(hiveLiteral(location.resolve(LAYOUT.directoryTemplate()).toString()))
                .append('\n')
                .append(");\n");
        return sql.toString();
    }

    String createView() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- The same rows typed: times as UTC timestamps, booleans as booleans, AWS's tokens (N/A,\n")
                .append("-- no_information, not_supported) and empty values as NULL, the account id from the ARN,\n")
                .append("-- is_root for the root user (whose password_enabled AWS writes as not_supported, so NULL here),\n")
                .append("-- and the report object with the generated time and suffix its name holds, to pick the latest report.\n");
        sql.append("CREATE OR REPLACE VIEW ").append(database).append('.').append(view).append(" AS\nSELECT\n")
                .append("  ").append(PARTITION.column()).append(",\n")
                .append("  split_part(arn, ':', 5) AS account_id,\n")
                .append("  (\"user\" = ").append(sqlLiteral(UserCredentials.ROOT_USER)).append(" OR arn LIKE '%:root') AS is_root,\n")
                .append("  \"$path\" AS report_object,\n")
                // The name's time is the generated time (ArchiveLayout); the suffix orders reports of the same time.
                .append("  CAST(date_parse(regexp_extract(\"$path\", ").append(sqlLiteral(NAME_TIME)).append(", 1), '%Y%m%dT%H%i%sZ') AS timestamp) AS generated_time,\n")
                .append("  CAST(coalesce(regexp_extract(\"$path\", ").append(sqlLiteral(NAME_TIME)).append(", 2), '0') AS integer) AS report_suffix");
        for (Column column : Column.values()) {
            sql.append(",\n  ").append(typed(column)).append(" AS ").append(quoted(column.columnName()));
        }
        sql.append("\nFROM ").append(database).append('.').append(table).append(";\n");
        return sql.toString();
    }

    private static String typed(Column column) {
        String value = quoted(column.columnName());
        switch (column.kind()) {
            case TIME:
                return "CASE WHEN " + value + " IN " + TOKENS + " THEN NULL ELSE CAST(from_iso8601_timestamp(" + value
                        + ") AT TIME ZONE 'UTC' AS timestamp) END";
            case BOOLEAN:
                return "CASE lower(" + value + ") WHEN 'true' THEN true WHEN 'false' THEN false END";
            default:
                if (column == Column.USER || column == Column.ARN) {
                    return value;
                }
                return "CASE WHEN " + value + " IN " + TOKENS + " THEN NULL ELSE " + value + " END";
        }
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /**
     * A string literal of Athena's DDL, which Hive parses: a quote and a backslash are escaped
     * with a backslash. Doubling a quote, as SQL does, is no escape there: {@code 'it''s'} is two
     * literals run together, read as {@code its}.
     */
    static String hiveLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A string literal of the view and the queries, which Trino parses: a quote is doubled. */
    private static String sqlLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

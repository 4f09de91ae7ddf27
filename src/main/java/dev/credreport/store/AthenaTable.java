package dev.credreport.store;

import dev.credreport.report.Column;
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
    private static final ArchiveLayout.DailyPartition PARTITION = LAYOUT.partition().orElseThrow();

    private final Location.S3 location;
    private final String database;
    private final String table;
    private final String view;

    public AthenaTable(Location.S3 location, String database, String table, String view) {
        this.location = location.asPrefix();
        this.database = checkName(database, "database");
        this.table = checkName(table, "table");
        this.view = checkName(view, "view");
        if (this.table.equals(this.view)) {
            throw new IllegalArgumentException("the table and the view need different names");
        }
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
        String root = literal(location.toString());
        StringBuilder sql = new StringBuilder();
        sql.append("-- Every credential report under ").append(location).append(", as AWS wrote it: strings, in the report's\n")
                .append("-- column order (OpenCSVSerde maps columns by position and honours quoted fields).\n");
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
                .append(projection).append(".format' = ").append(literal(PARTITION.pattern())).append(",\n")
                .append(projection).append(".range' = ").append(literal(PARTITION.firstValue() + ",NOW")).append(",\n")
                .append(projection).append(".interval' = '1',\n")
                .append(projection).append(".interval.unit' = 'DAYS',\n")
                .append("  'storage.location.template' = ").append(literal(location.resolve(LAYOUT.directoryTemplate()).toString()))
                .append('\n')
                .append(");\n");
        return sql.toString();
    }

    String createView() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- The same rows typed: times as UTC timestamps, booleans as booleans, AWS's tokens (N/A,\n")
                .append("-- no_information, not_supported) as NULL, the account id from the ARN, and the report object\n")
                .append("-- (its name holds the generated time) to pick the latest report of a day.\n");
        sql.append("CREATE OR REPLACE VIEW ").append(database).append('.').append(view).append(" AS\nSELECT\n")
                .append("  ").append(PARTITION.column()).append(",\n")
                .append("  split_part(arn, ':', 5) AS account_id,\n")
                .append("  \"$path\" AS report_object");
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

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.Column;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** athena-ddl, read back: the statements, the table's columns, location and projection, the view's types. */
class AthenaDdlCommandTest {
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.startsWith("--") || line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        assertEquals("", current.toString(), "every statement ends in ';'");
        return statements;
    }

    static Map<String, String> properties(String table) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("'([^']+)' = '((?:[^']|'')*)'").matcher(table.substring(table.indexOf("TBLPROPERTIES")));
        while (matcher.find()) {
            properties.put(matcher.group(1), matcher.group(2));
        }
        return properties;
    }

    @Test
    void should_print_a_table_with_the_report_columns_in_order_and_partition_projection() {
        Result result = new CommandHarness().run("athena-ddl", "--location", "s3://audit-bucket/iam/reports", "--database", "security");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> statements = statements(result.out());
        assertEquals(3, statements.size(), result.out());
        assertEquals("CREATE DATABASE IF NOT EXISTS security;\n", statements.get(0));

        String table = statements.get(1);
        assertTrue(table.startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS security.credential_reports_csv (\n"), table);
        List<String> columns = new ArrayList<>();
        Matcher column = Pattern.compile("(?m)^  `([a-z0-9_]+)` string,?$").matcher(table);
        while (column.find()) {
            columns.add(column.group(1));
        }
        assertEquals(Arrays.asList(SampleReports.HEADER.split(",")), columns, "the report's columns, in its order");
        assertEquals(Arrays.stream(Column.values()).map(Column::columnName).toList(), columns);
        assertTrue(table.contains("PARTITIONED BY (`dt` string)\n"), table);
        assertTrue(table.contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'\n"), table);
        assertTrue(table.contains("\nLOCATION 's3://audit-bucket/iam/reports/'\n"), table);

        Map<String, String> properties = properties(table);
        assertEquals("1", properties.get("skip.header.line.count"));
        assertEquals("true", properties.get("projection.enabled"));
        assertEquals("date", properties.get("projection.dt.type"));
        assertEquals("yyyy-MM-dd", properties.get("projection.dt.format"));
        assertTrue(properties.get("projection.dt.range").endsWith(",NOW"), properties::toString);
        assertEquals("DAYS", properties.get("projection.dt.interval.unit"));
        // The template must match the keys S3ReportStore writes: PREFIX/dt=YYYY-MM-DD/credential-report-….csv
        assertEquals("s3://audit-bucket/iam/reports/dt=${dt}/", properties.get("storage.location.template"));
    }

    @Test
    void should_print_a_view_with_typed_columns_and_the_account_from_the_arn() {
        Result result = new CommandHarness().run("athena-ddl", "--location", "s3://audit-bucket/iam", "--view", "iam_users");

        String view = statements(result.out()).get(2);
        assertTrue(view.startsWith("CREATE OR REPLACE VIEW credreport.iam_users AS\n"), view);
        assertTrue(view.contains("split_part(arn, ':', 5) AS account_id"), view);
        assertTrue(view.trim().endsWith("FROM credreport.credential_reports_csv;"), view);
        for (Column column : Column.values()) {
            String line = Arrays.stream(view.split("\n")).filter(l -> l.endsWith(" AS \"" + column.columnName() + "\",")
                    || l.endsWith(" AS \"" + column.columnName() + "\"")).findFirst().orElseThrow(() -> new AssertionError(column));
            switch (column.kind()) {
                case TIME:
                    assertTrue(line.contains("from_iso8601_timestamp") && line.contains("'no_information'") && line.contains("THEN NULL"), line);
                    break;
                case BOOLEAN:
                    assertTrue(line.contains("WHEN 'true' THEN true WHEN 'false' THEN false END"), line);
                    break;
                default:
                    break;
            }
        }
    }

    @Test
    void should_refuse_a_local_location_and_bad_names() {
        Result local = new CommandHarness().run("athena-ddl", "--location", "/srv/reports");
        Result name = new CommandHarness().run("athena-ddl", "--location", "s3://audit-bucket/iam", "--table", "Bad-Name");

        assertEquals(2, local.exitCode(), local::toString);
        assertTrue(local.err().contains("s3://BUCKET/PREFIX"), local.err());
        assertEquals(2, name.exitCode(), name::toString);
        assertTrue(name.err().contains("'Bad-Name' is not an Athena name"), name.err());
        assertEquals("", local.out() + name.out());
    }
}

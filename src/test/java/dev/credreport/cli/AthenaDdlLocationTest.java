package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.HiveTableDdl;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LOCATION and the location template of athena-ddl read back, with Hive's literal rules (which
 * Athena's DDL follows), as the prefix that was given: a quote or a backslash must not vanish or
 * end the literal; a control character is refused (it would end the comment naming the location).
 */
class AthenaDdlLocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"s3://audit-bucket/it's", "s3://audit-bucket/back\\slash/x", "s3://audit-bucket/a''b\\'c",
            "s3://audit-bucket/100%_done", "s3://audit-bucket/semi;colon -- not a comment", "s3://audit-bucket/\"dq\"/`bt`"})
    void should_write_a_location_that_hive_reads_back_as_given(String location) {
        Result result = new CommandHarness().run("athena-ddl", "--location", location);

        assertEquals(0, result.exitCode(), result::toString);
        String table = AthenaDdlCommandTest.statements(result.out()).stream()
                .filter(statement -> statement.startsWith("CREATE EXTERNAL TABLE")).findFirst().orElseThrow();
        HiveTableDdl parsed = HiveTableDdl.parse(table);
        assertEquals(location + "/", parsed.location);
        assertEquals(location + "/dt=${dt}/", parsed.tableProperties.get("storage.location.template"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://audit-bucket/a\nDROP TABLE x;", "s3://audit-bucket/tab\there", "s3://audit-bucket/esc\u001b[2J",
            "s3://audit-bucket/nul\u0000", "s3://audit-bucket/c1\u0085"})
    void should_refuse_a_location_with_a_control_character(String location) {
        Result result = new CommandHarness().run("athena-ddl", "--location", location);

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("control character"), result.err());
        assertEquals(1, List.of(result.err().split("\n")).size(), result.err());
    }
}

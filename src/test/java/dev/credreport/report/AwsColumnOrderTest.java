package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.support.SampleReports;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the S3 archive saves: AWS's 22 columns in AWS's order, the same bytes where they were so already. */
class AwsColumnOrderTest {
    static final String TWENTY = SampleReports.HEADER.replace(",access_key_1_last_used_service", "")
            .replace(",access_key_2_last_used_service", "");

    static String ordered(String csv) {
        ReportInput input = ReportInput.fromAws(csv.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-06-01T00:00:00Z"), "test");
        return new String(AwsColumnOrder.of(input), StandardCharsets.UTF_8);
    }

    @Test
    void should_keep_the_bytes_of_a_report_in_aws_order() {
        for (String csv : List.of(SampleReports.standard(), SampleReports.standard().replace("\n", "\r\n"),
                SampleReports.standard().stripTrailing(), SampleReports.HEADER, "\uFEFF" + SampleReports.standard(),
                SampleReports.lines(SampleReports.HEADER + ",future_column", SampleReports.ALICE + ",x"))) {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            ReportInput input = ReportInput.fromAws(bytes, Instant.parse("2024-06-01T00:00:00Z"), "test");
            assertArrayEquals(bytes, AwsColumnOrder.of(input), csv);
        }
    }

    @Test
    void should_write_an_older_report_with_the_missing_columns_as_not_applicable() {
        String root = "<root_account>,arn:aws:iam::123456789012:root,2019-01-10T08:00:00+00:00,not_supported,"
                + "2024-05-01T12:30:00+00:00,not_supported,not_supported,false,true,2020-03-01T00:00:00+00:00,"
                + "2024-05-02T00:00:00+00:00,eu-west-1,false,N/A,N/A,N/A,false,N/A,false,N/A";

        String saved = ordered(SampleReports.lines(TWENTY, root));

        assertEquals(SampleReports.report("<root_account>,arn:aws:iam::123456789012:root,2019-01-10T08:00:00+00:00,not_supported,"
                + "2024-05-01T12:30:00+00:00,not_supported,not_supported,false,true,2020-03-01T00:00:00+00:00,"
                + "2024-05-02T00:00:00+00:00,eu-west-1,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"), saved);
    }

    @Test
    void should_put_the_columns_in_aws_order_and_unknown_ones_after() {
        List<String> names = Arrays.asList(SampleReports.HEADER.split(","));
        List<String> alice = Arrays.asList(SampleReports.ALICE.split(","));
        // Reversed, with an unknown column first.
        StringBuilder header = new StringBuilder("future_column");
        StringBuilder row = new StringBuilder("x");
        for (int i = names.size() - 1; i >= 0; i--) {
            header.append(',').append(names.get(i));
            row.append(',').append(alice.get(i));
        }

        String saved = ordered(SampleReports.lines(header.toString(), row.toString()));

        assertEquals(SampleReports.lines(SampleReports.HEADER + ",future_column", SampleReports.ALICE + ",x"), saved);
    }

    @Test
    void should_quote_what_needs_it_and_leave_hostile_names_as_they_are() {
        String hostile = "\"o\"\"brien,ops\",\"arn:aws:iam::123456789012:user/o\"\"brien,ops\"" + SampleReports.ALICE.substring(
                SampleReports.ALICE.indexOf(",2020-02-03"));
        String escape = SampleReports.ALICE.replace("alice", "=al\u001b[2Jice\u202e");
        String csv = SampleReports.report(SampleReports.ROOT, hostile, escape);

        assertEquals(csv, ordered(csv));
        // moto's unquoted commas come out quoted, the row read as the reader reads it.
        String moto = SampleReports.BOB.replace("\"bob,ops\",\"arn:aws:iam::123456789012:user/ops/bob,ops\"",
                "bob,ops,arn:aws:iam::123456789012:user/ops/bob,ops");
        assertEquals(SampleReports.report(SampleReports.BOB), ordered(SampleReports.report(moto)));
    }

    @Test
    void should_refuse_a_line_break_or_a_backslash_in_a_value() {
        for (String name : List.of("\"two\nlines\"", "\"car\rriage\"", "back\\slash")) {
            String row = SampleReports.ALICE.replaceFirst("^alice", name.replace("\\", "\\\\"));
            CredreportException e = assertThrows(CredreportException.class, () -> ordered(SampleReports.report(SampleReports.ROOT, row)), name);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("Athena cannot read back"), e.getMessage());
            assertTrue(e.getMessage().startsWith("line 3 "), e.getMessage());
        }
    }
}

package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credreport.support.SampleReports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportInputTest {
    @Test
    void should_keep_a_large_standard_input_readable_more_than_once() {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        while (csv.length() <= ReportInput.STDIN_IN_MEMORY + 1000) {
            csv.append(SampleReports.ALICE).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        ReportInput input = ReportInput.fromStdin(new ByteArrayInputStream(bytes));

        assertEquals(ReportInput.Origin.STDIN, input.origin());
        assertArrayEquals(bytes, input.bytes());
        assertEquals(ReportSummary.of(input).users(), ReportSummary.of(input).users());
        assertEquals((bytes.length - SampleReports.HEADER.length() - 1) / (SampleReports.ALICE.length() + 1),
                ReportSummary.of(input).users());
    }
}

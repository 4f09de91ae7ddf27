package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credreport.support.SampleReports;
import java.io.StringReader;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportValidationTest {
    @Test
    void should_keep_the_rows_of_a_report_the_budget_holds_whole() {
        RowBudget budget = new RowBudget(2);

        ReportValidation validation = ReportValidation.read(reader(SampleReports.ALICE, SampleReports.ALICE), budget);

        assertEquals(2, validation.summary().users());
        assertInstanceOf(KeptRows.class, validation.keptRows());
        assertEquals(0, budget.left());
    }

    @Test
    void should_share_one_budget_between_the_reports_of_a_run() {
        RowBudget budget = new RowBudget(3);
        ReportInput first = report(SampleReports.ALICE, SampleReports.ALICE);
        ReportInput second = report(SampleReports.ALICE, SampleReports.ALICE);

        first.validate(budget);
        second.validate(budget);

        assertInstanceOf(KeptRows.class, first.openReport());
        assertInstanceOf(CredentialReportReader.class, second.openReport(), "the second did not fit whole, so it is read again");
        assertEquals(1, budget.left());
    }

    @Test
    void should_take_a_first_read_to_its_end_for_the_validating_read() {
        RowBudget budget = new RowBudget(5);
        ReportInput report = report(SampleReports.ALICE, SampleReports.CAROL);
        report.validateOnFirstRead(budget);

        try (ReportRows first = report.openReport()) {
            first.forEachRemaining(user -> { });
        }

        assertEquals(2, report.validate(budget).users(), "answered from the first read");
        assertInstanceOf(KeptRows.class, report.openReport());
        assertEquals(1, report.parses());
        assertEquals(3, budget.left());
    }

    @Test
    void should_give_back_the_rows_of_a_first_read_left_before_its_end() {
        RowBudget budget = new RowBudget(5);
        ReportInput report = report(SampleReports.ALICE, SampleReports.CAROL);
        report.validateOnFirstRead(budget);

        try (ReportRows first = report.openReport()) {
            first.next();
        }

        assertEquals(5, budget.left());
        assertEquals(2, report.validate(budget).users(), "validated by a read of its own");
        assertEquals(2, report.parses());
    }

    @Test
    void should_keep_nothing_without_a_budget() {
        ReportValidation validation = ReportValidation.read(reader(SampleReports.ALICE), RowBudget.none());

        assertEquals(1, validation.summary().users());
        assertNull(validation.keptRows());
    }

    @Test
    void should_not_share_a_budget_between_runs() {
        RowBudget run = RowBudget.forThisRun();
        report(SampleReports.ALICE).validate(run);

        assertEquals(RowBudget.forThisRun().left(), run.left() + 1, "each run starts from a full budget");
    }

    private static CredentialReportReader reader(String... rows) {
        return CredentialReportReader.open(new java.io.ByteArrayInputStream((SampleReports.HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static ReportInput report(String... rows) {
        return ReportInput.fromAws((SampleReports.HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8),
                Instant.EPOCH, "test");
    }
}

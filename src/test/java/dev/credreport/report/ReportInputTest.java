package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.support.SampleReports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportInputTest {
    @Test
    void should_keep_a_large_standard_input_readable_more_than_once() {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        while (csv.length() <= ReportSpool.IN_MEMORY + 1000) {
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

    @Test
    void should_give_the_rows_of_the_validating_read_again_without_parsing() {
        ReportInput input = report(SampleReports.HEADER, SampleReports.ALICE, "", SampleReports.ALICE);
        List<UserCredentials> parsed = readAll(input.openReport());
        RowBudget budget = new RowBudget(100);

        input.validate(budget);

        assertEquals(100 - 2, budget.left());
        ReportRows again = input.openReport();
        assertInstanceOf(KeptRows.class, again);
        assertEquals(SampleReports.HEADER, String.join(",", again.header().names()));
        assertEquals(withoutHeader(parsed), withoutHeader(readAll(again)));
        assertEquals(List.of(2L, 4L), readAll(input.openReport()).stream().map(UserCredentials::line).toList());
    }

    @Test
    void should_give_its_kept_rows_back_to_the_budget_when_closed_for_the_reports_to_come() {
        RowBudget budget = new RowBudget(3);
        ReportInput first = report(SampleReports.HEADER, SampleReports.ALICE, SampleReports.ALICE);
        ReportInput second = report(SampleReports.HEADER, SampleReports.ALICE, SampleReports.ALICE);
        first.validate(budget);
        assertEquals(1, budget.left());

        first.close();
        first.close();

        assertEquals(3, budget.left(), "given back once, however often closed");
        second.validate(budget);
        assertInstanceOf(KeptRows.class, second.openReport(), "the next report's rows are kept with what the first gave back");
        assertEquals(1, budget.left());
    }

    @Test
    void should_read_the_csv_again_when_the_rows_do_not_fit_the_budget() {
        ReportInput input = report(SampleReports.HEADER, SampleReports.ALICE, SampleReports.ALICE, SampleReports.ALICE);
        RowBudget budget = new RowBudget(2);

        assertEquals(3, input.validate(budget).users());

        assertEquals(2, budget.left(), "the rows taken before the budget ran out are given back");
        assertInstanceOf(CredentialReportReader.class, input.openReport());
        assertEquals(3, readAll(input.openReport()).size());
    }

    @Test
    void should_keep_nothing_of_a_report_that_fails_validation() {
        RowBudget budget = new RowBudget(100);
        ReportInput input = report(SampleReports.HEADER, SampleReports.ALICE, "not,a,row");

        assertThrows(CredreportException.class, () -> input.validate(budget));

        assertEquals(100, budget.left());
    }

    @Test
    void should_share_one_budget_and_refuse_what_it_cannot_give() {
        RowBudget budget = new RowBudget(3);
        assertTrue(budget.take(2));
        assertFalse(budget.take(2));
        assertEquals(1, budget.left());
        budget.giveBack(2);
        assertTrue(budget.take(3));
        assertEquals(3 * 1024 * 1024 / 4 / RowBudget.BYTES_PER_ROW, RowBudget.forHeap(3 * 1024 * 1024).left());
    }

    private static ReportInput report(String... lines) {
        return ReportInput.fromAws((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), Instant.EPOCH, "test");
    }

    /** The users' values; a header has no equality of its own. */
    private static List<String> withoutHeader(List<UserCredentials> users) {
        return users.stream().map(user -> user.toString().replaceAll("header=[^,]*, ", "")).toList();
    }

    private static List<UserCredentials> readAll(ReportRows rows) {
        List<UserCredentials> users = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(users::add);
        }
        return users;
    }
}

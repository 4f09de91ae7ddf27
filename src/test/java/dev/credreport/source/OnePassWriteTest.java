package dev.credreport.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.io.OutputTarget;
import dev.credreport.io.StandardOutputFile;
import dev.credreport.render.AccountsFormat;
import dev.credreport.render.Formats;
import dev.credreport.render.RenderContext;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large report is parsed once: validated while it is written into the atomic file or a spool,
 * never read first to check it and then again to write it; and a bad row near the end still
 * leaves nothing on standard output and no file.
 */
class OnePassWriteTest {
    static final int ROWS = 2_000;

    @TempDir
    Path dir;

    final RenderContext context = new RenderContext(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC), 0);
    final AtomicInteger validNotes = new AtomicInteger();

    static String rows(boolean badNearEnd) {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append(SampleReports.ALICE.replace("alice", "user" + i)).append('\n');
            if (badNearEnd && i == ROWS - 3) {
                csv.append(FakeOrganization.BAD_ROW).append('\n');
            }
        }
        return csv.toString();
    }

    ReportInput report(boolean badNearEnd) throws IOException {
        return ReportInput.fromFile(Files.writeString(dir.resolve(badNearEnd ? "bad.csv" : "good.csv"), rows(badNearEnd)));
    }

    /** What the format writes when the report is read the old way: validated, then written. */
    String expected(String format) throws IOException {
        try (ReportInput report = report(false)) {
            report.validate();
            StringWriter out = new StringWriter();
            format(format).write(report, out, context);
            return out.toString();
        }
    }

    static AccountsFormat<ReportInput> format(String name) {
        return Formats.reports().named(name);
    }

    void write(OnePassWrite write, ReportInput report, OutputTarget target, StringWriter stdout, String format) {
        write.write(report, target, new PrintWriter(stdout), format(format).rowReads(), validNotes::incrementAndGet,
                out -> format(format).write(report, out, context));
    }

    Path spoolDirectory() throws IOException {
        return Files.createDirectories(dir.resolve("spool"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void a_report_written_to_a_file_is_parsed_once(String format) throws IOException {
        Path file = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(false)) {
            write(OnePassWrite.forThisRun(), report, new OutputTarget(file), stdout, format);

            assertEquals(1, report.parses(), "validated while it was written");
        }
        assertEquals(expected(format), Files.readString(file));
        assertEquals("", stdout.toString());
        assertEquals(1, validNotes.get());
    }

    @Test
    void a_table_of_a_report_too_large_to_keep_is_spooled_and_then_printed() throws IOException {
        Path spool = spoolDirectory();
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(false)) {
            assertFalse(report.surelyFits(RowBudget.none()));

            write(new OnePassWrite(RowBudget.none(), spool), report, new OutputTarget(null), stdout, "table");

            assertEquals(2, report.parses(), "the table's two reads (widths, then rows), the first one validating");
        }
        assertEquals(expected("table"), stdout.toString());
        assertEquals(List.of(), list(spool), "the spool is removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json"})
    void a_report_too_large_to_keep_is_validated_first_for_a_format_that_reads_it_once(String format) throws IOException {
        Path spool = spoolDirectory();
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(false)) {
            write(new OnePassWrite(RowBudget.none(), spool), report, new OutputTarget(null), stdout, format);

            assertEquals(format.equals("csv") ? 1 : 2, report.parses(), "a spool would cost more than the second parse");
        }
        assertEquals(expected(format), stdout.toString());
        assertEquals(List.of(), list(spool), "nothing spooled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void a_report_that_fits_is_validated_first_and_written_from_its_kept_rows(String format) throws IOException {
        Path spool = spoolDirectory();
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(false)) {
            assertTrue(report.surelyFits(RowBudget.forThisRun()));

            write(new OnePassWrite(RowBudget.forThisRun(), spool), report, new OutputTarget(null), stdout, format);

            assertEquals(1, report.parses());
            report.openReport().close();
            assertEquals(format.equals("csv") ? 2 : 1, report.parses(),
                    "rows kept for a format that reads them; none for the csv, a copy of the bytes");
        }
        assertEquals(expected(format), stdout.toString());
        assertEquals(List.of(), list(spool), "nothing spooled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void a_bad_row_near_the_end_leaves_no_file(String format) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(true)) {
            CredreportException failure = assertThrows(CredreportException.class,
                    () -> write(OnePassWrite.forThisRun(), report, new OutputTarget(out.resolve("report")), stdout, format));

            assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
            assertTrue(failure.getMessage().contains("line " + (ROWS)), failure.getMessage());
        }
        assertEquals(List.of(), list(out), "no file, no temporary file");
        assertEquals("", stdout.toString());
        assertEquals(0, validNotes.get(), "nothing said of a bad report's age");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void a_bad_row_near_the_end_prints_nothing_whether_spooled_or_not(String format) throws IOException {
        Path spool = spoolDirectory();
        for (RowBudget budget : List.of(RowBudget.none(), RowBudget.forThisRun())) {
            StringWriter stdout = new StringWriter();
            try (ReportInput report = report(true)) {
                CredreportException failure = assertThrows(CredreportException.class,
                        () -> write(new OnePassWrite(budget, spool), report, new OutputTarget(null), stdout, format));

                assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
                assertEquals(1, report.parses(), "the failed read is the only one");
            }
            assertEquals("", stdout.toString());
            assertEquals(List.of(), list(spool), "the spool is removed");
        }
        assertEquals(0, validNotes.get());
    }

    /** Standard output redirected to {@code file}, as by {@code > FILE} ({@code >> FILE} when appending). */
    StandardOutputFile stdoutTo(Path file, boolean appending) throws IOException {
        FileChannel channel = appending
                ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return StandardOutputFile.of(channel, appending);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void standard_output_redirected_to_a_file_is_written_in_one_pass(String format) throws IOException {
        Path file = Files.writeString(dir.resolve("redirected"), "before\n");
        StandardOutputFile redirected = stdoutTo(file, true);
        StringWriter stdout = new StringWriter();
        try (ReportInput report = report(false)) {
            write(new OnePassWrite(RowBudget.none(), spoolDirectory(), out -> redirected), report, new OutputTarget(null),
                    stdout, format);

            assertEquals(format.equals("table") ? 2 : 1, report.parses(), "validated while it was written (the table reads twice)");
        }
        assertEquals("before\n" + expected(format), Files.readString(file));
        assertEquals("", stdout.toString(), "not through the writer: straight into the file");
        assertEquals(1, validNotes.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "blocks", "json", "table"})
    void a_bad_row_near_the_end_cuts_a_redirected_standard_output_back(String format) throws IOException {
        for (boolean appending : List.of(true, false)) {
            Path file = Files.writeString(dir.resolve("redirected-" + appending), appending ? "kept from before\n" : "");
            StandardOutputFile redirected = stdoutTo(file, appending);
            try (ReportInput report = report(true)) {
                CredreportException failure = assertThrows(CredreportException.class, () -> write(
                        new OnePassWrite(RowBudget.none(), spoolDirectory(), out -> redirected), report,
                        new OutputTarget(null), new StringWriter(), format));

                assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
                assertEquals(1, report.parses());
            }
            // Over 64 KB of output had been written into the file before the bad row.
            assertEquals(appending ? "kept from before\n" : "", Files.readString(file), "nothing printed");
        }
        assertEquals(0, validNotes.get());
    }

    private static List<Path> list(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }
}

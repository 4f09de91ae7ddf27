package dev.credreport.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.support.SampleReports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSpoolTest {
    @TempDir
    Path spool;

    @Test
    void should_keep_a_small_input_in_memory_and_write_no_file() throws IOException {
        byte[] csv = (SampleReports.HEADER + "\n" + SampleReports.ALICE + "\n").getBytes(StandardCharsets.UTF_8);

        try (ReportInput input = ReportInput.fromStdin(new ByteArrayInputStream(csv), spool)) {
            assertNull(input.temporaryCopy());
            assertArrayEquals(csv, input.bytes());
        }
        assertEquals(0, files());
    }

    @Test
    void should_keep_a_large_input_in_a_private_file_until_the_report_is_closed() throws IOException {
        byte[] csv = large(SampleReports.ALICE);
        Path copy;

        try (ReportInput input = ReportInput.fromStdin(new ByteArrayInputStream(csv), spool)) {
            copy = input.temporaryCopy();
            assertNotNull(copy);
            assertEquals(spool, copy.getParent());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
            assertArrayEquals(csv, input.bytes());
            assertArrayEquals(csv, input.bytes(), "read again, from the copy");
        }
        assertFalse(Files.exists(copy));
        assertEquals(0, files());
    }

    @Test
    void should_leave_no_file_after_a_report_that_fails_its_validating_read() throws IOException {
        byte[] csv = large("not,a,row");
        ReportInput input = ReportInput.fromStdin(new ByteArrayInputStream(csv), spool);
        assertEquals(1, files());

        CredreportException failure = assertThrows(CredreportException.class, () -> input.validate(new RowBudget(10)));
        input.close();

        assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
        assertEquals(0, files());
    }

    @Test
    void should_leave_no_file_when_the_input_breaks_off_while_it_is_copied() throws IOException {
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(large(SampleReports.ALICE)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        CredreportException failure = assertThrows(CredreportException.class, () -> ReportInput.fromStdin(breaking, spool));

        assertTrue(failure.getMessage().contains("connection reset"), failure.getMessage());
        assertEquals(0, files(), "the partial copy is removed at once");
    }

    @Test
    void should_refuse_a_large_input_without_a_header_before_writing_any_file() throws IOException {
        byte[] noReport = "x".repeat(ReportSpool.IN_MEMORY + 10).getBytes(StandardCharsets.UTF_8);

        assertThrows(CredreportException.class, () -> ReportInput.fromStdin(new ByteArrayInputStream(noReport), spool));

        assertEquals(0, files());
    }

    @Test
    void should_leave_the_users_own_file_alone_when_closed() throws IOException {
        Path file = Files.writeString(spool.resolve("report.csv"), SampleReports.HEADER + "\n" + SampleReports.ALICE + "\n");

        try (ReportInput input = ReportInput.fromFile(file)) {
            assertEquals(1, input.validate(new RowBudget(10)).users());
        }

        assertTrue(Files.exists(file));
    }

    /** A report past what is kept in memory, its last line {@code last}. */
    private static byte[] large(String last) {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        while (csv.length() <= ReportSpool.IN_MEMORY + 1000) {
            csv.append(SampleReports.ALICE).append('\n');
        }
        return csv.append(last).append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private long files() throws IOException {
        try (Stream<Path> listed = Files.list(spool)) {
            return listed.count();
        }
    }
}

package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that can be read only once: standard input, named FIFOs, devices. Each is read once and
 * kept, and one that is endless and no report fails at once instead of being copied to disk.
 */
class ReadOnceInputTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<Thread> writers = new ArrayList<>();

    @AfterEach
    void stopWriters() throws InterruptedException {
        for (Thread writer : writers) {
            writer.interrupt();
            writer.join(5000);
        }
    }

    /** What {@code yes a,b,c} writes: no end, and never a credential report. */
    private static InputStream endless(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return bytes[(int) (position++ % bytes.length)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = bytes[(int) (position++ % bytes.length)];
                }
                return length;
            }
        };
    }

    @Test
    void should_refuse_an_endless_standard_input_with_a_wrong_header_at_once() {
        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().stdinStream(endless("a,b,c\n")).run("fetch", "--input", "-"));

        assertEquals(7, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("credreport: standard input: line 1: not a credential report: its header starts 'a', 'b', 'c'; "
                + "a credential report's starts user, arn, user_creation_time\n", result.err());
    }

    @Test
    void should_refuse_an_endless_standard_input_without_a_line_end_at_once() {
        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().stdinStream(endless("\0")).run("audit", "--input", "-"));

        assertEquals(7, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("credreport: standard input: line 1: not a credential report: no line end in the first 8 MiB, "
                + "where the header line should be\n", result.err());
    }

    @Test
    void should_refuse_dev_zero_at_once() {
        Result result = assertTimeoutPreemptively(AT_ONCE, () -> new CommandHarness().run("fetch", "--input", "/dev/zero"));

        assertEquals(7, result.exitCode(), result.toString());
        assertTrue(result.err().contains("no line end in the first 8 MiB"), result.err());
    }

    @Test
    void should_still_read_a_large_report_from_standard_input_past_the_part_kept_in_memory() {
        StringBuilder csv = new StringBuilder(SampleReports.standard());
        while (csv.length() <= (9 << 20)) {
            csv.append(SampleReports.ALICE).append('\n');
        }

        Result result = new CommandHarness().stdin(csv.toString()).run("fetch", "--input", "-", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(csv.length(), result.out().length());
        assertTrue(result.out().equals(csv.toString()), "the same bytes");
    }

    @Test
    void should_say_that_standard_input_is_empty() {
        Result result = new CommandHarness().stdin("").run("fetch", "--input", "-");

        assertEquals(7, result.exitCode(), result.toString());
        assertEquals("credreport: standard input is empty: pipe a credential report into it, or give --input FILE\n",
                result.err());
    }

    @Test
    void should_say_that_standard_input_is_closed() {
        Result result = new CommandHarness().stdinStream(Environment.CLOSED_STDIN).run("fetch", "--input", "-");

        assertEquals(7, result.exitCode(), result.toString());
        assertEquals("credreport: cannot read standard input: it is closed: pipe a credential report into credreport, "
                + "or give --input FILE\n", result.err());
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        return fifo;
    }

    /** Writes {@code content} into the FIFO from another thread, once, as a shell's writer would. */
    private void writeOnce(Path fifo, String content) {
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the reader went away: the test's assertions tell
            }
        });
        writer.setDaemon(true);
        writer.start();
        writers.add(writer);
    }

    @Test
    void should_read_a_named_fifo_once_for_fetch() throws Exception {
        Path fifo = fifo("report.csv");
        writeOnce(fifo, SampleReports.standard());

        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().run("fetch", "--input", fifo.toString(), "--format", "csv"));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(SampleReports.standard(), result.out());
    }

    @Test
    void should_read_a_named_fifo_once_for_audit() throws Exception {
        Path fifo = fifo("report.csv");
        writeOnce(fifo, SampleReports.standard());

        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().run("audit", "--input", fifo.toString(), "--format", "json"));

        assertEquals(3, result.exitCode(), "findings at or above --fail-on: " + result);
        assertTrue(result.out().contains("\"rule_id\""), result.out());
    }

    @Test
    void should_read_two_named_fifos_once_for_diff() throws Exception {
        Path old = fifo("old.csv");
        Path now = fifo("new.csv");
        writeOnce(old, SampleReports.report(SampleReports.ROOT, SampleReports.ALICE));
        writeOnce(now, SampleReports.standard());

        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().run("diff", old.toString(), now.toString(), "--format", "csv"));

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("carol"), result.out());
        assertTrue(!result.out().contains("alice"), result.out());
    }

    @Test
    void should_name_which_fifo_of_a_diff_is_no_report() throws Exception {
        Path old = fifo("old.csv");
        Path now = fifo("new.csv");
        writeOnce(old, "a,b,c\n1,2,3\n");
        writeOnce(now, SampleReports.standard());

        Result result = assertTimeoutPreemptively(AT_ONCE,
                () -> new CommandHarness().run("diff", old.toString(), now.toString()));

        assertEquals(7, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("credreport: " + old + ": line 1: not a credential report"), result.err());
        try (InputStream unread = Files.newInputStream(now)) {
            unread.readAllBytes(); // lets its writer finish: diff stopped at the first report
        }
    }

    @Test
    void should_leave_no_temporary_copy_of_standard_input_after_the_command_succeeded_or_failed() throws IOException {
        Path spool = Files.createDirectories(dir.resolve("tmp"));
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", spool.toString());
        try {
            Result good = new CommandHarness().stdin(large(SampleReports.ALICE)).run("fetch", "--input", "-", "--format", "json");
            Result bad = new CommandHarness().stdin(large("not,a,row")).run("audit", "--input", "-");
            Result diff = new CommandHarness().stdin(large(SampleReports.ALICE)).run("diff", "-", dir.resolve("missing.csv").toString());

            assertEquals(0, good.exitCode(), good.err());
            assertEquals(7, bad.exitCode(), bad.err());
            assertEquals(7, diff.exitCode(), diff.err());
            try (var left = Files.list(spool)) {
                assertEquals(List.of(), left.toList(), "a copy of standard input outlived its command");
            }
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    /** A report past the 8 MiB kept in memory, so that it is copied to a temporary file; its last line {@code last}. */
    private static String large(String last) {
        StringBuilder csv = new StringBuilder(SampleReports.standard());
        while (csv.length() <= (9 << 20)) {
            csv.append(SampleReports.ALICE).append('\n');
        }
        return csv.append(last).append('\n').toString();
    }
}

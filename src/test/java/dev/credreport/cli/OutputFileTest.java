package dev.credreport.cli;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.BOB;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o FILE from the command line: private, atomic, and untouched on failure. */
class OutputFileTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    @Test
    void should_write_the_report_to_a_private_file_and_nothing_to_stdout() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("out.csv");

        Result result = harness.run("fetch", "--input", input.toString(), "-o", output.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertEquals(SampleReports.standard(), Files.readString(output));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }

    @Test
    void should_default_to_csv_for_a_file_even_on_a_terminal() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("out.csv");

        Result result = harness.terminal(true, true, 80).run("fetch", "--input", input.toString(), "--output-file", output.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(SampleReports.standard(), Files.readString(output));
    }

    @Test
    void should_keep_the_previous_file_when_the_input_fails_midway() throws IOException {
        StringBuilder rows = new StringBuilder(report(ALICE));
        for (int i = 0; i < 2000; i++) {
            rows.append(BOB.replace("bob,ops", "bob" + i + ",ops")).append('\n');
        }
        rows.append(ALICE.replace(",true,2024-02-01", ",yes,2024-02-01")).append('\n');
        Path input = Files.writeString(dir.resolve("in.csv"), rows);
        Path output = Files.writeString(dir.resolve("out.txt"), "yesterday's report\n");

        Result result = harness.run("fetch", "--input", input.toString(), "--format", "blocks", "-o", output.toString());

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("credreport: line 2003, column access_key_1_active: 'yes' is not true or false\n", result.err());
        assertEquals("yesterday's report\n", Files.readString(output));
        assertEquals(List.of("in.csv", "out.txt"), files(), "no temporary file is left behind");
    }

    @Test
    void should_call_a_missing_directory_the_user_s_mistake() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
        Path output = dir.resolve("no/such/dir/out.csv");

        Result result = harness.run("fetch", "--input", input.toString(), "-o", output.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("credreport: cannot write " + output + ": directory "), result.err());
    }

    Path sample() throws IOException {
        return Files.writeString(dir.resolve("in.csv"), SampleReports.standard());
    }

    @Test
    void should_write_into_a_fifo_and_leave_it_a_fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Result result = harness.run("fetch", "--input", sample().toString(), "-o", fifo.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(SampleReports.standard(), read.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a FIFO");
        assertEquals(List.of("in.csv", "pipe"), files(), "no temporary file");
    }

    @Test
    void should_write_into_a_character_device_and_leave_it_a_device() throws Exception {
        // A private copy of /dev/null: the real one is never put at risk by a failing test.
        Path device = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mknod.waitFor() == 0, "mknod needs root");

        Result result = harness.run("fetch", "--input", sample().toString(), "-o", device.toString(), "--format", "json");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("c", new String(new ProcessBuilder("stat", "-c", "%F", device.toString()).start().getInputStream()
                .readAllBytes()).trim().substring(0, 1), "still a character special file");
        assertEquals(0, Files.size(device), "a device, not a regular file holding the report");
    }

    @Test
    void should_refuse_a_socket_and_leave_it_alone() throws Exception {
        Path socket = dir.resolve("sock");
        try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));

            Result result = harness.run("fetch", "--input", sample().toString(), "-o", socket.toString());

            assertEquals(8, result.exitCode(), result::toString);
            assertEquals("credreport: cannot write " + socket + ": it is a socket, not a file\n", result.err());
            assertTrue(Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).isOther());
        }
    }

    @Test
    void should_replace_a_symlinks_target_and_leave_the_link_a_link() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("report.csv"), "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real/report.csv"));
        Path chained = Files.createSymbolicLink(dir.resolve("chained.csv"), link.getFileName());

        Result result = harness.run("fetch", "--input", sample().toString(), "-o", chained.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.isSymbolicLink(chained) && Files.isSymbolicLink(link), "links stay links");
        assertEquals(Path.of("real/report.csv"), Files.readSymbolicLink(link));
        assertEquals(SampleReports.standard(), Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        try (Stream<Path> list = Files.list(real.getParent())) {
            assertEquals(List.of("report.csv"), list.map(path -> path.getFileName().toString()).toList(), "written beside the target");
        }
    }

    @Test
    void should_create_the_file_a_dangling_symlink_points_at() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("new.csv"));

        Result result = harness.run("fetch", "--input", sample().toString(), "-o", link.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(SampleReports.standard(), Files.readString(dir.resolve("new.csv")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.csv"))));
    }

    @Test
    void should_keep_the_mode_and_owner_of_a_file_it_replaces() throws Exception {
        Path output = Files.writeString(dir.resolve("out.csv"), "old\n");
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rw-r--r--"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assertEquals(0, new ProcessBuilder("chown", "65534:65534", output.toString()).start().waitFor());
        }
        Object owner = Files.getAttribute(output, "unix:uid");
        Object group = Files.getAttribute(output, "unix:gid");

        Result result = harness.run("fetch", "--input", sample().toString(), "-o", output.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(SampleReports.standard(), Files.readString(output));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
        assertEquals(owner, Files.getAttribute(output, "unix:uid"));
        assertEquals(group, Files.getAttribute(output, "unix:gid"));
    }

    @Test
    void should_refuse_empty_paths_as_usage_errors() throws IOException {
        Path input = sample();
        for (String[] args : List.of(
                new String[] {"fetch", "--input", input.toString(), "-o", ""},
                new String[] {"fetch", "--input", ""},
                new String[] {"fetch", "--input", input.toString(), "--output-dir", ""},
                new String[] {"diff", "--dir", ""})) {
            Result result = harness.run(args);

            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("empty path"), result.err());
            assertFalse(result.err().contains("directory"), result.err());
        }
    }

    @Test
    void should_refuse_urls_instead_of_making_a_directory_named_after_the_scheme() throws IOException {
        Path input = sample();
        for (String[] args : List.of(
                new String[] {"fetch", "--input", input.toString(), "-o", "s3://bucket/report.csv"},
                new String[] {"fetch", "--input", "https://example.com/report.csv"},
                new String[] {"fetch", "--input", input.toString(), "--output-dir", "gs://bucket/reports"},
                new String[] {"diff", "--dir", "ftp://host/reports"})) {
            Result result = harness.run(args);

            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("locations are not supported"), result.err());
        }
        assertEquals(List.of("in.csv"), files(), "no directory named after the scheme");
    }

    @Test
    void should_say_what_is_wrong_with_the_output_directory_before_reading_anything() throws IOException {
        Path file = sample();
        Path locked = Files.createDirectory(dir.resolve("locked"));

        Result onFile = harness.run("fetch", "--input", file.toString(), "--output-dir", file.toString());
        Result underFile = harness.run("fetch", "--input", file.toString(), "--output-dir", file.resolve("sub").toString());
        Result proc = harness.run("fetch", "--input", file.toString(), "-o", "/proc/version");

        // A path that cannot be a directory or take a file is the user's mistake (issue 22): exit 2;
        // no permission is the file system's refusal: exit 8.
        assertEquals(2, onFile.exitCode(), onFile::toString);
        assertTrue(onFile.err().contains("is a file, not a directory"), onFile.err());
        assertEquals(2, underFile.exitCode(), underFile::toString);
        assertTrue(underFile.err().contains("is a file, not a directory"), underFile.err());
        assertEquals(2, proc.exitCode(), proc::toString);
        assertTrue(proc.err().contains("proc file system"), proc.err());
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
            Result unwritable = harness.run("fetch", "--input", file.toString(), "--output-dir", locked.resolve("sub").toString());
            assertEquals(8, unwritable.exitCode(), unwritable::toString);
            assertTrue(unwritable.err().contains("no permission"), unwritable.err());
        }
    }
}

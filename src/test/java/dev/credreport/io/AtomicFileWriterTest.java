package dev.credreport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.TestFiles;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    List<String> files() throws IOException {
        return TestFiles.namesIn(dir);
    }

    @Test
    void should_create_a_file_only_its_owner_can_read() throws IOException {
        Path target = dir.resolve("report.csv");

        AtomicFileWriter.write(target, out -> out.write("new content\n"));

        assertEquals("new content\n", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("report.csv"), files());
    }

    @Test
    void should_replace_an_existing_file_keeping_its_mode_as_sed_i_does() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old content\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFileWriter.write(target, out -> out.write("new content\n"));

        assertEquals("new content\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("report.csv"), files());
    }

    @Test
    void should_leave_the_old_file_and_no_temporary_file_when_writing_fails_midway() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old content\n");

        CredreportException failure = assertThrows(CredreportException.class, () -> AtomicFileWriter.write(target, out -> {
            out.write("half of the new con".repeat(10_000));
            throw new IOException("No space left on device");
        }));

        assertEquals(ExitCode.CANNOT_WRITE, failure.exitCode());
        assertEquals("cannot write " + target + ": no space left on device", failure.getMessage());
        assertEquals("old content\n", Files.readString(target));
        assertEquals(List.of("report.csv"), files());
    }

    @Test
    void should_pass_on_a_failure_of_the_body_unchanged_and_clean_up() throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old content\n");

        CredreportException failure = assertThrows(CredreportException.class, () -> AtomicFileWriter.write(target, out -> {
            out.write("partial");
            throw CredreportException.badInput("line 9: bad");
        }));

        assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
        assertEquals("old content\n", Files.readString(target));
        assertEquals(List.of("report.csv"), files());
    }

    @Test
    void should_refuse_a_missing_directory() {
        Path target = dir.resolve("missing/report.csv");

        CredreportException failure = assertThrows(CredreportException.class,
                () -> AtomicFileWriter.write(target, out -> out.write("x")));

        assertEquals(ExitCode.CANNOT_WRITE, failure.exitCode());
        assertEquals("cannot write " + target + ": directory " + dir.resolve("missing") + " does not exist", failure.getMessage());
    }

    @Test
    void should_refuse_to_replace_a_directory() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);

        CredreportException failure = assertThrows(CredreportException.class,
                () -> AtomicFileWriter.write(target, out -> out.write("x")));

        assertEquals(ExitCode.CANNOT_WRITE, failure.exitCode());
        assertTrue(Files.isDirectory(target));
    }
}

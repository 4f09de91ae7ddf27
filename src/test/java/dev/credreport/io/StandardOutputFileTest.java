package dev.credreport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardOutputFileTest {
    @TempDir
    Path dir;

    @Test
    void a_failed_body_leaves_the_file_as_it_was_after_many_flushes() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "earlier run\n");
        StandardOutputFile redirected = StandardOutputFile.of(
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), true);
        IOException bad = new IOException("bad row");

        IOException thrown = assertThrows(IOException.class, () -> redirected.write(out -> {
            out.write("x".repeat(1 << 20));
            throw bad;
        }));

        assertSame(bad, thrown);
        assertEquals("earlier run\n", Files.readString(file));
    }

    @Test
    void a_body_that_succeeds_is_written_whole_and_later_writes_follow_it() throws IOException {
        Path file = Files.createFile(dir.resolve("out"));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        StandardOutputFile redirected = StandardOutputFile.of(channel, false);

        redirected.write(out -> out.write("report\n"));
        channel.write(java.nio.ByteBuffer.wrap("after\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals("report\nafter\n", Files.readString(file));
        assertTrue(channel.isOpen(), "standard output stays open");
    }

    @Test
    void a_file_opened_in_its_middle_is_not_taken() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "bytes that would be written over");
        assertNull(StandardOutputFile.of(FileChannel.open(file, StandardOpenOption.WRITE), false));
    }

    @Test
    void tells_an_appending_descriptor_from_its_fdinfo() throws IOException {
        assertTrue(StandardOutputFile.appends(Files.writeString(dir.resolve("a"), "pos:\t0\nflags:\t0102001\nmnt_id:\t30\n")));
        assertFalse(StandardOutputFile.appends(Files.writeString(dir.resolve("t"), "pos:\t0\nflags:\t0100001\nmnt_id:\t30\n")));
        assertFalse(StandardOutputFile.appends(dir.resolve("none")));
    }
}

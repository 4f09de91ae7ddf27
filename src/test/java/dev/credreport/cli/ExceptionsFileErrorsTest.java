package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exceptions file that cannot be read is refused in words, on one line, with exit 2: no Java exception names. */
class ExceptionsFileErrorsTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Result audit(Path exceptions) throws IOException {
        Path report = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        return harness.run("audit", "--input", report.toString(), "--as-of", "2024-06-01", "--exceptions", exceptions.toString());
    }

    static void refusedInWords(Result result, String words) {
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(words), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void a_missing_file_a_directory_and_a_file_not_in_utf8_are_said_in_words() throws IOException {
        refusedInWords(audit(dir.resolve("missing.yaml")), "missing.yaml cannot be read: no such file");
        refusedInWords(audit(Files.createDirectory(dir.resolve("exceptions.d"))), "exceptions.d cannot be read: it is a directory");
        Path latin1 = Files.write(dir.resolve("latin1.yaml"),
                "exceptions:\n  - rule: IAM.5\n    user: jos\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        refusedInWords(audit(latin1), "latin1.yaml cannot be read: it is not UTF-8 at line 3");
    }
}

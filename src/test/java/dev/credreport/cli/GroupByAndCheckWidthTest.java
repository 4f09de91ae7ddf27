package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeIam;
import dev.credreport.support.CommandHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --group-by owner is refused where the format has no groups; exceptions check fits the terminal. */
class GroupByAndCheckWidthTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sarif", "asff"})
    void group_by_owner_is_refused_with_a_format_that_has_no_groups(String format) {
        Result result = new CommandHarness().run("audit", "--endpoint-url", "http://127.0.0.1:9", "--owner-tag", "team",
                "--group-by", "owner", "--format", format, "--security-hub-region", "us-east-1");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--group-by owner groups the table, csv and json; " + format + " has no groups"),
                result.err());
    }

    /** Refused before any AWS call: not even the exceptions file is read from S3. */
    @ParameterizedTest
    @ValueSource(strings = {"sarif", "asff"})
    void group_by_owner_is_refused_before_an_s3_exceptions_file_is_read(String format) {
        try (FakeIam aws = FakeIam.start()) {
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", aws.endpoint().toString())
                    .run("audit", "--owner-tag", "team", "--group-by", "owner", "--format", format,
                            "--security-hub-region", "us-east-1", "--exceptions", "s3://bucket/exceptions.yaml");
            assertEquals(2, result.exitCode(), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
            assertTrue(result.err().contains("--group-by owner groups the table, csv and json; " + format
                    + " has no groups"), result.err());
            assertEquals(0, aws.requests().size(), "no AWS call: " + result);
        }
    }

    @Test
    void exceptions_check_fits_the_terminal_width() throws IOException {
        Path report = Files.writeString(dir.resolve("account.csv"), AuditCommandTest.ACCOUNT);
        Path exceptions = Files.writeString(dir.resolve("exceptions.yaml"), "exceptions:\n"
                + "  - {rule: access-key-not-rotated, user: carol, reason: 'The vendor key is replaced when the vendor "
                + "ships single sign-on, which they promised for the next quarter', expires: 2024-09-01}\n");
        Result result = new CommandHarness().terminal(true, true, 40).run("exceptions", "check", exceptions.toString(),
                "--input", report.toString(), "--as-of", "2024-06-01");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().count() > 3, result.out());
        result.out().lines().forEach(line -> assertTrue(line.length() <= 40, "fits 40 columns: '" + line + "'"));
        assertTrue(result.out().contains("vendor key is"), result.out());
    }
}

package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report that turns out bad after many good rows fails the run before a single byte of output:
 * no table, no blocks, no well-formed JSON holding the rows before the bad one.
 */
class NothingPartialTest {
    static final int GOOD_ROWS = 3_000;
    /** The line of the bad row: the header is line 1. */
    static final int BAD_LINE = GOOD_ROWS + 2;

    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    static String goodThenBad() {
        StringBuilder csv = new StringBuilder(SampleReports.HEADER).append('\n');
        for (int i = 0; i < GOOD_ROWS; i++) {
            csv.append(SampleReports.ALICE.replace("alice", "user" + i)).append('\n');
        }
        return csv.append(FakeOrganization.BAD_ROW).append('\n').toString();
    }

    Path badFile() throws IOException {
        return Files.writeString(dir.resolve("bad.csv"), goodThenBad());
    }

    static void assertFailedWithNothingOut(Result result) {
        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("", result.out(), "nothing on standard output");
        assertTrue(result.err().contains("line " + BAD_LINE), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "blocks", "json"})
    void fetch_prints_nothing_of_a_report_with_a_bad_row_at_the_end(String format) throws IOException {
        assertFailedWithNothingOut(harness.run("fetch", "--input", badFile().toString(), "--format", format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "blocks", "json"})
    void fetch_prints_nothing_of_a_bad_report_piped_in(String format) {
        assertFailedWithNothingOut(harness.stdin(goodThenBad()).run("fetch", "--input", "-", "--format", format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json", "sarif"})
    void audit_prints_nothing_of_a_report_with_a_bad_row_at_the_end(String format) throws IOException {
        assertFailedWithNothingOut(harness.run("audit", "--input", badFile().toString(), "--format", format, "--fail-on", "none"));
    }

    @Test
    void fetch_from_aws_prints_nothing_of_a_bad_report() {
        try (FakeIam iam = FakeIam.start()) {
            iam.onGenerate(state("COMPLETE")).onGet(report(goodThenBad(), Instant.parse("2024-06-01T11:00:00Z")));

            assertFailedWithNothingOut(harness.run("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "json"));
        }
    }

    @Test
    void a_bad_report_leaves_the_output_file_as_it_was() throws IOException {
        Path output = Files.writeString(dir.resolve("out.json"), "previous\n");

        Result result = harness.run("fetch", "--input", badFile().toString(), "--format", "json", "-o", output.toString());

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals("previous\n", Files.readString(output));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "blocks", "json"})
    void a_bad_report_written_to_a_new_file_leaves_no_file_and_prints_nothing(String format) throws IOException {
        Path output = dir.resolve("new-" + format);

        assertFailedWithNothingOut(harness.run("fetch", "--input", badFile().toString(), "--format", format, "-o", output.toString()));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("bad.csv")), left.toList(), "no output file and no temporary file");
        }
    }

    @Test
    void diff_names_the_bad_report_and_prints_nothing() throws IOException {
        Path good = Files.writeString(dir.resolve("good.csv"), SampleReports.standard());
        Path bad = badFile();

        Result newBad = harness.run("diff", good.toString(), bad.toString(), "--format", "json");
        Result oldBad = harness.run("diff", bad.toString(), good.toString(), "--format", "csv");

        for (Result result : List.of(newBad, oldBad)) {
            assertFailedWithNothingOut(result);
            assertTrue(result.err().startsWith("credreport: " + bad + ": line " + BAD_LINE), result.err());
        }
    }

    @Test
    void diff_names_a_missing_report() {
        Path missing = dir.resolve("missing.csv");

        Result result = harness.run("diff", missing.toString(), missing.toString());

        assertEquals(7, result.exitCode(), result::toString);
        assertTrue(result.err().contains(missing.toString()), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "blocks"})
    void many_accounts_leave_out_every_row_of_a_bad_account_and_say_so(String format) {
        List<String> accounts = new ArrayList<>(FakeOrganization.accounts(3));
        accounts.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(accounts, Set.of(), 100)) {
            String bad = accounts.get(1);
            organization.badReport(bad);

            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fetch", "--accounts", String.join(",", accounts), "--format", format);

            assertEquals(9, result.exitCode(), result::toString);
            String rows = format.equals("json") ? result.out().substring(0, result.out().indexOf("\"accounts\"")) : result.out();
            assertFalse(rows.contains(bad), "no row of the bad account: " + result.out());
            assertTrue(result.out().contains(accounts.get(0)), result.out());
            assertTrue(result.out().contains(accounts.get(2)), result.out());
            assertTrue(result.err().contains("account " + bad + ": line 5"), result.err());
        }
    }

    @Test
    void many_accounts_all_bad_print_nothing() {
        List<String> accounts = List.of(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(accounts, Set.of(), 100)) {
            organization.badReport(FakeOrganization.MANAGEMENT);

            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fetch", "--accounts", FakeOrganization.MANAGEMENT, "--format", "json");

            assertEquals(7, result.exitCode(), result::toString);
            assertEquals("", result.out());
        }
    }
}

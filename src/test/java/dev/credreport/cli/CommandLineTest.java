package dev.credreport.cli;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, usage errors and offline --input. */
class CommandLineTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Path saved(String csv) throws IOException {
        Path file = dir.resolve("report.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void should_describe_every_fetch_option_in_help() {
        Result result = harness.run("fetch", "--help");

        assertEquals(0, result.exitCode(), result::toString);
        for (String option : List.of("--input", "--format", "--output", "--quiet", "--max-wait", "--no-generate", "--width",
                "--profile", "--region", "--endpoint-url", "--ca-bundle", "--no-verify-ssl", "--cli-connect-timeout",
                "--cli-read-timeout", "--debug", "--help")) {
            assertTrue(result.out().contains(option), option + " in\n" + result.out());
        }
        assertTrue(result.out().contains("Exit codes:"), result.out());
    }

    @Test
    void should_list_commands_in_top_level_help() {
        Result result = harness.run("--help");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("fetch"), result.out());
        assertTrue(result.out().contains("Generate the account's IAM credential report"), result.out());
    }

    @Test
    void should_print_its_version() {
        Result result = harness.run("--version");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().matches("(?s)credreport \\d+\\.\\d+\\.\\d+.*\nAWS SDK for Java 2\\.40\\.2, Java .*"), result.out());
    }

    @Test
    void should_exit_2_without_a_command() {
        Result result = harness.run();

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: missing command\n"), result.err());
    }

    @Test
    void should_exit_2_with_one_line_and_a_hint_for_an_unknown_option() {
        Result result = harness.run("fetch", "--colour");

        assertEquals(2, result.exitCode());
        assertEquals("credreport: Unknown option: '--colour'\nTry 'credreport fetch --help' for more information.\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void should_exit_2_for_a_bad_format() {
        Result result = harness.run("fetch", "--format", "xml");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--format"), result.err());
        assertTrue(result.err().contains("TABLE, CSV, BLOCKS, JSON"), result.err());
    }

    @Test
    void should_accept_the_format_in_any_case() throws IOException {
        Result result = harness.run("fetch", "--input", saved(report(ALICE)).toString(), "--format", "Blocks");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("User: alice\n"), result.out());
    }

    @Test
    void should_exit_2_for_a_bad_duration() {
        Result result = harness.run("fetch", "--max-wait", "soon");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("'soon' is not a duration (e.g. 90s, 5m, 1m30s)"), result.err());
    }

    @Test
    void should_exit_2_for_no_generate_with_input() throws IOException {
        Result result = harness.run("fetch", "--input", saved(report(ALICE)).toString(), "--no-generate");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: --no-generate cannot be used with --input"), result.err());
    }

    @Test
    void should_exit_2_for_an_endpoint_that_is_not_a_url() {
        Result result = harness.run("fetch", "--endpoint-url", "localhost:4566");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: endpoint URL 'localhost:4566' is not an http(s) URL"), result.err());
    }

    @Test
    void should_exit_2_for_a_region_that_is_not_one() {
        Result result = harness.run("fetch", "--region", "EU West");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: --region: 'EU West' is not a region name"), result.err());
    }

    @Test
    void should_read_a_saved_report_without_aws() throws IOException {
        Path file = saved(SampleReports.standard());

        Result csv = harness.run("fetch", "--input", file.toString());
        Result blocks = harness.run("fetch", "--input", file.toString(), "--format", "blocks");

        assertEquals(0, csv.exitCode(), csv::toString);
        assertEquals(SampleReports.standard(), csv.out());
        assertEquals("", csv.err());
        assertEquals(4, blocks.out().lines().filter(line -> line.startsWith("User: ")).count());
    }

    @Test
    void should_read_a_report_from_stdin() {
        Result result = harness.stdin(SampleReports.standard()).run("fetch", "--input", "-", "--format", "json");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\"source\": \"stdin\""), result.out());
    }

    @Test
    void should_exit_7_for_a_missing_input_file() {
        Result result = harness.run("fetch", "--input", dir.resolve("nope.csv").toString());

        assertEquals(7, result.exitCode());
        assertEquals("credreport: cannot read " + dir.resolve("nope.csv") + ": no such file\n", result.err());
    }

    @Test
    void should_exit_7_naming_line_and_column_of_a_bad_value() throws IOException {
        Path file = saved(report(ALICE, ALICE.replace("2024-05-20T09:00:00+00:00", "last tuesday")));

        Result result = harness.run("fetch", "--input", file.toString(), "--format", "csv");

        assertEquals(7, result.exitCode());
        assertEquals("credreport: line 3, column password_last_used: 'last tuesday' is not an ISO 8601 time with an offset\n",
                result.err());
        assertEquals("", result.out(), "csv output is validated before any of it is written");
    }

    @Test
    void should_exit_7_for_a_file_that_is_not_a_report() throws IOException {
        Path file = saved("{\"this\": \"is json\"}\n");

        Result result = harness.run("fetch", "--input", file.toString());

        assertEquals(7, result.exitCode());
        assertTrue(result.err().startsWith("credreport: line 1: not a credential report: required columns 'user', 'arn'"),
                result.err());
        assertFalse(result.err().contains("\tat "));
    }

    @Test
    void should_show_a_stack_trace_only_with_debug() throws IOException {
        Path file = dir.resolve("directory.csv");
        Files.createDirectory(file);

        Result plain = harness.run("fetch", "--input", file.toString());

        assertEquals(7, plain.exitCode());
        assertEquals("credreport: cannot read " + file + ": it is a directory, not a report file\n", plain.err());
    }
}

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
        assertEquals("credreport: missing command: fetch, audit, diff, report, fix, exceptions, athena-ddl, completion; "
                + "'credreport --help' says what each does\n", result.err());
    }

    @Test
    void should_exit_2_with_one_line_and_a_hint_for_an_unknown_option() {
        Result result = harness.run("fetch", "--colour");

        assertEquals(2, result.exitCode());
        assertEquals("credreport: Unknown option: '--colour' (see 'credreport fetch --help')\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void should_exit_2_for_a_bad_format() {
        Result result = harness.run("fetch", "--format", "xml");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--format"), result.err());
        assertTrue(result.err().contains("use one of table, csv, blocks, json (text is the same as csv)"), result.err());
    }

    @Test
    void should_refuse_another_command_s_format_listing_this_command_s() {
        Result fetch = harness.run("fetch", "--format", "sarif");
        Result diff = harness.run("diff", "--format", "blocks", "a.csv", "b.csv");

        assertEquals(2, fetch.exitCode(), fetch::toString);
        assertTrue(fetch.err().contains("'sarif' is not a format: use one of table, csv, blocks, json"), fetch.err());
        assertEquals(2, diff.exitCode(), diff::toString);
        assertTrue(diff.err().contains("'blocks' is not a format: use one of table, json, csv"), diff.err());
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
        // One line that names the file and shows its first columns beside a credential report's (issue 22, point 3).
        assertEquals("credreport: " + file + ": line 1: not a credential report: its header starts '{\"this\": \"is json\"}'; "
                + "a credential report's starts user, arn, user_creation_time\n", result.err());
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

    @Test
    void should_take_the_format_as_the_aws_cli_users_type_it() throws IOException {
        Path input = saved(report(ALICE));

        Result json = harness.run("fetch", "--input", input.toString(), "--output", "json");
        Result text = harness.run("fetch", "--input", input.toString(), "--output", "text");

        assertEquals(0, json.exitCode(), json::toString);
        assertTrue(json.out().startsWith("{"), json.out());
        assertEquals(0, text.exitCode(), text::toString);
        assertEquals(report(ALICE), text.out(), "text is the CSV as AWS wrote it");
        assertEquals(List.of("report.csv"), List.of(dir.toFile().list()), "no file named json or text");
    }

    @Test
    void should_point_a_file_name_given_as_the_output_format_to_o() throws IOException {
        Path input = saved(report(ALICE));

        Result file = harness.run("fetch", "--input", input.toString(), "--output", "out.csv");
        Result typo = harness.run("fetch", "--input", input.toString(), "--output", "jsno");

        assertEquals(2, file.exitCode(), file::toString);
        // Named as typed: --output, which users of the AWS CLI type.
        assertTrue(file.err().startsWith("credreport: Invalid value for option '--output': 'out.csv' is not a format: use one of "
                + "table, csv, blocks, json (text is the same as csv); to write to a file, use -o out.csv (see '"), file.err());
        assertEquals(2, typo.exitCode(), typo::toString);
        assertTrue(!typo.err().contains("-o "), "a mistyped format is not a file: " + typo.err());
        assertEquals(List.of("report.csv"), List.of(dir.toFile().list()), "nothing written");
    }

    @Test
    void should_take_the_output_file_as_o_or_output_file() throws IOException {
        Path input = saved(report(ALICE));

        Result result = harness.run("fetch", "--input", input.toString(), "--output-file", dir.resolve("out.csv").toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(report(ALICE), Files.readString(dir.resolve("out.csv")));
    }

    @Test
    void should_take_the_aws_cli_format_name_in_audit_and_diff_too() throws IOException {
        Path input = saved(report(ALICE));

        Result audit = harness.run("audit", "--input", input.toString(), "--output", "json", "--fail-on", "none");
        Result diff = harness.run("diff", input.toString(), input.toString(), "--output", "json");

        assertEquals(0, audit.exitCode(), audit::toString);
        assertTrue(audit.out().startsWith("{") || audit.out().startsWith("["), audit.out());
        assertEquals(0, diff.exitCode(), diff::toString);
        assertTrue(diff.out().startsWith("{"), diff.out());
    }

    @Test
    void should_suggest_the_command_meant() {
        Result result = harness.run("fecth");

        assertEquals(2, result.exitCode());
        assertEquals("credreport: unknown command 'fecth'; did you mean 'fetch'? (see 'credreport --help')\n",
                result.err());
    }

    @Test
    void should_suggest_the_command_meant_to_help_as_to_the_command_line() {
        Result result = harness.run("help", "fecth");
        Result nothingClose = harness.run("help", "frobnicate");

        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertEquals("credreport: unknown command 'fecth'; did you mean 'fetch'? (see 'credreport --help')\n",
                result.err());
        assertEquals(2, nothingClose.exitCode());
        assertEquals("credreport: unknown command 'frobnicate' (see 'credreport --help')\n", nothingClose.err());
    }

    @Test
    void should_say_that_format_and_output_are_one_option() {
        Result aliases = harness.run("fetch", "--format", "csv", "--output", "json", "--input", "-");
        Result twice = harness.run("audit", "--format", "csv", "--format=json", "--input", "-");

        assertEquals(2, aliases.exitCode(), aliases::toString);
        assertEquals("credreport: --format and --output are the same option (--output is its AWS CLI name): give one (see 'credreport fetch --help')\n", aliases.err());
        assertEquals(2, twice.exitCode(), twice::toString);
        assertTrue(twice.err().startsWith("credreport: --format is given twice ('csv', then 'json'): give it once (see '"), twice::toString);
    }

    @Test
    void should_refuse_an_option_of_a_group_given_twice_as_any_other() throws IOException {
        Path input = saved(report(ALICE));
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");

        Result twice = harness.run("fetch", "--input", input.toString(), "-o", first.toString(), "-o", second.toString());
        Result aliases = harness.run("fetch", "--input", input.toString(), "-o", first.toString(), "--output-file=" + second);
        Result profile = harness.run("diff", "--profile", "a", "--profile", "b", input.toString(), input.toString());

        assertEquals(2, twice.exitCode(), twice::toString);
        assertTrue(twice.err().startsWith("credreport: -o is given twice ('" + first + "', then '" + second + "'): give it once (see '"),
                twice::toString);
        assertEquals(2, aliases.exitCode(), aliases::toString);
        assertTrue(aliases.err().startsWith("credreport: -o and --output-file are the same option: give one (see '"), aliases::toString);
        assertEquals(2, profile.exitCode(), profile::toString);
        assertTrue(profile.err().startsWith("credreport: --profile is given twice ('a', then 'b'): give it once (see '"), profile::toString);
        assertFalse(Files.exists(first) || Files.exists(second), "nothing written");
    }

    @Test
    void should_name_an_empty_output_file_as_typed_and_not_talk_of_standard_input() {
        Result result = harness.run("fetch", "-o", "", "--input", "-");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("credreport: Invalid value for option '-o': empty path: give a file name, or '-' for standard output (see 'credreport fetch --help')\n", result.err());
    }

    @Test
    void should_suggest_the_command_typed_in_capitals() {
        Result result = harness.run("FETCH");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: unknown command 'FETCH'; did you mean 'fetch'? (see '"), result.err());
    }

    @Test
    void should_say_a_file_given_to_diff_dir_is_not_a_directory() throws IOException {
        Path file = saved(report(ALICE));

        Result result = harness.run("diff", "--dir", file.toString());

        // The user's mistake, as for report --history: exit 2 (issue 22, point 9).
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("it is a file, not a directory of saved reports"), result.err());
    }

    @Test
    void should_suggest_the_option_meant() {
        Result result = harness.run("fetch", "--fromat", "json");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: Unknown options: '--fromat', 'json'; did you mean '--format'? (see '"), result.err());
    }

    @Test
    void should_suggest_nothing_when_nothing_is_close() {
        Result result = harness.run("frobnicate");

        assertEquals(2, result.exitCode());
        assertEquals("credreport: unknown command 'frobnicate' (see 'credreport --help')\n", result.err());
    }

    @Test
    void should_print_a_commands_help_with_help_command() {
        Result help = harness.run("help", "diff");
        Result direct = harness.run("diff", "--help");

        assertEquals(0, help.exitCode(), help::toString);
        assertEquals(direct.out(), help.out());
        assertTrue(help.out().startsWith("Usage: credreport diff"), help.out());
    }

    @Test
    void should_keep_every_example_within_80_columns() {
        for (String command : List.of("fetch", "audit", "diff", "report", "exceptions", "athena-ddl", "completion")) {
            Result help = harness.run(command, "--help");
            for (String line : help.out().lines().filter(line -> line.startsWith("  credreport ")).toList()) {
                assertTrue(line.length() <= 80, command + " example over 80 columns: " + line);
            }
        }
    }

    @Test
    void should_fit_help_to_the_terminal_without_splitting_examples() {
        Result narrow = harness.terminal(true, true, 60).run("fetch", "--help");
        Result wide = harness.terminal(true, true, 160).run("fetch", "--help");

        assertEquals(0, narrow.exitCode(), narrow::toString);
        List<String> examples = narrow.out().lines().dropWhile(line -> !line.equals("Examples:")).skip(1)
                .takeWhile(line -> !line.isEmpty()).toList();
        assertTrue(examples.size() >= 5, narrow.out());
        for (String example : examples) {
            assertTrue(example.startsWith("  credreport "), "an example on one line: '" + example + "' in\n" + narrow.out());
        }
        for (String line : narrow.out().lines().takeWhile(line -> !line.equals("Examples:")).toList()) {
            assertTrue(line.length() <= 60, "fits 60 columns: " + line);
        }
        assertTrue(wide.out().lines().anyMatch(line -> line.length() > 80), "uses a wide terminal's width");
    }

    @Test
    void should_show_only_the_s3_connection_options_in_diff_help() {
        Result result = harness.run("diff", "--help");

        assertEquals(0, result.exitCode(), result::toString);
        // diff calls AWS only for --dir s3://, with the connection options under their own heading.
        assertTrue(result.out().contains("S3 connection (with --dir s3://"), result.out());
        for (String option : List.of("--max-wait", "--no-generate", "--endpoint-url")) {
            assertFalse(result.out().contains(option), option + " in\n" + result.out());
        }
        assertFalse(result.out().contains("SDK's log"), result.out());
        assertEquals(2, harness.run("diff", "--endpoint-url", "http://127.0.0.1:1", "a.csv", "b.csv").exitCode(),
                "IAM's endpoint is no option of diff's");
    }

    @Test
    void should_say_exactly_what_quiet_silences() {
        Result result = harness.run("fetch", "--help");

        String help = result.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("no progress line, no note on a stale report"), help);
        assertTrue(help.contains("Errors and exit codes are unchanged"), help);
    }
}

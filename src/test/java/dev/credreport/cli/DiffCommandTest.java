package dev.credreport.cli;

import static dev.credreport.support.ReportRow.root;
import static dev.credreport.support.ReportRow.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** credreport diff on hand-written pairs of reports. */
class DiffCommandTest {
    @TempDir
    Path dir;

    final CommandHarness harness = new CommandHarness();

    Result diff(List<ReportRow> before, List<ReportRow> after, String... extra) {
        try {
            Path old = Files.writeString(dir.resolve("old.csv"), report(before));
            Path neu = Files.writeString(dir.resolve("new.csv"), report(after));
            List<String> args = new ArrayList<>(List.of("diff", old.toString(), neu.toString()));
            args.addAll(List.of(extra));
            return harness.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String report(List<ReportRow> rows) {
        return SampleReports.report(rows.stream().map(ReportRow::toString).toArray(String[]::new));
    }

    /** Each change as "user change subject before -> after [!]", from the CSV output. */
    static List<String> changes(Result result) {
        assertEquals(0, result.exitCode() == 3 ? 0 : result.exitCode(), result::toString);
        List<String> changes = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(result.out()))) {
                changes.add(record.get("user") + " " + record.get("change") + " " + record.get("subject") + " "
                        + record.get("before") + " -> " + record.get("after")
                        + (Boolean.parseBoolean(record.get("security_relevant")) ? " !" : ""));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return changes;
    }

    static ReportRow alice() {
        return user("alice").password("2024-05-01T00:00:00+00:00", "2024-01-10T00:00:00+00:00").mfa(true)
                .key(1, true, "2024-02-01T00:00:00+00:00", "2024-05-20T00:00:00+00:00");
    }

    @Test
    void should_print_nothing_and_exit_0_for_an_unchanged_pair() {
        Result csv = diff(List.of(root(), alice()), List.of(root(), alice()), "--exit-code");
        Result table = diff(List.of(root(), alice()), List.of(root(), alice()), "--exit-code", "--format", "table");

        assertEquals(0, csv.exitCode(), csv::toString);
        assertEquals("", csv.out());
        assertEquals("", csv.err());
        assertEquals(0, table.exitCode());
        assertEquals("", table.out());
    }

    @Test
    void should_exit_3_with_exit_code_when_something_changed_and_0_without() {
        List<ReportRow> before = List.of(root(), alice());
        List<ReportRow> after = List.of(root(), alice().mfa(false));

        assertEquals(3, diff(before, after, "--exit-code").exitCode());
        assertEquals(0, diff(before, after).exitCode());
    }

    @Test
    void should_report_users_added_and_removed() {
        Result result = diff(List.of(root(), alice(), user("bob")), List.of(root(), alice(), user("carol")));

        assertEquals(List.of(
                "carol user_added user  -> 2024-01-01T00:00:00+00:00",
                "bob user_removed user 2024-01-01T00:00:00+00:00 -> "), changes(result));
    }

    @Test
    void should_see_a_recreated_user_as_removed_and_added() {
        ReportRow recreated = user("alice").set("user_creation_time", "2024-05-30T00:00:00+00:00").mfa(true);

        Result result = diff(List.of(alice()), List.of(recreated));

        assertEquals(List.of(
                "alice user_removed user 2024-01-01T00:00:00+00:00 -> ",
                "alice user_added user  -> 2024-05-30T00:00:00+00:00",
                "alice mfa_activated MFA  -> true"), changes(result));
    }

    @Test
    void should_report_password_changes() {
        ReportRow noPassword = user("bob");
        ReportRow unused = user("bob").password("no_information", "2024-05-01T00:00:00+00:00");
        ReportRow used = user("bob").password("2024-05-02T00:00:00+00:00", "2024-05-01T00:00:00+00:00");
        ReportRow changed = user("bob").password("2024-05-02T00:00:00+00:00", "2024-05-20T00:00:00+00:00");

        assertEquals(List.of("bob password_enabled password false -> true"), changes(diff(List.of(noPassword), List.of(unused))));
        assertEquals(List.of("bob password_first_used password no_information -> 2024-05-02T00:00:00Z"),
                changes(diff(List.of(unused), List.of(used))));
        assertEquals(List.of("bob password_changed password 2024-05-01T00:00:00+00:00 -> 2024-05-20T00:00:00+00:00"),
                changes(diff(List.of(used), List.of(changed))));
        assertEquals(List.of("bob password_disabled password true -> false"), changes(diff(List.of(used), List.of(noPassword))));
    }

    @Test
    void should_mark_mfa_turned_off() {
        assertEquals(List.of("alice mfa_deactivated MFA true -> false !"), changes(diff(List.of(alice()), List.of(alice().mfa(false)))));
        assertEquals(List.of("alice mfa_activated MFA false -> true"),
                changes(diff(List.of(alice().mfa(false)), List.of(alice()))));
    }

    @Test
    void should_report_every_kind_of_access_key_change() {
        ReportRow none = user("carol");
        ReportRow created = user("carol").key(2, true, "2024-05-30T00:00:00+00:00", "N/A");
        ReportRow used = user("carol").key(2, true, "2024-05-30T00:00:00+00:00", "2024-05-31T00:00:00+00:00");
        ReportRow elsewhere = user("carol").key(2, true, "2024-05-30T00:00:00+00:00", "2024-06-01T00:00:00+00:00")
                .set("access_key_2_last_used_region", "eu-west-1").set("access_key_2_last_used_service", "iam");
        ReportRow deactivated = user("carol").key(2, false, "2024-05-30T00:00:00+00:00", "2024-05-31T00:00:00+00:00");
        ReportRow rotated = user("carol").key(2, true, "2024-06-01T00:00:00+00:00", "N/A");

        assertEquals(List.of("carol key_created access key 2  -> 2024-05-30T00:00:00Z (active) !"),
                changes(diff(List.of(none), List.of(created))));
        assertEquals(List.of("carol key_first_used access key 2 N/A -> 2024-05-31T00:00:00Z"),
                changes(diff(List.of(created), List.of(used))));
        assertEquals(List.of("carol key_new_region access key 2 us-east-1 -> eu-west-1",
                "carol key_new_service access key 2 s3 -> iam"), changes(diff(List.of(used), List.of(elsewhere))));
        assertEquals(List.of("carol key_deactivated access key 2 true -> false"), changes(diff(List.of(used), List.of(deactivated))));
        assertEquals(List.of("carol key_activated access key 2 false -> true !"), changes(diff(List.of(deactivated), List.of(used))));
        assertEquals(List.of("carol key_rotated access key 2 2024-05-30T00:00:00Z (active) -> 2024-06-01T00:00:00Z (active) !"),
                changes(diff(List.of(used), List.of(rotated))));
        assertEquals(List.of("carol key_removed access key 2 2024-05-30T00:00:00Z (active) -> "),
                changes(diff(List.of(used), List.of(none))));
    }

    @Test
    void should_report_signing_certificate_changes() {
        ReportRow none = user("dave");
        ReportRow created = user("dave").certificate(1, true, "2024-05-01T00:00:00+00:00");
        ReportRow inactive = user("dave").certificate(1, false, "2024-05-01T00:00:00+00:00");

        assertEquals(List.of("dave certificate_created certificate 1  -> 2024-05-01T00:00:00Z (active)"),
                changes(diff(List.of(none), List.of(created))));
        assertEquals(List.of("dave certificate_deactivated certificate 1 true -> false"),
                changes(diff(List.of(created), List.of(inactive))));
        assertEquals(List.of("dave certificate_removed certificate 1 2024-05-01T00:00:00Z (inactive) -> "),
                changes(diff(List.of(inactive), List.of(none))));
    }

    @Test
    void should_put_root_changes_first_and_mark_them() {
        ReportRow usedRoot = root().set("password_last_used", "2024-05-01T00:00:00+00:00");
        ReportRow rootAgain = root().set("password_last_used", "2024-05-31T00:00:00+00:00")
                .key(1, false, "2024-05-31T00:00:00+00:00", "N/A");

        Result result = diff(List.of(alice(), usedRoot), List.of(alice().mfa(false), rootAgain));

        assertEquals(List.of(
                "<root_account> password_used password 2024-05-01T00:00:00Z -> 2024-05-31T00:00:00Z !",
                "<root_account> key_created access key 1  -> 2024-05-31T00:00:00Z (inactive) !",
                "alice mfa_deactivated MFA true -> false !"), changes(result));
    }

    @Test
    void should_group_the_table_by_user_and_mark_what_needs_a_look() {
        Result result = diff(List.of(root(), alice(), user("bob")), List.of(root(), alice().mfa(false), user("carol")),
                "--format", "table");

        assertEquals(String.join("\n",
                "Changes in account 123456789012 from " + dir.resolve("old.csv") + " to " + dir.resolve("new.csv"),
                "(ages as of now, 2024-06-01 12:00 UTC (the report does not say when it was generated))",
                "",
                "alice  arn:aws:iam::123456789012:user/alice",
                "  ! MFA deactivated: true -> false",
                "",
                "carol  arn:aws:iam::123456789012:user/carol",
                "    user added: 2024-01-01 00:00 UTC (152d ago)",
                "",
                "bob  arn:aws:iam::123456789012:user/bob",
                "    user removed: was 2024-01-01 00:00 UTC (152d ago)",
                "",
                "3 users changed: 1 added, 1 removed; 3 changes, 1 needing a look",
                ""), result.out());
    }

    @Test
    void should_write_json() throws Exception {
        Result result = diff(List.of(alice()), List.of(alice().mfa(false)), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(dir.resolve("old.csv").toString(), json.at("/old/source").asText());
        assertEquals("123456789012", json.at("/new/account_id").asText());
        assertEquals("mfa_deactivated", json.at("/changes/0/change").asText());
        assertEquals("MFA deactivated", json.at("/changes/0/description").asText());
        assertTrue(json.at("/changes/0/security_relevant").asBoolean());
        assertEquals("alice", json.at("/changes/0/user").asText());
    }

    @Test
    void should_refuse_reports_of_different_accounts_unless_allowed() {
        ReportRow other = user("alice").set("arn", "arn:aws:iam::210987654321:user/alice");

        Result refused = diff(List.of(alice()), List.of(other));
        Result allowed = diff(List.of(alice()), List.of(other), "--allow-different-accounts");

        assertEquals(2, refused.exitCode(), refused::toString);
        assertEquals("credreport: the reports are of different accounts (123456789012 and 210987654321); "
                + "pass --allow-different-accounts to compare them anyway\n", refused.err());
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertEquals(2, changes(allowed).size());
    }

    @Test
    void should_compare_the_two_newest_saved_reports_of_a_directory() throws IOException {
        Files.writeString(dir.resolve("credential-report-123456789012-20240601T000000Z.csv"), report(List.of(user("old"))));
        Files.writeString(dir.resolve("credential-report-123456789012-20240602T000000Z.csv"), report(List.of(alice())));
        Files.writeString(dir.resolve("credential-report-123456789012-20240602T000000Z-1.csv"), report(List.of(alice().mfa(false))));

        Result result = harness.run("diff", "--dir", dir.toString(), "--exit-code");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(List.of("alice mfa_deactivated MFA true -> false !"), changes(result));
    }

    @Test
    void should_ask_which_account_when_a_directory_holds_several() throws IOException {
        Files.writeString(dir.resolve("credential-report-123456789012-20240601T000000Z.csv"), report(List.of(alice())));
        Files.writeString(dir.resolve("credential-report-210987654321-20240601T000000Z.csv"), report(List.of(alice())));

        Result several = harness.run("diff", "--dir", dir.toString());
        Result one = harness.run("diff", "--dir", dir.toString(), "--account", "123456789012");

        assertEquals(2, several.exitCode(), several::toString);
        assertTrue(several.err().contains("(123456789012, 210987654321); choose one with --account"), several::toString);
        assertEquals(0, one.exitCode(), one::toString);
        assertTrue(one.err().contains("holds one saved report of account 123456789012 ("), one::toString);
    }

    @Test
    void should_succeed_quietly_on_the_first_day_when_only_one_report_is_saved() throws IOException {
        // The README's crontab line runs fetch --output-dir then diff --dir: day one must not fail.
        Files.writeString(dir.resolve("credential-report-123456789012-20240601T000000Z.csv"), report(List.of(alice())));

        Result day1 = harness.run("diff", "-q", "--dir", dir.toString(), "--format", "table", "--exit-code");
        Result told = harness.run("diff", "--dir", dir.toString());

        assertEquals(0, day1.exitCode(), day1::toString);
        assertEquals("", day1.out());
        assertEquals("", day1.err());
        assertEquals(0, told.exitCode(), told::toString);
        assertEquals("", told.out());
        assertTrue(told.err().contains("holds one saved report (") && told.err().contains("nothing to compare until the next "
                + "'fetch --output-dir'"), told::toString);
    }

    @Test
    void should_call_a_missing_directory_the_user_s_mistake_as_report_history_does() {
        Result diff = harness.run("diff", "--dir", dir.resolve("typo").toString());
        Result report = harness.run("report", "--input", "-", "--history", dir.resolve("typo").toString(), "-o",
                dir.resolve("page.html").toString());

        assertEquals(2, diff.exitCode(), diff::toString);
        assertTrue(diff.err().contains("--dir '" + dir.resolve("typo") + "': no such directory; give the directory"), diff::toString);
        assertEquals(2, report.exitCode(), report::toString);
        assertTrue(report.err().contains("--history '" + dir.resolve("typo") + "': no such directory; give the directory"),
                report::toString);
    }

    @Test
    void should_call_an_empty_directory_the_user_s_mistake() throws IOException {
        Result result = harness.run("diff", "--dir", dir.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("holds no saved report: give the directory"), result::toString);
    }

    @Test
    void should_refuse_an_account_that_is_not_twelve_digits_before_reading_the_directory() {
        Result result = harness.run("diff", "--dir", dir.resolve("missing").toString(), "--account", "12345678901");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("credreport: --account: '12345678901' is not an AWS account id (twelve digits)\n", result.err());
    }

    @Test
    void should_need_two_reports() {
        Result result = harness.run("diff", "only-one.csv");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("credreport: diff needs two reports"), result::toString);
    }
}

package dev.credreport.report;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.BOB;
import static dev.credreport.support.SampleReports.CAROL;
import static dev.credreport.support.SampleReports.HEADER;
import static dev.credreport.support.SampleReports.ROOT;
import static dev.credreport.support.SampleReports.lines;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialReportReaderTest {

    static List<UserCredentials> parse(String csv) {
        List<UserCredentials> users = new ArrayList<>();
        try (CredentialReportReader reader = CredentialReportReader.open(new java.io.ByteArrayInputStream((csv).getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(users::add);
        }
        return users;
    }

    static CredreportException parseFailure(String csv) {
        CredreportException failure = assertThrows(CredreportException.class, () -> parse(csv));
        assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
        return failure;
    }

    @Test
    void should_recognise_the_root_row_and_its_not_supported_password_columns() {
        UserCredentials root = parse(report(ROOT)).get(0);

        assertTrue(root.isRoot());
        assertEquals("123456789012", root.accountId());
        assertTrue(root.password().enabled().is(Absence.NOT_SUPPORTED));
        assertEquals(Instant.parse("2024-05-01T12:30:00Z"), root.password().lastUsed().value());
        assertTrue(root.password().lastChanged().is(Absence.NOT_SUPPORTED));
        assertTrue(root.password().nextRotation().is(Absence.NOT_SUPPORTED));
        assertTrue(root.hasMfa());
        assertFalse(root.accessKey1().exists());
    }

    @Test
    void should_type_every_value_of_a_console_user() {
        UserCredentials alice = parse(report(ALICE)).get(0);

        assertFalse(alice.isRoot());
        assertEquals("alice", alice.user());
        assertEquals(Instant.parse("2020-02-03T04:05:06Z"), alice.creationTime());
        assertTrue(alice.password().isEnabled());
        assertEquals(Instant.parse("2024-05-20T09:00:00Z"), alice.password().lastUsed().value());
        assertTrue(alice.password().nextRotation().is(Absence.NOT_APPLICABLE));
        assertTrue(alice.accessKey1().isActive());
        assertEquals("eu-west-1", alice.accessKey1().lastUsedRegion().value());
        assertEquals("s3", alice.accessKey1().lastUsedService().value());
        assertFalse(alice.accessKey2().exists());
        assertFalse(alice.cert1().exists());
        assertEquals(2, alice.line());
    }

    @Test
    void should_keep_a_quoted_name_with_a_comma_as_one_value() {
        UserCredentials bob = parse(report(BOB)).get(0);

        assertEquals("bob,ops", bob.user());
        assertEquals("arn:aws:iam::123456789012:user/ops/bob,ops", bob.arn());
        assertTrue(bob.accessKey1().isActive());
        assertTrue(bob.accessKey1().lastUsedDate().is(Absence.NOT_APPLICABLE));
        assertTrue(bob.accessKey2().exists());
        assertFalse(bob.accessKey2().isActive());
        assertEquals("iam", bob.accessKey2().lastUsedService().value());
        assertTrue(bob.accessKey2().lastUsedRegion().is(Absence.NOT_APPLICABLE));
        assertTrue(bob.cert1().isActive());
    }

    @Test
    void should_read_times_with_z_and_with_an_offset_as_the_same_instant() {
        String withOffset = ALICE.replace("2020-02-03T04:05:06+00:00", "2020-02-03T06:05:06+02:00");
        String withZ = ALICE.replace("2020-02-03T04:05:06+00:00", "2020-02-03T04:05:06Z");

        assertEquals(parse(report(withOffset)).get(0).creationTime(), parse(report(withZ)).get(0).creationTime());
        assertEquals(Instant.parse("2020-02-03T04:05:06Z"), parse(report(withZ)).get(0).creationTime());
    }

    @Test
    void should_keep_no_information_apart_from_n_a() {
        UserCredentials carol = parse(report(CAROL)).get(0);

        assertTrue(carol.password().lastUsed().is(Absence.NO_INFORMATION));
        assertNull(carol.password().lastUsed().value());
        assertEquals(Instant.parse("2023-06-01T00:00:00Z"), carol.password().nextRotation().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"N/A", "no_information", "not_supported"})
    void should_accept_every_token_in_every_column_that_may_lack_a_value(String token) {
        List<String> cells = new ArrayList<>(List.of(ALICE.split(",")));
        for (Column column : Column.values()) {
            if (column != Column.USER && column != Column.ARN && column != Column.USER_CREATION_TIME) {
                cells.set(column.ordinal(), token);
            }
        }
        UserCredentials user = parse(report(String.join(",", cells))).get(0);

        Absence expected = Absence.fromToken(token).orElseThrow();
        for (Column column : Column.values()) {
            if (column != Column.USER && column != Column.ARN && column != Column.USER_CREATION_TIME) {
                assertTrue(user.value(column).is(expected), column + " should hold " + token);
            }
        }
        assertEquals(token, user.cell(Column.PASSWORD_LAST_USED.ordinal()));
    }

    @Test
    void should_accept_booleans_in_any_case() {
        String upper = ALICE.replace(",true,2024-05-20", ",TRUE,2024-05-20").replace(",false,N/A,N/A,N/A,N/A,false", ",False,N/A,N/A,N/A,N/A,false");
        UserCredentials user = parse(report(upper)).get(0);

        assertTrue(user.password().isEnabled());
        assertEquals(Boolean.FALSE, user.accessKey2().active().value());
    }

    @Test
    void should_find_columns_by_name_and_carry_unknown_ones_through() {
        String header = "future_column," + HEADER.replace("user,arn,", "arn,user,") + ",another_one";
        String row = "x1," + ALICE.replace("alice,arn:aws:iam::123456789012:user/alice,", "arn:aws:iam::123456789012:user/alice,alice,") + ",x2";
        UserCredentials user = parse(lines(header, row)).get(0);

        assertEquals("alice", user.user());
        assertEquals("arn:aws:iam::123456789012:user/alice", user.arn());
        assertEquals(Map.of("future_column", "x1", "another_one", "x2"), user.unknownColumns());
        assertEquals(List.of("future_column", "another_one"),
                List.copyOf(user.unknownColumns().keySet()));
    }

    @Test
    void should_accept_a_report_without_the_later_last_used_service_columns() {
        String header = HEADER.replace(",access_key_1_last_used_service", "").replace(",access_key_2_last_used_service", "");
        String row = ALICE.replace(",eu-west-1,s3,", ",eu-west-1,").replace(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A", ",false,N/A,N/A,N/A,false,N/A,false,N/A");
        UserCredentials user = parse(lines(header, row)).get(0);

        assertEquals("eu-west-1", user.accessKey1().lastUsedRegion().value());
        assertFalse(user.accessKey1().lastUsedService().isPresent());
    }

    @Test
    void should_read_crlf_line_ends_and_a_byte_order_mark() {
        String csv = "\uFEFF" + report(ROOT, ALICE, BOB).replace("\n", "\r\n");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<UserCredentials> users = new ArrayList<>();
        try (CredentialReportReader reader = CredentialReportReader.open(new ByteArrayInputStream(bytes))) {
            reader.forEachRemaining(users::add);
        }

        assertEquals(List.of("<root_account>", "alice", "bob,ops"), users.stream().map(UserCredentials::user).toList());
        assertEquals(List.of(2L, 3L, 4L), users.stream().map(UserCredentials::line).toList());
        assertEquals("user", users.get(0).header().names().get(0));
    }

    @Test
    void should_read_a_report_without_a_final_line_end() {
        List<UserCredentials> users = parse(HEADER + "\n" + ALICE);

        assertEquals(1, users.size());
    }

    @Test
    void should_read_an_empty_report_as_no_users() {
        assertEquals(List.of(), parse(HEADER + "\n"));
    }

    @Test
    void should_count_lines_past_blank_lines() {
        CredreportException failure = parseFailure(HEADER + "\n" + ALICE + "\n\n\n" + ALICE.replace("true,2024-02-01", "maybe,2024-02-01") + "\n");

        assertEquals("line 5, column access_key_1_active: 'maybe' is not true or false", failure.getMessage());
    }

    @Test
    void should_refuse_empty_input() {
        assertEquals("the input is empty: a credential report starts with a header line", parseFailure("").getMessage());
    }

    @Test
    void should_name_a_missing_required_column() {
        String header = HEADER.replace(",mfa_active", "");
        CredreportException failure = parseFailure(lines(header));

        assertEquals("line 1: not a credential report: its header lacks 'mfa_active'", failure.getMessage());
    }

    @Test
    void should_name_a_few_missing_columns_and_count_the_rest() {
        CredreportException failure = parseFailure(lines("user,arn,user_creation_time,password_enabled"));

        assertEquals("line 1: not a credential report: its header lacks 'password_last_used', 'password_last_changed', "
                + "'password_next_rotation' and 13 more", failure.getMessage());
    }

    @Test
    void should_refuse_a_file_that_is_not_a_report() {
        CredreportException failure = parseFailure("hello world\nthis is not csv\n");

        assertEquals("line 1: not a credential report: its header starts 'hello world'; a credential report's starts user, "
                + "arn, user_creation_time", failure.getMessage());
    }

    @Test
    void should_refuse_a_repeated_column() {
        assertEquals("line 1: not a credential report: column 'arn' appears twice in the header",
                parseFailure(lines(HEADER + ",arn")).getMessage());
    }

    @Test
    void should_name_the_line_of_a_row_with_too_many_fields() {
        CredreportException failure = parseFailure(report(ALICE, "bob,ops" + ALICE.substring(5)));

        assertEquals("line 3: expected 22 fields as in the header, found 23 (an unquoted comma in a value?)", failure.getMessage());
    }

    @Test
    void should_name_the_line_of_a_row_with_too_few_fields() {
        assertEquals("line 2: expected 22 fields as in the header, found 21",
                parseFailure(report(ALICE.substring(0, ALICE.lastIndexOf(',')))).getMessage());
    }

    @Test
    void should_name_line_and_column_of_a_bad_time() {
        CredreportException failure = parseFailure(report(ROOT, ALICE.replace("2024-05-20T09:00:00+00:00", "yesterday")));

        assertEquals("line 3, column password_last_used: 'yesterday' is not an ISO 8601 time with an offset", failure.getMessage());
    }

    @Test
    void should_refuse_a_token_where_a_creation_time_is_required() {
        CredreportException failure = parseFailure(report(ALICE.replace("2020-02-03T04:05:06+00:00", "N/A")));

        assertEquals("line 2, column user_creation_time: 'N/A' is not an ISO 8601 time with an offset", failure.getMessage());
    }

    @Test
    void should_refuse_a_token_as_the_user_name() {
        assertEquals("line 2, column user: 'N/A' where a value is required",
                parseFailure(report(ALICE.replace("alice,arn", "N/A,arn"))).getMessage());
    }

    @Test
    void should_refuse_an_arn_that_is_not_one() {
        assertEquals("line 2: 'not-an-arn' is not an IAM ARN",
                parseFailure(report(ALICE.replace("arn:aws:iam::123456789012:user/alice", "not-an-arn"))).getMessage());
    }

    @Test
    void should_refuse_broken_quoting_with_its_line() {
        CredreportException failure = parseFailure(report(ALICE, "\"bob" + ALICE.substring(5)).replace("\"bob", "\"bo\"b"));

        assertTrue(failure.getMessage().startsWith("line 3: not valid CSV:"), failure.getMessage());
    }

    @Test
    void should_say_what_is_wrong_with_the_quoting_in_its_own_words() {
        assertEquals("line 3: not valid CSV: a quoted value must end with a quote right before a comma or the end of the "
                + "line (a stray quote, or one never closed?)",
                parseFailure(report(ALICE, "\"ab\"x" + ALICE.substring(5))).getMessage());
        assertEquals("line 3: not valid CSV: a quoted value is never closed: the input ends before its closing quote",
                parseFailure(report(ALICE, "\"ab" + ALICE.substring(5))).getMessage());
    }

    @Test
    void should_refuse_bytes_that_are_not_utf8() {
        byte[] bytes = report(ALICE).replace("alice,arn", "al\u00e9ce,arn").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayInputStream reader = new ByteArrayInputStream(bytes);

        CredreportException failure = assertThrows(CredreportException.class, () -> {
            try (CredentialReportReader parsed = CredentialReportReader.open(reader)) {
                parsed.forEachRemaining(user -> { });
            }
        });
        assertEquals(ExitCode.BAD_INPUT, failure.exitCode());
        assertTrue(failure.getMessage().contains("not UTF-8"), failure.getMessage());
    }
}

package dev.credreport.render;

import static dev.credreport.support.SampleReports.ALICE;
import static dev.credreport.support.SampleReports.BOB;
import static dev.credreport.support.SampleReports.CAROL;
import static dev.credreport.support.SampleReports.HEADER;
import static dev.credreport.support.SampleReports.ROOT;
import static dev.credreport.support.SampleReports.lines;
import static dev.credreport.support.SampleReports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.report.ReportInput;
import dev.credreport.support.CommandHarness;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    static final Clock CLOCK = Clock.fixed(CommandHarness.NOW, ZoneOffset.UTC);

    static String render(String format, String csv, int width) {
        return render(format, csv.getBytes(StandardCharsets.UTF_8), width);
    }

    static String render(String format, byte[] csv, int width) {
        StringWriter out = new StringWriter();
        try {
            Formats.reports().named(format).write(ReportInput.fromAws(csv, Instant.parse("2024-06-01T10:00:00Z"), "https://iam.amazonaws.com"),
                    out, new RenderContext(CLOCK, width));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    @Test
    void should_print_blocks_line_for_line_keeping_a_quoted_comma_in_one_value() {
        String blocks = render("blocks", report(BOB), 0);

        assertEquals(String.join("\n",
                "User: bob,ops",
                "ARN: arn:aws:iam::123456789012:user/ops/bob,ops",
                "Creation Time: 2021-06-07T08:09:10Z",
                "Password Enabled: false",
                "Password Last Used: N/A",
                "Password Last Changed: N/A",
                "Password Next Rotation: N/A",
                "MFA Active: false",
                "Access Key 1 Active: true",
                "Access Key 1 Last Rotated: 2021-06-07T08:10:00Z",
                "Access Key 1 Last Used Date: N/A",
                "Access Key 1 Last Used Region: N/A",
                "Access Key 1 Last Used Service: N/A",
                "Access Key 2 Active: false",
                "Access Key 2 Last Rotated: 2022-01-01T00:00:00Z",
                "Access Key 2 Last Used Date: 2022-03-04T05:06:07Z",
                "Access Key 2 Last Used Region: N/A",
                "Access Key 2 Last Used Service: iam",
                "Cert 1 Active: true",
                "Cert 1 Last Rotated: 2021-06-07T08:11:00Z",
                "Cert 2 Active: false",
                "Cert 2 Last Rotated: N/A",
                "-------------------",
                ""), blocks);
    }

    @Test
    void should_print_one_block_per_user_in_report_order() {
        String blocks = render("blocks", report(ROOT, ALICE, BOB, CAROL), 0);

        assertEquals(List.of("User: <root_account>", "User: alice", "User: bob,ops", "User: carol"),
                blocks.lines().filter(line -> line.startsWith("User: ")).toList());
        assertEquals(4 * 23, blocks.lines().count());
    }

    @Test
    void should_label_unknown_columns_in_blocks_by_their_name() {
        String blocks = render("blocks", lines(HEADER + ",access_key_3_active", ALICE + ",true"), 0);

        assertTrue(blocks.contains("\nCert 2 Last Rotated: N/A\nAccess Key 3 Active: true\n-------------------\n"), blocks);
    }

    @Test
    void should_escape_control_characters_from_the_report() {
        String hostile = ALICE.replace("alice,arn", "al\u001b[2Jice\u202e,arn");

        String blocks = render("blocks", report(hostile), 0);
        String table = render("table", report(hostile), 200);

        assertTrue(blocks.startsWith("User: al\\x1b[2Jice\\u202e\n"), blocks);
        assertTrue(table.contains("al\\x1b[2Jice\\u202e "), table);
        assertFalse(blocks.contains("\u001b") || table.contains("\u001b"));
        String json = render("json", report(hostile), 0);
        assertFalse(json.contains("\u001b") || json.contains("\u202e"), json);
    }

    @Test
    void should_write_json_that_parses_back_with_the_right_types() throws Exception {
        String json = render("json", lines(HEADER + ",future_column", ROOT + ",x", ALICE + ",y", BOB + ",z", CAROL + ","), 0);

        JsonNode document = new ObjectMapper().readTree(json);
        assertEquals("2024-06-01T10:00:00Z", document.at("/report/generated_time").asText());
        assertEquals("123456789012", document.at("/report/account_id").asText());
        assertEquals(23, document.at("/report/columns").size());
        JsonNode users = document.get("users");
        assertEquals(4, users.size());

        JsonNode root = users.get(0);
        assertEquals("<root_account>", root.get("user").asText());
        assertTrue(root.get("password_enabled").isNull());
        assertEquals("not_supported", root.at("/absent/password_enabled").asText());
        assertEquals("2024-05-01T12:30:00Z", root.get("password_last_used").asText());
        assertTrue(root.get("mfa_active").isBoolean() && root.get("mfa_active").asBoolean());

        JsonNode alice = users.get(1);
        assertTrue(alice.get("password_enabled").isBoolean());
        assertEquals(Instant.parse("2020-02-03T04:05:06Z"), Instant.parse(alice.get("user_creation_time").asText()));
        assertEquals("eu-west-1", alice.get("access_key_1_last_used_region").asText());
        assertTrue(alice.get("access_key_2_last_rotated").isNull());
        assertEquals("N/A", alice.at("/absent/access_key_2_last_rotated").asText());
        assertTrue(alice.at("/absent/password_last_used").isMissingNode(), "a present value has no absent entry");
        assertEquals("y", alice.at("/extra/future_column").asText());

        JsonNode bob = users.get(2);
        assertEquals("bob,ops", bob.get("user").asText());
        assertTrue(bob.get("cert_1_active").asBoolean());

        JsonNode carol = users.get(3);
        assertEquals("no_information", carol.at("/absent/password_last_used").asText());
        assertEquals("", carol.at("/extra/future_column").asText());
    }

    @Test
    void should_write_valid_json_for_a_report_without_users() throws Exception {
        JsonNode document = new ObjectMapper().readTree(render("json", HEADER + "\n", 0));

        assertEquals(0, document.get("users").size());
        assertTrue(document.at("/report/account_id").isNull());
    }

    @Test
    void should_fit_the_table_in_80_columns() {
        String table = render("table", manyUsers(), 80);

        for (String line : table.lines().toList()) {
            assertTrue(line.length() <= 80, "longer than 80: " + line);
        }
        assertTrue(table.contains("USER"), table);
        assertTrue(table.contains("MFA"), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("(hidden to fit 80 columns: ")), table);
    }

    @Test
    void should_show_every_column_in_200_columns() {
        String table = render("table", manyUsers(), 200);

        for (String line : table.lines().toList()) {
            assertTrue(line.length() <= 200, "longer than 200: " + line);
        }
        String header = table.lines().skip(1).findFirst().orElseThrow();
        for (String column : List.of("USER", "CREATED", "PASSWORD", "PASSWORD USED", "MFA", "KEY 1", "KEY 1 USED", "KEY 2",
                "KEY 2 USED", "CERTS")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        assertFalse(table.contains("(hidden"), table);
    }

    @Test
    void should_cut_a_long_user_name_rather_than_overflow() {
        String longName = "a-very-long-service-user-name-for-the-nightly-billing-export-job@example.com";
        String table = render("table", report(ALICE.replace("alice,arn", longName + ",arn")), 40);

        for (String line : table.lines().toList()) {
            assertTrue(line.length() <= 40, "longer than 40: " + line);
        }
        assertTrue(table.contains("\u2026"), table);
    }

    @Test
    void should_show_dates_ages_and_words_in_the_table() {
        String table = render("table", report(ROOT, ALICE, BOB, CAROL), 200);
        List<String> lines = table.lines().toList();

        assertEquals("Credential report of account 123456789012, generated 2024-06-01 10:00 UTC (2h ago), 4 users", lines.get(0));
        String alice = lines.stream().filter(line -> line.startsWith("alice ")).findFirst().orElseThrow();
        assertTrue(alice.contains("2020-02-03"), alice);
        assertTrue(alice.contains("12d ago"), alice);
        assertTrue(alice.contains("active, 121d old"), alice);
        String carol = lines.stream().filter(line -> line.startsWith("carol ")).findFirst().orElseThrow();
        assertTrue(carol.contains(" never "), carol);
        String root = lines.stream().filter(line -> line.startsWith("<root_account> ")).findFirst().orElseThrow();
        assertTrue(root.contains(" n/a "), root);
        assertEquals("(ages as of the report, generated 2024-06-01 10:00 UTC (2h ago))", lines.get(lines.size() - 1),
                "ages count to the report's generated time, not to now (12:00)");
    }

    @Test
    void should_say_when_the_report_has_no_users() {
        String table = render("table", HEADER + "\n", 80);

        assertEquals("Credential report, generated 2024-06-01 10:00 UTC (2h ago), 0 users\n(the report lists no users)\n", table);
    }

    @Test
    void should_pass_csv_through_byte_for_byte() {
        byte[] csv = ("\uFEFF" + lines(HEADER + ",future", ROOT + ",1", BOB + ",2").replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(new String(csv, StandardCharsets.UTF_8), render("csv", csv, 0));
    }

    static String manyUsers() {
        StringBuilder rows = new StringBuilder(HEADER).append('\n').append(ROOT).append('\n');
        for (int i = 0; i < 50; i++) {
            rows.append(ALICE.replace("alice", "user-number-" + i)).append('\n');
            rows.append(BOB.replace("bob,ops", "bob-" + i + ",ops")).append('\n');
        }
        return rows.toString();
    }
}

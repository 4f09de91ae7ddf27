package dev.credreport;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.HiveTableDdl;
import dev.credreport.support.MotoS3;
import dev.credreport.support.MotoServer;
import dev.credreport.support.SampleReports;
import dev.credreport.support.TrinoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DDL 'athena-ddl' prints and the Athena queries of src/docs/athena.md, run on Trino (the engine of Athena's
 * version 3) over reports 'fetch --output-dir s3://' saved, the results compared with the rows
 * credreport itself reads from the same saved objects ('fetch --input s3://… --format json').
 *
 * <p>The reports are saved to moto's S3, then each object is copied to the directory Trino's
 * local file system reads, under the same bucket and key: the DDL's {@code s3://BUCKET/KEY}
 * locations become {@code local:///BUCKET/KEY} ({@link TrinoServer#localLocation}). The table
 * statement is Hive DDL, which Athena parses with Hive and Trino cannot run: {@link HiveTableDdl}
 * reads it with Hive's lexical rules and makes the same table in Trino; the view and the queries
 * are Trino SQL and run as printed.
 *
 * <p>The archive holds, for today: an account with two reports of the same generated time (the
 * second saved as {@code …Z-1.csv}, which sorts before {@code …Z.csv}) after an earlier one; an
 * account whose report is in the older 20-column format with a root user without MFA; a report of
 * hostile names (quotes, commas, a formula, escape and direction characters); and reports of
 * earlier days for the per-day query. A report with a line break in a name is refused.
 */
class AthenaQueriesIT {
    static final String BUCKET = "audit-bucket";
    /** A quote in the prefix: the LOCATION must round-trip through Hive's literal rules. */
    static final String PREFIX = "team's/credential-reports";
    static final String A = "123456789012";
    static final String B = "210987654321";
    static final String C = "333333333333";
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TRINO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    static MotoServer moto;
    static MotoS3 s3;
    static TrinoServer trino;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Instant DAY_START = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    /** One saved object as credreport reads it back. */
    record Saved(String key, String accountId, Instant generated, int suffix, String dt, JsonNode users) {
    }

    static final List<Saved> SAVED = new ArrayList<>();

    @BeforeAll
    static void saveAndLoad() throws Exception {
        long start = System.nanoTime();
        trino = TrinoServer.start(Path.of(System.getProperty("user.dir"), "target", "trino"));
        System.out.printf("Trino %s started in %.1f s%n", System.getProperty("trino.version"), (System.nanoTime() - start) / 1e9);
        moto = MotoServer.shared();
        s3 = new MotoS3(moto.endpoint());
        s3.bucket(BUCKET);

        // Account A: an earlier report today, then two of the same later time: the second, other content, gets -1.
        save(SampleReports.report(SampleReports.ROOT, SampleReports.ALICE, SampleReports.CAROL), DAY_START.plusSeconds(10));
        save(SampleReports.standard(), DAY_START.plusSeconds(20));
        String latestA = SampleReports.report(SampleReports.ROOT, SampleReports.ALICE, SampleReports.BOB,
                SampleReports.CAROL.replace(",false,false,N/A,N/A,N/A,N/A,", ",true,false,N/A,N/A,N/A,N/A,"),
                user("dave", A, "true", "false", "true", DAY_START.toString().replace("Z", "+00:00")));
        Result latest = save(latestA, DAY_START.plusSeconds(20));
        assertTrue(latest.out().contains("Z-1.csv"), latest::toString);
        // Earlier days, for the per-day query; one beyond its 90 days.
        save(SampleReports.standard(), DAY_START.minus(Duration.ofDays(10)).plusSeconds(3600));
        save(SampleReports.standard(), DAY_START.minus(Duration.ofDays(200)).plusSeconds(3600));

        // Account B: the older format, 20 columns, whose root has no MFA.
        save(olderFormat(), DAY_START.plusSeconds(30));

        // Account C: hostile names that are still one line each.
        save(hostile(), DAY_START.plusSeconds(40));

        for (String key : s3.keys(BUCKET)) {
            Path file = trino.fileOf(BUCKET, key);
            Files.createDirectories(file.getParent());
            Files.write(file, s3.get(BUCKET, key).getBytes(StandardCharsets.UTF_8));
            SAVED.add(readBack(key));
        }

        Result ddl = new CommandHarness().run("athena-ddl", "--location", "s3://" + BUCKET + "/" + PREFIX);
        assertEquals(0, ddl.exitCode(), ddl::toString);
        List<String> statements = statements(ddl.out());
        assertEquals(3, statements.size(), ddl.out());
        assertEquals("CREATE DATABASE IF NOT EXISTS credreport;", statements.get(0));
        trino.query("CREATE SCHEMA IF NOT EXISTS hive.credreport");
        HiveTableDdl table = HiveTableDdl.parse(statements.get(1));
        assertEquals("s3://" + BUCKET + "/" + PREFIX + "/", table.location, "the LOCATION reads back as given");
        trino.query(table.toTrino("hive", TrinoServer::localLocation));
        trino.query(statements.get(2).substring(0, statements.get(2).length() - 1));
        System.out.printf("%d reports saved and the DDL run in %.1f s%n", SAVED.size(), (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (trino != null) {
            trino.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static Result save(String csv, Instant generated) {
        try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(csv, generated))) {
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL_S3", moto.endpoint().toString())
                    .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", "s3://" + BUCKET + "/" + PREFIX);
            assertEquals(0, result.exitCode(), result::toString);
            return result;
        }
    }

    static final Pattern KEY = Pattern.compile(".*/dt=([0-9-]+)/credential-report-(\\d{12})-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.csv");

    /** What credreport reads from a saved object: the rows the queries are checked against. */
    static Saved readBack(String key) throws IOException {
        Result json = new CommandHarness().variable("AWS_ENDPOINT_URL_S3", moto.endpoint().toString())
                .run("fetch", "--input", "s3://" + BUCKET + "/" + key, "--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode document = JSON.readTree(json.out());
        Matcher name = KEY.matcher(key);
        assertTrue(name.matches(), key);
        return new Saved(key, document.at("/report/account_id").asText(), Instant.parse(document.at("/report/generated_time").asText()),
                name.group(4) == null ? 0 : Integer.parseInt(name.group(4)), name.group(1), document.get("users"));
    }

    /** A user row of the current format: name, account, password enabled, MFA, key 1 active and its rotation. */
    static String user(String name, String account, String password, String mfa, String key1, String rotated) {
        String arn = "arn:aws:iam::" + account + ":user/" + name;
        String quotedName = name.matches("(?s).*[,\"\n].*") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
        String quotedArn = arn.matches("(?s).*[,\"\n].*") ? "\"" + arn.replace("\"", "\"\"") + "\"" : arn;
        return quotedName + "," + quotedArn + ",2020-01-01T00:00:00+00:00," + password + ","
                + (password.equals("true") ? "2024-05-01T08:00:00+00:00" : "N/A") + ",2020-01-01T00:00:00+00:00,N/A,"
                + mfa + "," + key1 + "," + (key1.equals("true") ? rotated : "N/A") + ",N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    }

    /** Account B's report as AWS wrote it before the _last_used_service columns: 20 columns. */
    static String olderFormat() {
        String header = SampleReports.HEADER.replace(",access_key_1_last_used_service", "").replace(",access_key_2_last_used_service", "");
        String root = "<root_account>,arn:aws:iam::" + B + ":root,2019-01-10T08:00:00+00:00,not_supported,2024-05-01T12:30:00+00:00,"
                + "not_supported,not_supported,false,true,2020-03-01T00:00:00+00:00,2024-05-02T00:00:00+00:00,eu-west-1,"
                + "false,N/A,N/A,N/A,false,N/A,false,N/A";
        String erin = "erin,arn:aws:iam::" + B + ":user/erin,2020-01-01T00:00:00+00:00,true,no_information,"
                + "2020-01-01T00:00:00+00:00,N/A,false,true,2020-06-01T00:00:00+00:00,2024-05-03T00:00:00+00:00,us-east-1,"
                // Key 2 used in eu-west-1: read by position unaligned, that region lands in a time column
                // and every query fails with INVALID_FUNCTION_ARGUMENT: Invalid format: "eu-west-1".
                + "true,2021-01-01T00:00:00+00:00,2024-05-04T00:00:00+00:00,eu-west-1,false,N/A,false,N/A";
        return SampleReports.lines(header, root, erin);
    }

    static String hostile() {
        return SampleReports.report(
                SampleReports.ROOT.replace("123456789012", C),
                user("o\"brien,ops", C, "true", "false", "true", "2021-01-01T00:00:00+00:00"),
                user("=cmd|' /C calc'!A0", C, "true", "false", "false", null),
                user("al\u001b[2Jice\u202e", C, "true", "false", "false", null),
                user("zed", C, "true", "true", "true", "2021-01-01T00:00:00+00:00"));
    }

    /** The statements of the DDL, each ending in ';' at a line's end, comments left out. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.startsWith("--") || line.isBlank()) {
                continue;
            }
            statement.append(statement.length() == 0 ? "" : "\n").append(line);
            if (line.endsWith(";")) {
                statements.add(statement.toString());
                statement.setLength(0);
            }
        }
        return statements;
    }

    /** The Athena queries of src/docs/athena.md (which the README links to), in order. */
    static List<String> readmeQueries() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("user.dir"), "src", "docs", "athena.md"));
        String section = doc.substring(doc.indexOf("## Athena\n"));
        List<String> queries = new ArrayList<>();
        Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            String query = block.group(1).strip();
            queries.add(query.endsWith(";") ? query.substring(0, query.length() - 1) : query);
        }
        return queries;
    }

    static boolean isRoot(JsonNode user) {
        return user.get("user").asText().equals("<root_account>") || user.get("arn").asText().endsWith(":root");
    }

    static boolean consoleWithoutMfa(JsonNode user) {
        return (user.get("password_enabled").asBoolean(false) || isRoot(user)) && !user.get("mfa_active").asBoolean(true);
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    static String trinoTime(JsonNode iso) {
        return iso == null || iso.isNull() ? null : TRINO_TIME.format(Instant.parse(iso.asText()));
    }

    static List<List<String>> rows(List<List<JsonNode>> result) {
        List<List<String>> rows = new ArrayList<>();
        for (List<JsonNode> row : result) {
            rows.add(row.stream().map(AthenaQueriesIT::text).toList());
        }
        return rows;
    }

    @Test
    void should_save_the_older_format_in_aws_column_order_and_read_it_back_the_same() throws IOException {
        Saved older = SAVED.stream().filter(saved -> saved.accountId().equals(B)).findFirst().orElseThrow();
        String object = s3.get(BUCKET, older.key());
        assertEquals(SampleReports.HEADER, object.substring(0, object.indexOf('\n')), "22 columns in AWS's order");
        assertEquals(dev.credreport.store.ReportMetadata.sha256(object.getBytes(StandardCharsets.UTF_8)),
                s3.head(BUCKET, older.key()).metadata().get("sha256"), "the object's sha256 is that of the bytes saved");
        Path original = Files.createTempFile("older-", ".csv");
        Files.writeString(original, olderFormat());
        Path saved = Files.createTempFile("saved-", ".csv");
        Files.writeString(saved, object);
        Result diff = new CommandHarness().run("diff", "--exit-code", original.toString(), saved.toString());
        assertEquals(0, diff.exitCode(), "diff sees no change between the original and the saved report: " + diff);
        // Every value the original had, the saved report has; the two columns it lacked read N/A, as credreport read them.
        Result json = new CommandHarness().run("fetch", "--input", original.toString(), "--format", "json");
        JsonNode originalUsers = JSON.readTree(json.out()).get("users");
        assertEquals(originalUsers.size(), older.users().size());
        for (int i = 0; i < originalUsers.size(); i++) {
            JsonNode was = originalUsers.get(i);
            JsonNode is = older.users().get(i);
            was.fieldNames().forEachRemaining(field -> {
                if (!field.equals("absent")) {
                    assertEquals(was.get(field), is.get(field), field);
                }
            });
            for (String service : List.of("access_key_1_last_used_service", "access_key_2_last_used_service")) {
                assertTrue(is.get(service).isNull(), service);
                assertEquals("N/A", is.at("/absent/" + service).asText(), service);
            }
        }
        assertEquals(SampleReports.standard(), s3.get(BUCKET, SAVED.stream()
                .filter(s -> s.accountId().equals(A) && s.suffix() == 0 && s.generated().equals(DAY_START.plusSeconds(20)))
                .findFirst().orElseThrow().key()), "a report in AWS's own layout is saved byte for byte");
    }

    @Test
    void should_refuse_a_report_with_a_line_break_in_a_name_and_save_nothing() {
        Set<String> before = new TreeSet<>(s3.keys(BUCKET));
        String broken = SampleReports.report(SampleReports.ROOT.replace("123456789012", C), user("two\nlines", C, "true", "false", "false", null));
        try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(broken, DAY_START.plusSeconds(50)))) {
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL_S3", moto.endpoint().toString())
                    .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", "s3://" + BUCKET + "/" + PREFIX, "-q");
            assertEquals(7, result.exitCode(), result::toString);
            assertTrue(result.err().contains("line break"), result.err());
            assertEquals("", result.out());
        }
        assertEquals(before, new TreeSet<>(s3.keys(BUCKET)));
    }

    @Test
    void should_read_every_saved_row_as_credreport_reads_it() {
        List<List<String>> expected = new ArrayList<>();
        for (Saved saved : SAVED) {
            for (JsonNode user : saved.users()) {
                expected.add(List.of(saved.dt(), saved.accountId(), user.get("user").asText(), user.get("arn").asText(),
                        String.valueOf(isRoot(user)), TRINO_TIME.format(saved.generated()), Integer.toString(saved.suffix()),
                        String.valueOf(text(user.get("password_enabled"))), String.valueOf(trinoTime(user.get("password_last_used"))),
                        String.valueOf(text(user.get("mfa_active"))), String.valueOf(trinoTime(user.get("access_key_1_last_rotated"))),
                        String.valueOf(text(user.get("access_key_1_last_used_service")))));
            }
        }
        expected.sort(Comparator.comparing(Object::toString));
        List<List<String>> actual = new ArrayList<>();
        for (List<String> row : rows(trino.query("SELECT dt, account_id, \"user\", arn, is_root, generated_time, report_suffix, "
                + "password_enabled, password_last_used, mfa_active, access_key_1_last_rotated, access_key_1_last_used_service "
                + "FROM credreport.credential_reports WHERE dt >= '2014-01-01'"))) {
            actual.add(row.stream().map(String::valueOf).toList());
        }
        actual.sort(Comparator.comparing(Object::toString));
        assertEquals(expected, actual);
    }

    @Test
    void should_answer_the_readme_queries_as_the_rows_credreport_printed() throws IOException {
        List<String> queries = readmeQueries();
        assertEquals(3, queries.size(), "the Athena queries of src/docs/athena.md");

        // 1: console users (root included) without MFA in each account's latest report today.
        Map<String, Saved> latest = new TreeMap<>();
        for (Saved saved : SAVED) {
            if (saved.dt().equals(TODAY.toString())) {
                latest.merge(saved.accountId(), saved, (a, b) -> Comparator.comparing(Saved::generated)
                        .thenComparingInt(Saved::suffix).compare(a, b) >= 0 ? a : b);
            }
        }
        List<List<String>> first = new ArrayList<>();
        for (Saved saved : latest.values()) {
            for (JsonNode user : saved.users()) {
                if (consoleWithoutMfa(user)) {
                    List<String> row = new ArrayList<>();
                    row.add(saved.accountId());
                    row.add(user.get("user").asText());
                    row.add(trinoTime(user.get("password_last_used")));
                    first.add(row);
                }
            }
        }
        first.sort(Comparator.<List<String>, String>comparing(row -> row.get(0)).thenComparing(row -> row.get(1)));
        assertEquals(first, rows(trino.query(queries.get(0))), queries.get(0));
        assertTrue(first.stream().anyMatch(row -> row.equals(java.util.Arrays.asList(B, "<root_account>", "2024-05-01 12:30:00.000"))),
                "the root of the older report, without MFA, is counted: " + first);
        assertTrue(first.stream().anyMatch(row -> row.get(1).equals("dave")), "the latest report is the -1 one: " + first);
        assertFalse(first.stream().anyMatch(row -> row.get(1).equals("carol")), "carol has MFA in the latest report: " + first);

        // 2: active keys rotated more than 90 days ago, by account, in today's reports.
        Instant cutoff = Instant.now().minus(Duration.ofDays(90));
        Map<String, Set<String>> oldKeys = new TreeMap<>();
        for (Saved saved : SAVED) {
            if (!saved.dt().equals(TODAY.toString())) {
                continue;
            }
            for (JsonNode user : saved.users()) {
                for (int key = 1; key <= 2; key++) {
                    JsonNode rotated = user.get("access_key_" + key + "_last_rotated");
                    if (user.get("access_key_" + key + "_active").asBoolean(false) && !rotated.isNull()
                            && Instant.parse(rotated.asText()).isBefore(cutoff)) {
                        oldKeys.computeIfAbsent(saved.accountId(), a -> new TreeSet<>()).add(user.get("arn").asText() + "#" + key);
                    }
                }
            }
        }
        List<List<String>> second = new ArrayList<>();
        oldKeys.forEach((account, keys) -> second.add(List.of(account, Integer.toString(keys.size()))));
        second.sort(Comparator.<List<String>, Integer>comparing(row -> -Integer.parseInt(row.get(1))).thenComparing(row -> row.get(0)));
        assertEquals(second, rows(trino.query(queries.get(1))), queries.get(1));
        assertEquals(3, second.size(), second::toString);

        // 3: console users (root included) without MFA on each day of the last 90.
        String since = TODAY.minusDays(90).toString();
        Map<String, Set<String>> perDay = new TreeMap<>();
        for (Saved saved : SAVED) {
            if (saved.dt().compareTo(since) >= 0) {
                for (JsonNode user : saved.users()) {
                    if (consoleWithoutMfa(user)) {
                        perDay.computeIfAbsent(saved.dt(), d -> new TreeSet<>()).add(user.get("arn").asText());
                    }
                }
            }
        }
        List<List<String>> third = new ArrayList<>();
        perDay.forEach((day, arns) -> third.add(List.of(day, Integer.toString(arns.size()))));
        assertEquals(third, rows(trino.query(queries.get(2))), queries.get(2));
        assertEquals(2, third.size(), "today and ten days ago, not 200: " + third);
    }
}

package dev.credreport.cli;

import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeOrganization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What 'fetch --output-dir s3://' writes against what 'athena-ddl' prints for the same prefix: every
 * key lies where the table's location template and partition projection look, in the partition
 * of the report's own date, for several accounts and dates (the first day of the range, a leap
 * day, the last second of a UTC day, today).
 */
class AthenaTableFindsSavedReportsTest {
    static final String BUCKET = "audit-bucket";
    static final String PREFIX = "iam/reports";

    final List<String> putKeys = new CopyOnWriteArrayList<>();
    HttpServer s3;

    @BeforeEach
    void start() throws IOException {
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PUT")) {
                putKeys.add(exchange.getRequestURI().getPath().substring(("/" + BUCKET + "/").length()));
                exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef\"");
                exchange.sendResponseHeaders(200, -1);
            } else if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getQuery() != null
                    && exchange.getRequestURI().getQuery().contains("list-type=2")) {
                // The check before the run lists the prefix: an empty bucket.
                byte[] empty = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                        + "2006-03-01/\"><Name>" + BUCKET + "</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated>"
                        + "</ListBucketResult>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, empty.length);
                exchange.getResponseBody().write(empty);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        s3.start();
    }

    @AfterEach
    void stop() {
        s3.stop(0);
    }

    /** The table's partition column, its projection and its location template, read back from the DDL. */
    record Table(String location, String column, Map<String, String> properties) {
        static Table of(String sql) {
            String table = AthenaDdlCommandTest.statements(sql).get(1);
            Matcher location = Pattern.compile("\nLOCATION '([^']*)'\n").matcher(table);
            Matcher partition = Pattern.compile("\nPARTITIONED BY \\(`([a-z_]+)` string\\)\n").matcher(table);
            assertTrue(location.find() && partition.find(), table);
            return new Table(location.group(1), partition.group(1), AthenaDdlCommandTest.properties(table));
        }

        String projection(String property) {
            String value = properties.get("projection." + column + "." + property);
            assertTrue(value != null, property + " in " + properties);
            return value;
        }

        /** The partition value a key lies in, if it lies where the template looks: one file directly in a partition. */
        String partitionOf(String uri) {
            String template = properties.get("storage.location.template");
            String placeholder = "${" + column + "}";
            assertTrue(template.startsWith(location) && template.contains(placeholder), template);
            Pattern where = Pattern.compile(Pattern.quote(template.substring(0, template.indexOf(placeholder))) + "([^/]+)"
                    + Pattern.quote(template.substring(template.indexOf(placeholder) + placeholder.length())) + "[^/]+\\.csv");
            Matcher matcher = where.matcher(uri);
            assertTrue(matcher.matches(), uri + " is not under " + template);
            return matcher.group(1);
        }
    }

    @Test
    void should_save_every_report_where_the_table_projects_its_date() {
        Result ddl = new CommandHarness().run("athena-ddl", "--location", "s3://" + BUCKET + "/" + PREFIX);
        assertEquals(0, ddl.exitCode(), ddl::toString);
        Table table = Table.of(ddl.out());
        assertEquals("true", table.properties().get("projection.enabled"));
        assertEquals("date", table.projection("type"));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(table.projection("format"));
        String[] range = table.projection("range").split(",");
        LocalDate first = LocalDate.parse(range[0], format);
        assertEquals("NOW", range[1]);
        ChronoUnit unit = ChronoUnit.valueOf(table.projection("interval.unit"));
        long interval = Long.parseLong(table.projection("interval"));

        List<String> accounts = new ArrayList<>(FakeOrganization.accounts(2));
        accounts.add(FakeOrganization.MANAGEMENT);
        List<Instant> times = List.of(first.atStartOfDay(ZoneOffset.UTC).toInstant(), Instant.parse("2024-02-29T12:00:00Z"),
                Instant.parse("2024-12-31T23:59:59Z"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Instant> expected = new ArrayList<>();
        for (String account : accounts) {
            for (Instant generated : times) {
                try (FakeIam iam = FakeIam.start().onGenerate(state("COMPLETE")).onGet(report(FakeOrganization.report(account), generated))) {
                    Result saved = new CommandHarness().variable("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getAddress().getPort())
                            .run("fetch", "--endpoint-url", iam.endpoint().toString(), "--output-dir", "s3://" + BUCKET + "/" + PREFIX, "-q");
                    assertEquals(0, saved.exitCode(), saved::toString);
                }
                expected.add(generated);
            }
        }

        assertEquals(expected.size(), putKeys.size(), putKeys::toString);
        for (int i = 0; i < putKeys.size(); i++) {
            String uri = "s3://" + BUCKET + "/" + putKeys.get(i);
            LocalDate day = LocalDate.parse(table.partitionOf(uri), format);
            LocalDate generatedDay = LocalDate.ofInstant(expected.get(i), ZoneOffset.UTC);
            assertEquals(generatedDay, day, uri + " lies in the partition of its generated date (UTC)");
            assertEquals(table.partitionOf(uri), format.format(day), uri + ": the value is written as the projection formats it");
            assertFalse(day.isBefore(first), uri + " is before the projection's range");
            assertFalse(day.isAfter(LocalDate.now(ZoneOffset.UTC)), uri + " is after NOW");
            assertEquals(0, unit.between(first, day) % interval, uri + " is on the projection's interval");
        }
    }
}

package dev.credreport.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.HeadlessChromium;
import dev.credreport.support.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (headless Chromium): nothing leaves the file, no script fails, the
 * table sorts and filters. Screenshots are left under target/report-browser/ to be looked at.
 */
class ReportPageBrowserIT {
    static final Path OUT = Path.of("target", "report-browser");
    static final Path SAMPLE = Path.of("src/sample/credential-report-123456789012-20261121T061502Z.csv");
    static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The sample report's page, with trends from both samples, as of the morning after the newer one. */
    static Path samplePage(String name, String... extra) throws Exception {
        Path page = OUT.resolve(name).toAbsolutePath();
        List<String> args = new java.util.ArrayList<>(List.of("report", "--input", SAMPLE.toString(), "--history",
                "src/sample", "-o", page.toString(), "-q"));
        args.addAll(List.of(extra));
        Result result = new CommandHarness().clock(Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC))
                .run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return page;
    }

    static void assertSelfContained(Path page) {
        String url = page.toUri().toString();
        for (String request : chromium.requests()) {
            assertTrue(request.equals(url) || request.startsWith("data:"), "the page requested " + request);
        }
        assertEquals(List.of(), chromium.errors());
    }

    @Test
    void should_load_the_sample_page_without_a_request_or_a_script_error() throws Exception {
        Path page = samplePage("sample.html");
        chromium.clearEvents();

        chromium.open(page.toUri().toString(), 1280, 900);

        assertSelfContained(page);
        assertEquals(8, chromium.evaluate("document.querySelectorAll('table.users tbody tr').length").asInt());
        // The script ran: the tools are shown and the headings sort.
        assertEquals(false, chromium.evaluate("document.querySelector('.tools').hidden").asBoolean());
        chromium.evaluate("document.querySelectorAll('table.users th')[0].click()");
        assertEquals("<root_account>", chromium.evaluate("document.querySelector('table.users tbody tr td').textContent").asText());
        chromium.evaluate("document.querySelectorAll('table.users th')[0].click()");
        assertEquals("svc,deploy", chromium.evaluate("document.querySelector('table.users tbody tr td').textContent").asText());
        assertEquals("descending", chromium.evaluate("document.querySelectorAll('table.users th')[0].getAttribute('aria-sort')").asText());
        // A date column sorts by time, keys never used or absent first.
        chromium.evaluate("document.querySelectorAll('table.users th')[7].click()");
        assertEquals("svc,deploy", chromium.evaluate("document.querySelector('table.users tbody tr:last-child td').textContent").asText());
        assertEquals(-1, chromium.evaluate("Number(document.querySelector('table.users tbody tr').cells[7].getAttribute('data-s'))").asInt());
        String filtered = "(function(){var i=document.querySelector('input.filter');i.value='alice';"
                + "i.dispatchEvent(new Event('input'));return Array.prototype.filter.call("
                + "document.querySelectorAll('table.users tbody tr'),function(r){return !r.hidden;}).length;})()";
        assertEquals(1, chromium.evaluate(filtered).asInt());
        chromium.evaluate("(function(){var i=document.querySelector('input.filter');i.value='';i.dispatchEvent(new Event('input'));})()");
        chromium.evaluate("document.querySelectorAll('table.users th')[0].click()");
        assertSelfContained(page);

        // Off-screen tables are laid out only when scrolled to; a whole-page picture needs them now.
        chromium.evaluate("document.querySelectorAll('.scroll').forEach(function(e){e.style.contentVisibility='visible';})");
        chromium.screenshot(OUT.resolve("sample-page.png"), true);
        assertTrue(Files.size(OUT.resolve("sample-page.png")) > 10_000);
        // The picture for the README: the top of the page, small.
        chromium.open(page.toUri().toString(), 1200, 1250, 0.6);
        chromium.screenshot(OUT.resolve("sample-page-small.png"), false);
    }

    @Test
    void should_block_what_a_crafted_report_would_load() throws Exception {
        Path crafted = OUT.resolve("crafted.csv");
        Files.writeString(crafted, SampleReports.report(SampleReports.ROOT,
                "<img src=http://127.0.0.1:9/x onerror=alert(1)>,arn:aws:iam::123456789012:user/x,2024-01-01T00:00:00Z,"
                        + "false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
                "\"</script><script>alert(2)</script>\",arn:aws:iam::123456789012:user/y,2024-01-01T00:00:00Z,"
                        + "false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A"));
        Path page = OUT.resolve("crafted.html").toAbsolutePath();
        Result result = new CommandHarness().run("report", "--input", crafted.toString(), "-o", page.toString(), "-q");
        assertEquals(0, result.exitCode(), result::toString);
        chromium.clearEvents();

        chromium.open(page.toUri().toString(), 1280, 900);

        assertSelfContained(page);
        assertEquals("<img src=http://127.0.0.1:9/x onerror=alert(1)>",
                chromium.evaluate("document.querySelectorAll('table.users tbody tr')[1].cells[0].textContent").asText());
        assertEquals(2, chromium.evaluate("JSON.parse(document.getElementById('credreport-data').textContent).at_a_glance.users").asInt());
    }

    @Test
    void should_open_a_page_of_five_thousand_users() throws Exception {
        StringBuilder report = new StringBuilder(SampleReports.HEADER).append('\n').append(SampleReports.ROOT).append('\n');
        for (int i = 0; i < 5000; i++) {
            String day = String.format("2024-%02d-%02dT10:00:00+00:00", 1 + i % 12, 1 + i % 28);
            report.append("user-").append(i).append(",arn:aws:iam::123456789012:user/team-").append(i % 40).append("/user-").append(i)
                    .append(',').append(day).append(i % 3 == 0 ? ",true," + day + "," + day + ",N/A," + (i % 2 == 0) : ",false,N/A,N/A,N/A,false")
                    .append(",true,").append(day).append(',').append(i % 5 == 0 ? "N/A,N/A,N/A" : day + ",us-east-1,s3")
                    .append(i % 7 == 0 ? ",true," + day + "," + day + ",eu-west-1,ec2" : ",false,N/A,N/A,N/A,N/A")
                    .append(",false,N/A,false,N/A\n");
        }
        Path csv = OUT.resolve("users-5000.csv");
        Files.writeString(csv, report);
        Path page = OUT.resolve("users-5000.html").toAbsolutePath();
        Result result = new CommandHarness().run("report", "--input", csv.toString(), "--as-of", "2024-12-31", "-o", page.toString(), "-q");
        assertEquals(0, result.exitCode(), result::toString);
        long size = Files.size(page);
        assertTrue(size < 5_000_000, "5,000 users made a page of " + size + " bytes");
        chromium.clearEvents();

        Duration load = chromium.open(page.toUri().toString(), 1280, 900);
        String metrics = chromium.mainThreadTime();

        assertSelfContained(page);
        assertEquals(5001, chromium.evaluate("document.querySelectorAll('table.users tbody tr').length").asInt());
        long sortStart = System.nanoTime();
        chromium.evaluate("document.querySelectorAll('table.users th')[6].click()");
        long sortMillis = (System.nanoTime() - sortStart) / 1_000_000;
        String visible = "Array.prototype.filter.call(document.querySelectorAll('table.users tbody tr'),function(r){return !r.hidden;}).length";
        assertEquals(500, chromium.evaluate(visible).asInt(), "the first rows only, until asked");
        long scrollStart = System.nanoTime();
        // Two frames after the scroll the table has been laid out and painted.
        chromium.evaluate("new Promise(function(done){document.querySelector('table.users').scrollIntoView();"
                + "requestAnimationFrame(function(){requestAnimationFrame(function(){done(document.querySelector('table.users').offsetHeight);});});})");
        long scrollMillis = (System.nanoTime() - scrollStart) / 1_000_000;
        chromium.evaluate("document.querySelector('button.more').click()");
        assertEquals(5001, chromium.evaluate(visible).asInt());
        assertSelfContained(page);
        // A figure for the note, not a pass/fail: timing goals belong to benchmarks.
        System.out.println("[figures] 5,000-user page: " + size + " bytes, load event after " + load.toMillis()
                + " ms, one sort " + sortMillis + " ms, scrolling to the table (its first layout) " + scrollMillis + " ms (headless Chromium); renderer main thread: " + metrics);
        chromium.screenshot(OUT.resolve("users-5000.png"), false);
    }
}

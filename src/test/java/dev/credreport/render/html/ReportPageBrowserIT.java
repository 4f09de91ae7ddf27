package dev.credreport.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.HeadlessChromium;
import dev.credreport.support.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assumptions.abort;
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
        assertEquals("alice", chromium.evaluate("document.querySelector('table.users tbody tr td').textContent").asText());
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

    /** Widths of a phone, a laptop and a desktop: the page must fit each without panning sideways. */
    static final List<Integer> WIDTHS = List.of(390, 1280, 1920);

    /** Whether anything of the page is wider than its viewport (the whole document, and any element). */
    static final String OVERFLOW = "(function(){var w=document.documentElement.clientWidth;var wide=[];"
            + "document.querySelectorAll('body *').forEach(function(e){if(e.closest('.scroll'))return;"
            + "var r=e.getBoundingClientRect();if(r.width>0&&r.right>w+1)wide.push(e.tagName+'.'+e.className+' '+Math.round(r.right));});"
            + "return JSON.stringify({scroll:document.documentElement.scrollWidth,client:w,wide:wide.slice(0,5)});})()";

    @Test
    void should_fit_every_width_and_show_every_column_at_1280() throws Exception {
        Path page = samplePage("widths.html");
        for (int width : WIDTHS) {
            chromium.clearEvents();
            chromium.open(page.toUri().toString(), width, 900);
            assertEquals(width, chromium.evaluate("window.innerWidth").asInt(), "the viewport is the width asked for");
            // Boxes off screen are laid out only when scrolled to (content-visibility); measure them laid out.
            chromium.evaluate("document.querySelectorAll('.scroll').forEach(function(e){e.style.contentVisibility='visible';})");
            JsonNode fit = new ObjectMapper().readTree(chromium.evaluate(OVERFLOW).asText());
            assertTrue(fit.path("scroll").asInt() <= fit.path("client").asInt(), width + " px: the page pans sideways " + fit);
            assertEquals(0, fit.path("wide").size(), width + " px: wider than the viewport: " + fit);
            assertSelfContained(page);
            if (width >= 1280) {
                // Every column of the user table in view, none scrolled off, the Findings text not cut.
                String columns = "(function(){var w=document.documentElement.clientWidth;var box=document.querySelector('.scroll table.users').parentElement;"
                        + "var cut=[];if(box.scrollWidth>box.clientWidth)cut.push('table scrolls: '+box.scrollWidth+'>'+box.clientWidth);"
                        + "document.querySelectorAll('table.users th').forEach(function(th){var r=th.getBoundingClientRect();if(r.right>w||r.width<30)cut.push(th.textContent);});"
                        + "document.querySelectorAll('table.users td').forEach(function(td){if(td.scrollWidth>td.clientWidth+1)cut.push(td.textContent+' of '+td.parentElement.cells[0].textContent);});"
                        + "return cut.join('; ');})()";
                assertEquals("", chromium.evaluate(columns).asText(), width + " px");
                assertEquals(13, chromium.evaluate("document.querySelectorAll('table.users th').length").asInt());
            }
            chromium.screenshot(OUT.resolve("width-" + width + ".png"), true);
        }
    }

    /** Every element drawn in the page's green, checked against the findings of its row, card or key: none may be. */
    static final String GREEN = "(function(){var g='rgb(21, 128, 61)';var bad=[];var rootRow=document.querySelector('table.users tr.root');"
            + "document.querySelectorAll('main *').forEach(function(e){var s=getComputedStyle(e);"
            + "if(s.color!==g&&s.borderLeftColor!==g&&s.backgroundColor!==g)return;"
            + "var tr=e.closest('tr[data-sev]');"
            + "if(e.closest('.card.root')){if(rootRow.getAttribute('data-sev')!=='none')bad.push('root card');return;}"
            + "if(tr){var i=e.closest('td').cellIndex;var why=tr.querySelector('td.why').textContent;"
            + "if(i===5||i===8){if(why.indexOf('access key '+(i===5?1:2))>=0)bad.push(tr.cells[0].textContent+' key '+(i===5?1:2));}"
            + "else if(!e.closest('.none')||tr.getAttribute('data-sev')!=='none')bad.push(tr.cells[0].textContent+' cell '+i);return;}"
            + "if(e.closest('.card')&&!/^0$/.test(e.closest('.card').querySelector('b').textContent))bad.push('card '+e.closest('.card').textContent);"
            + "});return bad.join('; ');})()";

    @Test
    void should_headline_audits_counts_and_never_show_green_where_a_finding_is() throws Exception {
        Path page = samplePage("headline.html");
        Result audit = new CommandHarness().clock(Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC))
                .run("audit", "--input", SAMPLE.toString(), "--format", "json", "-q");
        JsonNode counts = new ObjectMapper().readTree(audit.out()).path("audit").path("open_counts");
        chromium.clearEvents();
        chromium.open(page.toUri().toString(), 1280, 900);

        // The headline: audit's counts, worst first, a chip per severity with findings.
        JsonNode chips = new ObjectMapper().readTree(chromium.evaluate("JSON.stringify(Array.prototype.map.call("
                + "document.querySelectorAll('.how-bad .chip'),function(c){return c.textContent;}))").asText());
        StringBuilder expected = new StringBuilder();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> count = it.next();
            total += count.getValue().asInt();
            if (count.getValue().asInt() > 0) {
                expected.append(expected.length() == 0 ? "" : ",").append(count.getValue().asInt()).append(' ').append(count.getKey());
            }
        }
        StringBuilder shown = new StringBuilder();
        chips.forEach(chip -> shown.append(shown.length() == 0 ? "" : ",").append(chip.asText()));
        assertTrue(total > 0, "the sample has findings");
        assertEquals(expected.toString(), shown.toString());
        assertEquals(total + " findings", chromium.evaluate("document.querySelector('.how-bad strong').textContent").asText());
        // What first: the top recommendations link to theirs and say how many users each affects.
        String first = "Array.prototype.map.call(document.querySelectorAll('ol.first li'),function(li){"
                + "return (document.querySelector(li.querySelector('a').getAttribute('href'))?'':'broken link ')+li.textContent;}).join('\\n')";
        String top = chromium.evaluate(first).asText();
        assertTrue(top.matches("(?s)(?!.*broken link).*affects (\\d+ users?|the root user).*"), top);
        // Is it getting better: the trend from the saved reports.
        assertTrue(chromium.evaluate("document.querySelector('.trend').textContent").asText().startsWith("Is it getting better? "));

        // Nothing green that a finding touches: every element drawn in the page's green is checked against the findings.
        assertEquals("", chromium.evaluate(GREEN).asText());
        // The root user of the sample has a finding: its card and row say so in words, not only in colour.
        assertTrue(chromium.evaluate("document.querySelector('.card.root').className").asText().contains("sev-"));
        assertTrue(chromium.evaluate("document.querySelector('.card.root .word').textContent").asText().contains("\u26a0"));

        // Each flagged row says why in words and links to its recommendation.
        String reasons = "Array.prototype.map.call(document.querySelectorAll('table.users a.reason'),function(a){"
                + "return (document.querySelector(a.getAttribute('href'))?'':'broken ')+a.textContent;}).join('\\n')";
        String why = chromium.evaluate(reasons).asText();
        assertTrue(why.matches("(?s).*access key \\d .*") && !why.contains("broken"), why);

        // No jargon.
        // textContent: the text of boxes not yet laid out (content-visibility) counts too.
        String text = chromium.evaluate("['header','main','footer'].map(function(s){return document.querySelector(s).textContent;}).join(' ')").asText();
        for (String jargon : List.of("<root_account>", "password_last_used", "password_enabled", "mfa_active", "Pictures", "Ages counted to")) {
            assertTrue(!text.contains(jargon), "the page says " + jargon);
        }
        assertTrue(!text.matches("(?s).*\\b(password|mfa|access_key|cert|user|arn)[a-z0-9]*_[a-z0-9_]+\\b.*"), "a raw column name");
        assertTrue(chromium.evaluate("document.querySelector('dl.meta').textContent").asText().matches("(?s).*Report generated.*\\([^)]*ago\\).*"));

        // Filters: by severity and by kind of credential.
        String visible = "Array.prototype.filter.call(document.querySelectorAll('table.users tbody tr'),function(r){return !r.hidden;})";
        chromium.evaluate("(function(){var s=document.querySelector('select.severity');s.value='none';s.dispatchEvent(new Event('change'));})()");
        assertEquals(chromium.evaluate("document.querySelectorAll('table.users tr[data-sev=none]').length").asInt(),
                chromium.evaluate(visible + ".length").asInt());
        chromium.evaluate("(function(){var s=document.querySelector('select.severity');s.value='';s.dispatchEvent(new Event('change'));"
                + "var k=document.querySelector('select.kind');k.value='root';k.dispatchEvent(new Event('change'));})()");
        assertEquals("root user", chromium.evaluate(visible + ".map(function(r){return r.cells[0].textContent;}).join()").asText());
        // Sorting the Findings column puts the worst first.
        chromium.evaluate("(function(){var k=document.querySelector('select.kind');k.value='';k.dispatchEvent(new Event('change'));"
                + "var th=document.querySelectorAll('table.users th')[12];th.click();th.click();})()");
        assertTrue(!"none".equals(chromium.evaluate("document.querySelector('table.users tbody tr').getAttribute('data-sev')").asText()));
        assertSelfContained(page);
    }

    /** axe-core, installed by .ci/run (npm) under target/axe; with CI=true a missing axe fails the build. */
    static String axe() throws Exception {
        Path script = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!Files.exists(script)) {
            String reason = "axe-core is not installed (npm install --prefix target/axe axe-core@" + AXE_VERSION + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + ": the accessibility check must run in CI");
            }
            abort(reason + ": accessibility check skipped");
        }
        return Files.readString(script, StandardCharsets.UTF_8);
    }

    /** A page of an Organization of three named accounts, one refusing its role. */
    static Path organizationPage(String name) throws Exception {
        List<String> accounts = FakeOrganization.accounts(3);
        List<String> all = new java.util.ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        Path page = OUT.resolve(name).toAbsolutePath();
        try (FakeOrganization organization = new FakeOrganization(all, java.util.Set.of(), 100)) {
            organization.name(accounts.get(0), "Production").name(accounts.get(2), "Sandbox <test>").name(FakeOrganization.MANAGEMENT, "Management");
            organization.refuseRole(accounts.get(1));
            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("report", "--org", "-o", page.toString(), "-q");
            assertTrue(Files.exists(page), result::toString);
        }
        return page;
    }

    @Test
    void should_rank_named_accounts_and_open_one_from_the_summary() throws Exception {
        Path page = organizationPage("organization.html");
        chromium.clearEvents();
        chromium.open(page.toUri().toString(), 1280, 900);
        assertSelfContained(page);
        String names = chromium.evaluate("Array.prototype.map.call(document.querySelectorAll('table.accounts tbody tr:not(.failed) td:first-child'),"
                + "function(td){return td.textContent;}).join('|')").asText();
        assertTrue(names.contains("Production") && names.contains("Sandbox <test>"), names);
        // Worst first: each account's findings weigh no less than the next one's.
        String ranked = "(function(){var rows=document.querySelectorAll('table.accounts tbody tr:not(.failed)');var w=[];"
                + "rows.forEach(function(r){var s=0;for(var i=2;i<=6;i++){s=s*100000+Number(r.cells[i].textContent);}w.push(s);});"
                + "for(var i=1;i<w.length;i++){if(w[i]>w[i-1])return 'not ranked: '+w;}return 'ok';})()";
        assertEquals("ok", chromium.evaluate(ranked).asText());
        // A closed account opens when its link in the summary is followed.
        chromium.evaluate("document.querySelectorAll('details.account-box').forEach(function(d){d.open=false;})");
        chromium.evaluate("new Promise(function(done){window.addEventListener('hashchange',function(){done(0);},{once:true});"
                + "document.querySelector('table.accounts tbody tr a').click();})");
        assertEquals(true, chromium.evaluate("document.getElementById(location.hash.slice(1)).querySelector('details.account-box').open").asBoolean());
        JsonNode fit = new ObjectMapper().readTree(chromium.evaluate(OVERFLOW).asText());
        assertEquals(0, fit.path("wide").size(), fit.toString());
        chromium.screenshot(OUT.resolve("organization.png"), true);
    }

    /** The sample's page with accepted risks: everyone's console passwords without MFA and old keys, all of svc,deploy's and dave's. */
    static Path acceptedPage(String name) throws Exception {
        Path exceptions = java.nio.file.Files.writeString(OUT.resolve(name + ".yaml"), "exceptions:\n"
                + "  - rule: console-without-mfa\n    user: '*'\n    reason: Moving to Identity Center\n"
                + "    expires: 2027-03-31\n    owner: platform-team\n    ticket: SEC-9\n"
                + "  - rule: access-key-not-rotated\n    user: '*'\n    reason: Vendor keys\n    expires: 2026-12-01\n"
                // svc,deploy's and dave's findings are all accepted: their rows have accepted risks only.
                + "  - rule: multiple-active-access-keys\n    user: 'svc,deploy'\n    reason: Rotation under way\n"
                + "    expires: 2026-11-30\n"
                + "  - rule: signing-certificate-not-rotated\n    user: dave\n    reason: Legacy SOAP client\n"
                + "    expires: 2027-02-01\n");
        Path page = samplePage(name, "--exceptions", exceptions.toString());
        assertEquals(false, org.jsoup.Jsoup.parse(java.nio.file.Files.readString(page)).select("table.accepted tbody tr")
                .isEmpty(), "the page has accepted risks to check");
        return page;
    }

    @Test
    void should_draw_accepted_risks_neither_red_nor_green() throws Exception {
        chromium.open(acceptedPage("accepted.html").toUri().toString(), 1280, 900);
        assertEquals("", chromium.evaluate(GREEN).asText());
        // Rows only accepted risks touch: no severity colour anywhere in them.
        String severe = "(function(){var t=document.createElement('i');document.body.appendChild(t);"
                + "var sev=['--critical','--high','--medium','--low','--bad','--warn'].map(function(v){t.style.color='var('+v+')';"
                + "return getComputedStyle(t).color;});var bad=[];var rows=document.querySelectorAll('table.users tr.accepted');"
                + "if(!rows.length)return 'no row with accepted risks only';rows.forEach(function(tr){"
                + "tr.querySelectorAll('td, td *').forEach(function(e){var s=getComputedStyle(e);"
                + "[s.color,s.backgroundColor,s.borderLeftColor].forEach(function(c){if(sev.indexOf(c)>=0)"
                + "bad.push(tr.cells[0].textContent+': '+e.tagName+' '+c);});"
                + "if(sev.some(function(c){return s.boxShadow.indexOf(c)>=0;}))bad.push(tr.cells[0].textContent+' edge');});});"
                + "return bad.join('; ');})()";
        assertEquals("", chromium.evaluate(severe).asText());
    }

    static final String AXE_VERSION = "4.11.0";

    @Test
    void should_pass_axe_at_every_width_one_account_and_many() throws Exception {
        String axe = axe();
        Path single = samplePage("axe.html");
        Path many = organizationPage("axe-many.html");
        // With accepted risks (--exceptions): their section, chip and neutral rows are checked too.
        Path accepted = acceptedPage("axe-accepted.html");
        List<Path> pages = List.of(single, many, accepted);
        StringBuilder said = new StringBuilder();
        for (Path page : pages) {
            for (int width : WIDTHS) {
                chromium.open(page.toUri().toString(), width, 900);
                chromium.evaluate(axe + ";0");
                String violations = chromium.evaluate("axe.run(document,{resultTypes:['violations']}).then(function(r){"
                        + "return JSON.stringify(r.violations.map(function(v){return v.id+' ('+v.impact+'): '+v.help+' at '"
                        + "+v.nodes.slice(0,3).map(function(n){return n.target.join(' ');}).join(', ');}));})").asText();
                said.append(page.getFileName()).append(" at ").append(width).append(" px: ").append(violations).append('\n');
                assertEquals("[]", violations, page.getFileName() + " at " + width + " px");
            }
        }
        System.out.println("[figures] axe-core " + AXE_VERSION + ": " + said);
    }
}

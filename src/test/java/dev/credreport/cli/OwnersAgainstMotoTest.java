package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** --owner-tag end to end against moto (TagUser, ListUserTags): a dozen users, some owned by each of three teams. */
class OwnersAgainstMotoTest {
    static final ObjectMapper JSON = new ObjectMapper();
    MotoServer moto;
    MotoAccount account;
    @TempDir
    java.nio.file.Path dir;
    /** Each user's expected owner. */
    final Map<String, String> owners = new LinkedHashMap<>();

    @BeforeEach
    void world() {
        moto = MotoServer.shared();
        moto.reset();
        account = new MotoAccount(moto.endpoint());
        String[] teams = {"platform", "data", "payments"};
        for (int i = 0; i < 12; i++) {
            String user = "user" + (i < 10 ? "0" : "") + i;
            // Every user has a password without MFA: each has a console-without-mfa finding.
            account.user(user).password(user);
            account.tag(user, "cost-center", "cc-" + i);
            if (i < 9) {
                account.tag(user, "team", teams[i % 3]);
                owners.put(user, teams[i % 3]);
            } else {
                // A tag whose key differs only in case is not the owner tag.
                account.tag(user, "Team", "wrong-case");
                owners.put(user, "no owner");
            }
        }
    }

    @AfterEach
    void close() {
        account.close();
    }

    Result audit(String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--endpoint-url", moto.endpoint().toString(), "--fail-on",
                "none", "-q", "--owner-tag", "team"));
        args.addAll(List.of(more));
        return new CommandHarness().run(args.toArray(String[]::new));
    }

    @Test
    void every_finding_in_csv_and_json_names_its_users_owner() throws Exception {
        Result csv = audit("--format", "csv");
        assertEquals(0, csv.exitCode(), csv::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv.out())).getRecords();
        int users = 0;
        for (CSVRecord row : rows) {
            String user = row.get("user");
            String expected = owners.getOrDefault(user, "no owner");
            assertEquals(expected, row.get("owner"), row::toString);
            users += owners.containsKey(user) && row.get("rule_id").equals("console-without-mfa") ? 1 : 0;
        }
        assertEquals(12, users, csv::out);

        Result json = audit("--format", "json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode document = JSON.readTree(json.out());
        assertEquals("team", document.path("audit").path("owner_tag").asText());
        for (JsonNode finding : document.path("findings")) {
            assertEquals(owners.getOrDefault(finding.path("user").asText(), "no owner"), finding.path("owner").asText(),
                    finding::toString);
        }
    }

    @Test
    void group_by_owner_heads_each_owners_findings_with_no_owner_last() throws Exception {
        Result table = audit("--format", "table", "--group-by", "owner", "--width", "200");
        assertEquals(0, table.exitCode(), table::toString);
        List<String> headings = table.out().lines().filter(line -> line.startsWith("OWNER ")).toList();
        assertEquals(List.of("OWNER data (3 findings, --owner-tag team)", "OWNER payments (3 findings, --owner-tag team)",
                "OWNER platform (3 findings, --owner-tag team)"), headings.subList(0, 3), table::out);
        assertTrue(headings.get(3).startsWith("OWNER no owner ("), table::out);
        // Each owner's users stand under its heading.
        String data = table.out().substring(table.out().indexOf("OWNER data"), table.out().indexOf("OWNER payments"));
        for (Map.Entry<String, String> user : owners.entrySet()) {
            assertEquals(user.getValue().equals("data"), data.contains("user:     " + user.getKey() + " "), user::toString);
        }

        Result csv = audit("--format", "csv", "--group-by", "owner");
        List<String> order = new ArrayList<>();
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv.out()))
                .forEach(row -> {
                    if (order.isEmpty() || !order.get(order.size() - 1).equals(row.get("owner"))) {
                        order.add(row.get("owner"));
                    }
                });
        assertEquals(List.of("data", "payments", "platform", "no owner"), order, csv::out);
    }

    @Test
    void group_by_needs_an_owner_tag_and_owner_tag_needs_aws() {
        Result result = new CommandHarness().run("audit", "--endpoint-url", moto.endpoint().toString(), "--group-by", "owner");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--group-by owner needs --owner-tag NAME"), result::toString);
        Result input = new CommandHarness().run("audit", "--input", "-", "--owner-tag", "team");
        assertEquals(2, input.exitCode(), input::toString);
        assertTrue(input.err().contains("cannot be used with --input"), input::toString);
    }

    /** Each row of a page's user table: the user and the Owner cell. */
    static Map<String, String> ownersOnPage(Document html) {
        Element table = html.selectFirst("table.users");
        List<String> headings = table.select("thead th").eachText();
        int owner = headings.indexOf("Owner");
        assertTrue(owner > 0, headings::toString);
        Map<String, String> rows = new LinkedHashMap<>();
        for (Element row : table.select("tbody tr")) {
            rows.put(row.child(0).text(), row.child(owner).text());
        }
        return rows;
    }

    @Test
    void the_page_shows_each_users_owner() throws Exception {
        java.nio.file.Path page = dir.resolve("iam.html");
        Result result = new CommandHarness().run("report", "--endpoint-url", moto.endpoint().toString(), "-q",
                "--owner-tag", "team", "-o", page.toString());
        assertEquals(0, result.exitCode(), result::toString);
        Map<String, String> rows = ownersOnPage(Jsoup.parse(java.nio.file.Files.readString(page)));
        for (Map.Entry<String, String> user : owners.entrySet()) {
            assertEquals(user.getValue(), rows.get(user.getKey()), rows::toString);
        }
        assertEquals(owners.size(), rows.size(), "moto's report has no root row: " + rows);
    }

    @Test
    void split_by_owner_writes_one_page_per_owner_and_an_index() throws Exception {
        // A value that would climb out of the directory as a file name.
        account.tag("user00", "team", "../../etc/passwd");
        owners.put("user00", "../../etc/passwd");
        java.nio.file.Path pages = dir.resolve("pages");
        Result result = new CommandHarness().run("report", "--endpoint-url", moto.endpoint().toString(), "-q",
                "--owner-tag", "team", "--split-by", "owner", "--output-dir", pages.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.out());

        List<String> files = new ArrayList<>();
        try (var listing = java.nio.file.Files.list(pages)) {
            listing.forEach(file -> files.add(file.getFileName().toString()));
        }
        java.util.Collections.sort(files);
        assertEquals(6, files.size(), files::toString);
        assertTrue(files.containsAll(List.of("data.html", "payments.html", "platform.html", "no-owner.html", "index.html")),
                files::toString);
        String climbing = files.stream().filter(name -> name.startsWith("etc-passwd-")).findFirst().orElseThrow();
        assertTrue(climbing.matches("etc-passwd-[0-9a-f]{8}\\.html"), climbing);

        Document index = Jsoup.parse(java.nio.file.Files.readString(pages.resolve("index.html")));
        Map<String, String> links = new LinkedHashMap<>();
        index.select("table.owners tbody tr a").forEach(link -> links.put(link.text(), link.attr("href")));
        assertEquals(List.of("../../etc/passwd", "data", "payments", "platform", "no owner"), List.copyOf(links.keySet()));
        assertEquals(climbing, links.get("../../etc/passwd"));

        for (Map.Entry<String, String> link : links.entrySet()) {
            Document page = Jsoup.parse(java.nio.file.Files.readString(pages.resolve(link.getValue())));
            Map<String, String> rows = ownersOnPage(page);
            List<String> expected = new ArrayList<>();
            owners.forEach((user, owner) -> {
                if (owner.equals(link.getKey())) {
                    expected.add(user);
                }
            });
            assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(rows.keySet()), link::toString);
            rows.values().forEach(owner -> assertEquals(link.getKey(), owner));
            assertTrue(page.title().endsWith(", owner " + link.getKey()), page::title);
            // The recommendations are of this owner's users only: every user has a console-without-mfa finding.
            Element rec = page.selectFirst("article.rec[id$=-console-without-mfa]");
            assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(rec.select("table.affected tbody tr")
                    .stream().map(row -> row.child(0).text()).toList()), link::toString);
        }
    }

    @Test
    void an_output_dir_that_is_a_file_is_refused_before_any_aws_call() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
        try (dev.credreport.support.FakeIam iam = dev.credreport.support.FakeIam.start()) {
            Result result = new CommandHarness().run("report", "--endpoint-url", iam.endpoint().toString(),
                    "--owner-tag", "team", "--split-by", "owner", "--output-dir", file.toString());
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("is not a directory"), result::err);
            assertEquals(0, iam.requests().size());
            Result missing = new CommandHarness().run("report", "--endpoint-url", iam.endpoint().toString(),
                    "--owner-tag", "team", "--split-by", "owner");
            assertEquals(2, missing.exitCode(), missing::toString);
            assertTrue(missing.err().contains("--output-dir DIR"), missing::err);
            assertEquals(0, iam.requests().size());
        }
    }

    @Test
    void with_org_the_tags_are_read_in_each_account_through_its_role() throws Exception {
        moto.reset();
        dev.credreport.support.MotoOrganization organization = dev.credreport.support.MotoOrganization.create(
                moto.endpoint(), "user-in-");
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider> member
                : organization.members().entrySet()) {
            // Tagged with the member's role: the caller's account knows nothing of these users.
            try (MotoAccount in = new MotoAccount(moto.endpoint(), member.getValue())) {
                in.tag("user-in-" + member.getKey(), "team", "team-of-" + member.getKey());
            }
            expected.put(member.getKey(), "team-of-" + member.getKey());
        }
        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .run("audit", "--org", "--owner-tag", "team", "--format", "csv", "--fail-on", "none", "-q");
        assertEquals(0, result.exitCode(), result::toString);
        Map<String, String> seen = new LinkedHashMap<>();
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(result.out()))
                .forEach(row -> {
                    if (row.get("user").startsWith("user-in-")) {
                        seen.put(row.get("account_id"), row.get("owner"));
                    }
                });
        assertEquals(expected, seen, result::out);
    }
}

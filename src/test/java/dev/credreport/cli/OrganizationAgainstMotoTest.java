package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoOrganization;
import dev.credreport.support.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch --org against moto, which serves Organizations, STS and IAM per account. */
class OrganizationAgainstMotoTest {
    @TempDir
    Path dir;

    @Test
    void should_fetch_every_account_of_a_moto_organization() throws IOException {
        MotoServer moto = MotoServer.shared();
        MotoOrganization organization = MotoOrganization.create(moto.endpoint(), "user-in-");
        List<String> members = organization.memberIds();
        String management = organization.management();

        Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .run("fetch", "--org", "--format", "csv", "-q");

        assertEquals(0, result.exitCode(), result::toString);
        List<CSVRecord> rows = result.csvRecords();
        assertEquals(members.stream().sorted().map(member -> member + " user-in-" + member).toList(),
                rows.stream().map(row -> row.get("account_id") + " " + row.get("user")).toList());
        for (CSVRecord row : rows) {
            assertTrue(row.get("arn").startsWith("arn:aws:iam::" + row.get("account_id") + ":user/"), row::toString);
            assertEquals("true", row.get("password_enabled"));
        }

        // The management account has no users: moto's report of it is the header alone, named by the account asked.
        Path reports = dir.resolve("reports");
        Result saved = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .run("fetch", "--org", "--output-dir", reports.toString(), "-q");
        assertEquals(0, saved.exitCode(), saved::toString);
        List<String> accounts = new ArrayList<>(members);
        accounts.add(management);
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(accounts.stream().sorted().toList(), files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".csv")).map(name -> name.split("-")[2]).sorted().toList());
        }
    }
}

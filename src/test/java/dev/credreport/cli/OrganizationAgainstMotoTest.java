package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoAccount;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** fetch --org against moto, which serves Organizations, STS and IAM per account. */
class OrganizationAgainstMotoTest {
    @TempDir
    Path dir;

    @Test
    void should_fetch_every_account_of_a_moto_organization() throws IOException {
        try (MotoServer moto = MotoServer.start()) {
            var caller = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY));
            List<String> members = new ArrayList<>();
            String management;
            try (OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(moto.endpoint())
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create()).credentialsProvider(caller).build();
                    StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                            .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(caller).build()) {
                management = organizations.createOrganization(r -> r.featureSet("ALL")).organization().masterAccountId();
                for (String name : List.of("prod", "dev")) {
                    members.add(organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                            .createAccountStatus().accountId());
                }
                for (String member : members) {
                    Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")
                            .roleSessionName("setup")).credentials();
                    try (MotoAccount account = new MotoAccount(moto.endpoint(), StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken())))) {
                        account.user("user-in-" + member).password("user-in-" + member);
                    }
                }
            }

            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", moto.endpoint().toString())
                    .run("fetch", "--org", "--format", "csv", "-q");

            assertEquals(0, result.exitCode(), result::toString);
            List<CSVRecord> rows = MultiAccountTest.csv(result);
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
}

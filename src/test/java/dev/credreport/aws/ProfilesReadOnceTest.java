package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credreport.support.FakeIam;
import dev.credreport.support.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ~/.aws/config and ~/.aws/credentials are read once per run (issue 21, point 1): the settings
 * carry the parsed files to every client and credentials provider. Shown by removing the files
 * once the settings are resolved: everything after still finds the profile.
 */
class ProfilesReadOnceTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @Test
    void should_use_the_files_as_read_when_the_settings_were_resolved() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile audit]\nregion = eu-west-1\nmax_attempts = 2\n"
                + "s3 =\n  addressing_style = path\n");
        Path credentials = Files.writeString(dir.resolve("credentials"), "[audit]\naws_access_key_id = fixture-key-id\n"
                + "aws_secret_access_key = fixture-secret\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try (FakeIam iam = FakeIam.start().onGenerate(FakeIam.state("COMPLETE"))
                .onGet(FakeIam.report(SampleReports.standard(), Instant.parse("2026-12-01T10:00:00Z")))) {
            AwsSettings settings = new ConnectionRequest("audit", null, iam.endpoint().toString(), null, false, 5, 5)
                    .resolve(name -> null, Sleeper.SYSTEM);
            Files.delete(config);
            Files.delete(credentials);

            try (IamConnection connection = IamConnection.open(settings)) {
                new CredentialReportFetcher(connection, Duration.ofSeconds(5), true, status -> { }, Clock.systemUTC(),
                        Sleeper.SYSTEM).fetch();
            }

            assertEquals("eu-west-1", settings.configuredRegion());
            assertEquals("fixture-key-id", iam.requests().get(0).accessKey());
            assertEquals(true, S3Settings.of(settings, java.net.URI.create("https://s3.example.com")).pathStyle());
        }
    }
}

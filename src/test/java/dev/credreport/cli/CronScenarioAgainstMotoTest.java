package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.MotoAccount;
import dev.credreport.support.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** The cron scenario against moto: save, change users through the SDK, save again, diff the directory. */
class CronScenarioAgainstMotoTest {
    @TempDir
    Path dir;

    @Test
    void should_tell_what_changed_between_two_saved_reports() throws Exception {
        MotoServer moto = MotoServer.shared();
        try (MotoAccount account = new MotoAccount(moto.endpoint())) {
            account.user("alice").password("alice").mfa("alice");
            account.user("bob");
            AccessKey bobKey = account.accessKey("bob");
            String endpoint = moto.endpoint().toString();
            Path reports = dir.resolve("reports");

            Result first = new CommandHarness().run("fetch", "--endpoint-url", endpoint, "--output-dir", reports.toString(), "-q");
            String serial = account.iam().listMFADevices(r -> r.userName("alice")).mfaDevices().get(0).serialNumber();
            account.iam().deactivateMFADevice(r -> r.userName("alice").serialNumber(serial));
            account.iam().deleteAccessKey(r -> r.userName("bob").accessKeyId(bobKey.accessKeyId()));
            account.user("carol");
            account.accessKey("carol");
            Result second = new CommandHarness().run("fetch", "--endpoint-url", endpoint, "--output-dir", reports.toString());
            Result unchanged = new CommandHarness().run("fetch", "--endpoint-url", endpoint, "--output-dir", reports.toString(), "-q");
            Result diff = new CommandHarness().run("diff", "--dir", reports.toString(), "--exit-code", "--format", "csv");

            assertEquals(0, first.exitCode(), first::toString);
            assertEquals(0, second.exitCode(), second::toString);
            assertEquals(0, unchanged.exitCode(), unchanged::toString);
            // moto reports one fixed generated time, so the changed report takes the next suffix.
            assertEquals(reports.resolve("credential-report-123456789012-20150202T200202Z-1.csv") + "\n", second.out());
            try (Stream<Path> files = Files.list(reports)) {
                assertEquals(4, files.count(), "two reports with their metadata, the unchanged one kept");
            }
            assertEquals(3, diff.exitCode(), diff::toString);
            List<String> changes = DiffCommandTest.changes(diff);
            assertEquals(4, changes.size(), changes::toString);
            assertEquals("alice mfa_deactivated MFA true -> false !", changes.get(0));
            assertTrue(changes.get(1).startsWith("bob key_removed access key 1 "), changes::toString);
            assertTrue(changes.get(2).startsWith("carol user_added user  -> "), changes::toString);
            assertTrue(changes.get(3).startsWith("carol key_created access key 1  -> ") && changes.get(3).endsWith("(active) !"),
                    changes::toString);
        }
    }
}

package dev.credreport.bench;

import dev.credreport.store.ArchiveLayout;
import dev.credreport.store.ReportMetadata;
import dev.credreport.support.FakeOrganization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes an --output-dir archive as the days of a cron job would have left it, for timing the next
 * day's save without running the days before: {@code SyntheticArchive DIR ACCOUNTS DAYS LAST_DAY}
 * gives each of the fake Organization's ACCOUNTS (and its management account) one report a day for
 * DAYS days up to the day before LAST_DAY (an instant), each with its metadata, named as credreport
 * names them.
 */
public final class SyntheticArchive {
    private SyntheticArchive() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        List<String> accounts = new java.util.ArrayList<>(FakeOrganization.accounts(Integer.parseInt(args[1])));
        accounts.add(FakeOrganization.MANAGEMENT);
        int days = Integer.parseInt(args[2]);
        Instant last = Instant.parse(args[3]);
        for (String account : accounts) {
            byte[] content = FakeOrganization.report(account).getBytes(StandardCharsets.UTF_8);
            String digest = ReportMetadata.sha256(content);
            for (int day = days; day >= 1; day--) {
                Instant generated = last.minus(Duration.ofDays(day));
                String name = ArchiveLayout.fileName(account, generated, 0);
                Files.write(directory.resolve(name), content);
                Files.writeString(directory.resolve(name.replace(".csv", ".meta.json")),
                        new ReportMetadata(generated, account, "aws", "synthetic", digest).toJson());
            }
        }
    }
}

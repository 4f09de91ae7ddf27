package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credreport.report.ReportInput;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.store.ReportSaver;
import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.MotoS3;
import dev.credreport.support.MotoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * --output-dir s3:// --keep over days and accounts, against moto: the prefix is listed once a run
 * (a page per 1,000 keys), never once a save, and each account keeps its newest reports.
 */
class S3SavingAtScaleTest {
    static final Instant DAY_ONE = Instant.parse("2024-06-01T06:00:00Z");

    /** ListObjectsV2 requests the run's saves made, seen as the SDK sends them. */
    static int run(MotoServer moto, String prefix, List<String> accounts, int day) {
        AtomicInteger lists = new AtomicInteger();
        S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CommandHarness.TEST_ACCESS_KEY, CommandHarness.TEST_SECRET_KEY)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ListObjectsV2Request) {
                            lists.incrementAndGet();
                        }
                    }
                }))
                .build();
        try (ReportSaver saver = new ReportSaver(new S3ReportStore(s3, new Location.S3("bench", prefix), Encryption.BUCKET_DEFAULT), 2)) {
            saver.check();
            for (String account : accounts) {
                saver.save(ReportInput.fromAws(FakeOrganization.report(account).getBytes(StandardCharsets.UTF_8),
                        DAY_ONE.plus(Duration.ofDays(day - 1)), "account " + account));
            }
            return lists.get();
        }
    }

    @Test
    void should_list_the_prefix_once_a_run_however_many_accounts_and_days() {
        MotoServer moto = MotoServer.shared();
        try (MotoS3 s3 = new MotoS3(moto.endpoint()).bucket("bench")) {
            List<List<Integer>> lists = new ArrayList<>();
            for (int size : new int[] {3, 30}) {
                String prefix = "reports-" + size + "/";
                List<String> accounts = FakeOrganization.accounts(size);
                List<Integer> perDay = new ArrayList<>();
                for (int day = 1; day <= 4; day++) {
                    perDay.add(run(moto, prefix, accounts, day));
                }
                lists.add(perDay);
                List<String> keys = s3.keys("bench").stream().filter(key -> key.startsWith(prefix)).toList();
                assertEquals(2 * size, keys.size(), keys::toString);
                assertEquals(List.of("dt=2024-06-03", "dt=2024-06-04"),
                        keys.stream().map(key -> key.split("/")[1]).distinct().sorted().toList(), "the newest two days kept");
            }
            // One to check the bucket (one key), one page of the run's sweep; none by any save.
            assertEquals(List.of(List.of(2, 2, 2, 2), List.of(2, 2, 2, 2)), lists, "the same for 3 accounts as for 30");
        }
    }
}

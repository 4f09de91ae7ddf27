package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A hung account among many, against the loopback fake with a short real deadline: the others are
 * not held back, and the hung one is reported failed after its --account-timeout.
 */
class HungAccountIT {
    @Test
    void should_not_hold_the_others_back_and_fail_the_hung_account_at_its_deadline() {
        List<String> accounts = FakeOrganization.accounts(40);
        String hung = accounts.get(1);
        List<String> all = new ArrayList<>(accounts);
        all.add(FakeOrganization.MANAGEMENT);
        Map<String, Long> lastAnswer = new ConcurrentHashMap<>();
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 10)) {
            organization.slow(hung, Duration.ofHours(1)).slow(accounts.get(5), Duration.ofMillis(300))
                    // The hung account's first request, every other account's last.
                    .beforeIamAnswer(request -> lastAnswer.merge(request.accessKey(), System.nanoTime(),
                            (first, later) -> request.accessKey().endsWith(hung) ? first : later));
            long start = System.nanoTime();

            Result result = new CommandHarness().variable("AWS_ENDPOINT_URL", organization.endpoint())
                    .run("fetch", "--org", "--format", "csv", "-q", "--concurrency", "4", "--account-timeout", "6s");

            long took = System.nanoTime() - start;
            assertEquals(9, result.exitCode(), result::toString);
            assertTrue(result.err().contains("account " + hung + ": did not answer within 6s (--account-timeout)"),
                    result::toString);
            List<String> expected = new ArrayList<>(all);
            expected.remove(hung);
            assertEquals(expected, MultiAccountTest.accountsIn(result));
            long othersDone = lastAnswer.entrySet().stream().filter(e -> !e.getKey().contains(hung))
                    .mapToLong(Map.Entry::getValue).max().orElseThrow();
            long hungAsked = lastAnswer.get("ASIA" + hung);
            assertTrue(othersDone - hungAsked < Duration.ofSeconds(6).toNanos(),
                    () -> "the other accounts were all asked before the hung one's deadline: "
                            + (othersDone - hungAsked) / 1_000_000 + " ms after it");
            assertTrue(took >= Duration.ofSeconds(6).toNanos(), "the hung account was waited for until its deadline");
        }
    }
}

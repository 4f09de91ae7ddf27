package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeIam.Arrival;
import dev.credreport.support.FakeTime;
import dev.credreport.support.GeneratingReport;
import dev.credreport.support.SampleReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling schedule seen from IAM's side: when the requests of a fetch arrive at a fake
 * endpoint whose report takes a set time to generate. The fetch runs in fake time (see
 * {@link FakeTime}), so every pause is the one {@link Backoff} chose, to the millisecond, and
 * no test waits; speed itself is the benchmark's business.
 */
class PollingScheduleTest {
    static final String CSV = SampleReports.standard();

    final CommandHarness harness = new CommandHarness();
    FakeIam iam;

    @BeforeEach
    void start() {
        iam = FakeIam.start().clock(harness.time());
    }

    @AfterEach
    void stop() {
        iam.close();
    }

    Result fetch(GeneratingReport report, String... extra) {
        iam.route(report.clock(harness.time()));
        return fetch(extra);
    }

    Result fetch(String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv"));
        args.addAll(List.of(extra));
        return harness.run(args.toArray(String[]::new));
    }

    static GeneratingReport takes(long millis) {
        return new GeneratingReport(Duration.ofMillis(millis), CSV, CommandHarness.NOW.minusSeconds(60));
    }

    /** Milliseconds between one request's arrival and the next. */
    static List<Long> gaps(List<Arrival> arrivals) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add(millisBetween(arrivals.get(i - 1).at(), arrivals.get(i).at()));
        }
        return gaps;
    }

    static long millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    void assertPicksUpPromptlyAtOneCallASecond(long takesMillis) {
        GeneratingReport report = takes(takesMillis);

        Result result = fetch(report);

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(CSV, result.out());
        List<Arrival> arrivals = iam.arrivals();
        Arrival last = arrivals.get(arrivals.size() - 1);
        assertEquals("GetCredentialReport", last.action());
        long late = millisBetween(report.readyAt(), last.at());
        assertTrue(late >= 0 && late < 1000, "the report was fetched " + late + " ms after it was ready");
        // Polls (every Generate after the first) come a second apart, never faster.
        List<Long> gaps = gaps(arrivals.subList(0, arrivals.size() - 1));
        assertEquals(Collections.nCopies(gaps.size(), 1000L), gaps, "gaps between polls");
        long waited = millisBetween(arrivals.get(0).at(), last.at());
        int polls = arrivals.size() - 2;
        assertTrue(polls <= waited / 1000 + 1, polls + " polls in " + waited + " ms");
        assertEquals(Duration.ofMillis(waited), harness.time().slept(), "all the time waited was slept between polls");
    }

    @Test
    void should_fetch_a_report_ready_after_a_second_within_the_period() {
        assertPicksUpPromptlyAtOneCallASecond(1300);
    }

    @Test
    void should_fetch_a_slower_report_within_the_period_without_polling_faster() {
        assertPicksUpPromptlyAtOneCallASecond(3600);
    }

    @Test
    void should_wait_longer_after_limit_exceeded() {
        GeneratingReport report = takes(3500)
                .busyOn(1, FakeIam.error(409, "LimitExceeded", "Too many report generation tasks"));

        Result result = fetch(report);

        assertEquals(0, result.exitCode(), result::toString);
        List<Long> gaps = gaps(iam.arrivals());
        assertEquals(1000L, gaps.get(0), "gaps: " + gaps);
        assertEquals(2000L, gaps.get(1), "the poll after LimitExceeded waits twice as long; gaps: " + gaps);
        assertEquals(1000L, gaps.get(2), "ordinary answers halve the pause again; gaps: " + gaps);
    }

    @Test
    void should_wait_longer_after_throttling_even_when_the_sdk_retry_got_through() {
        GeneratingReport report = takes(3500).busyOn(1, FakeIam.error(400, "Throttling", "Rate exceeded"));

        Result result = fetch(report);

        assertEquals(0, result.exitCode(), result::toString);
        List<Arrival> arrivals = iam.arrivals();
        // 0: STARTED, 1: Throttling, 2: the SDK's retry (INPROGRESS), 3: our next poll
        assertEquals(List.of("GenerateCredentialReport", "GenerateCredentialReport", "GenerateCredentialReport",
                "GenerateCredentialReport"), arrivals.subList(0, 4).stream().map(Arrival::action).toList());
        long sinceThrottledCall = millisBetween(arrivals.get(1).at(), arrivals.get(3).at());
        assertTrue(sinceThrottledCall >= 2000, "the poll after a throttled call waits twice as long: " + sinceThrottledCall + " ms");
        assertEquals(2000L, millisBetween(arrivals.get(2).at(), arrivals.get(3).at()),
                "two seconds from the answer the SDK's retry got to our next poll");
    }

    @Test
    void should_make_the_last_poll_as_max_wait_runs_out_and_none_after() {
        GeneratingReport report = takes(3_600_000);

        Result result = fetch(report, "--max-wait", "2s");

        assertEquals(5, result.exitCode(), result::toString);
        List<Arrival> arrivals = iam.arrivals();
        assertEquals(List.of(0L, 1000L, 2000L), arrivals.stream().map(a -> millisBetween(arrivals.get(0).at(), a.at())).toList(),
                "polled at these milliseconds of a 2 s budget");
        assertEquals(Duration.ofSeconds(2), harness.time().slept(), "nothing slept past the budget");
    }

    @Test
    void should_cut_the_last_pause_short_at_the_end_of_max_wait() {
        iam.onGenerate(FakeIam.error(409, "LimitExceeded", "Too many report generation tasks"));

        Result result = fetch("--max-wait", "3s");

        assertEquals(5, result.exitCode(), result::toString);
        assertTrue(result.err().contains("IAM refused to start another report (LimitExceeded)"), result::toString);
        // 2 s after the first LimitExceeded, then 4 s cut to the 1 s left, then no pause at all.
        assertEquals(List.of(2000L, 1000L), gaps(iam.arrivals()));
        assertEquals(Duration.ofSeconds(3), harness.time().slept());
    }
}

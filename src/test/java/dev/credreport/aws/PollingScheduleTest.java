package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.CommandHarness.Result;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeIam.Arrival;
import dev.credreport.support.GeneratingReport;
import dev.credreport.support.SampleReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling schedule seen from IAM's side: when the requests of a fetch arrive at a fake
 * endpoint whose report takes a set time to generate. Bounds are the schedule's own contract
 * (see {@link Backoff}) with room for a loaded machine; speed itself is the benchmark's business.
 */
class PollingScheduleTest {
    static final String CSV = SampleReports.standard();
    static final Duration SLACK = Duration.ofMillis(100);

    FakeIam iam;

    @BeforeEach
    void start() {
        iam = FakeIam.start();
    }

    @AfterEach
    void stop() {
        iam.close();
    }

    Result fetch(GeneratingReport report, String... extra) {
        iam.route(report);
        List<String> args = new ArrayList<>(List.of("fetch", "--endpoint-url", iam.endpoint().toString(), "--format", "csv"));
        args.addAll(List.of(extra));
        return new CommandHarness().run(args.toArray(String[]::new));
    }

    static GeneratingReport takes(long millis) {
        return new GeneratingReport(Duration.ofMillis(millis), CSV, CommandHarness.NOW.minusSeconds(60));
    }

    /** Milliseconds between one request's arrival and the next. */
    static List<Long> gaps(List<Arrival> arrivals) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add(Duration.ofNanos(arrivals.get(i).nanoTime() - arrivals.get(i - 1).nanoTime()).toMillis());
        }
        return gaps;
    }

    static long millisBetween(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    void assertPicksUpPromptlyAtOneCallASecond(long takesMillis) {
        GeneratingReport report = takes(takesMillis);

        Result result = fetch(report);

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(CSV, result.out());
        List<Arrival> arrivals = iam.arrivals();
        Arrival last = arrivals.get(arrivals.size() - 1);
        assertEquals("GetCredentialReport", last.action());
        long late = millisBetween(report.readyAt(), last.nanoTime());
        assertTrue(late >= 0 && late < 1500, "the report was fetched " + late + " ms after it was ready");
        // Polls (every Generate after the first) never come faster than one a second.
        List<Long> gaps = gaps(arrivals.subList(0, arrivals.size() - 1));
        assertTrue(gaps.stream().allMatch(gap -> gap >= 1000 - SLACK.toMillis()), "gaps between polls: " + gaps);
        long waited = millisBetween(arrivals.get(0).nanoTime(), last.nanoTime());
        int polls = arrivals.size() - 2;
        assertTrue(polls <= waited / 1000 + 1, polls + " polls in " + waited + " ms");
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
        assertTrue(gaps.get(0) >= 1000 - SLACK.toMillis(), "gaps: " + gaps);
        assertTrue(gaps.get(1) >= 2000 - SLACK.toMillis(), "the poll after LimitExceeded waits twice as long; gaps: " + gaps);
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
        long sinceThrottledCall = millisBetween(arrivals.get(1).nanoTime(), arrivals.get(3).nanoTime());
        assertTrue(sinceThrottledCall >= 2000 - SLACK.toMillis(),
                "the poll after a throttled call waits twice as long: " + sinceThrottledCall + " ms");
    }

    @Test
    void should_make_the_last_poll_as_max_wait_runs_out_and_none_after() {
        GeneratingReport report = takes(3_600_000);

        Result result = fetch(report, "--max-wait", "2s");

        assertEquals(5, result.exitCode(), result::toString);
        List<Arrival> arrivals = iam.arrivals();
        long span = millisBetween(arrivals.get(0).nanoTime(), arrivals.get(arrivals.size() - 1).nanoTime());
        // The budget starts before the first call is sent (by as much as a second on a loaded
        // machine), so the span is under 2 s but for the last call's own latency.
        assertTrue(span <= 2000 + 500, "polled for " + span + " ms of a 2 s budget");
        assertTrue(arrivals.size() >= 2 && arrivals.size() <= 4, arrivals.size() + " calls in 2 s");
    }
}

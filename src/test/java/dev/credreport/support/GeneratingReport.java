package dev.credreport.support;

import dev.credreport.support.FakeIam.Reply;
import dev.credreport.support.FakeIam.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * IAM generating a report that takes a set time: the first GenerateCredentialReport starts it
 * (STARTED), later ones answer INPROGRESS until it is ready, then COMPLETE; GetCredentialReport
 * answers ReportInProgress until then, then the report. Route a {@link FakeIam} through it.
 * Once the report has been fetched, the next GenerateCredentialReport starts a new one, so that a
 * benchmark can time run after run against one endpoint.
 */
public final class GeneratingReport implements Function<Request, Reply> {
    private final Supplier<Duration> nextTakes;
    private Duration takes;
    private final Reply report;
    private final Map<Integer, Reply> busy = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Instant startedAt = Instant.EPOCH;
    private boolean started;
    private int generateCalls;
    private int cycleCalls;
    private int fetched;
    private int cyclePolls;
    private Instant lastPoll = Instant.EPOCH;

    public GeneratingReport(Duration takes, String csv, Instant generated) {
        this(() -> takes, csv, generated);
    }

    /** A report whose every generation takes the time the supplier gives at its start. */
    public GeneratingReport(Supplier<Duration> takes, String csv, Instant generated) {
        this.nextTakes = takes;
        this.takes = takes.get();
        this.report = FakeIam.report(csv, generated);
    }

    /** Generation takes its time on this clock: the fake time of the command under test. */
    public synchronized GeneratingReport clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Answers the given GenerateCredentialReport call (0 for the first) with a busy reply instead. */
    public synchronized GeneratingReport busyOn(int generateCall, Reply reply) {
        busy.put(generateCall, reply);
        return this;
    }

    /** When the report is (or will be) ready, on the clock. */
    public synchronized Instant readyAt() {
        return startedAt.plus(takes);
    }

    /** When the last report was ready, in milliseconds since the epoch (for a benchmark's log). */
    public synchronized long readyAtMillis() {
        return readyAt().toEpochMilli();
    }

    /** Calls of the current or last generation cycle, the Get that fetched the report included. */
    public synchronized int cycleCalls() {
        return cycleCalls;
    }

    /** GenerateCredentialReport calls after the first in the current or last cycle: the polls. */
    public synchronized int cyclePolls() {
        return cyclePolls;
    }

    /** Milliseconds from the first GenerateCredentialReport of the cycle to its last poll. */
    public synchronized long cyclePollingMillis() {
        return Duration.between(startedAt, lastPoll).toMillis();
    }

    /** How many times the report has been fetched. */
    public synchronized int fetched() {
        return fetched;
    }

    @Override
    public synchronized Reply apply(Request request) {
        Instant now = clock.instant();
        cycleCalls++;
        switch (request.action()) {
            case "GenerateCredentialReport":
                Reply busyReply = busy.get(generateCalls++);
                if (busyReply != null) {
                    return busyReply;
                }
                if (!started) {
                    started = true;
                    startedAt = now;
                    takes = fetched == 0 ? takes : nextTakes.get();
                    cycleCalls = 1;
                    cyclePolls = 0;
                    lastPoll = now;
                    return FakeIam.state(takes.isZero() ? "COMPLETE" : "STARTED");
                }
                cyclePolls++;
                lastPoll = now;
                return FakeIam.state(now.isBefore(readyAt()) ? "INPROGRESS" : "COMPLETE");
            case "GetCredentialReport":
                if (!started) {
                    return FakeIam.error(410, "ReportNotPresent", "Credential report not present");
                }
                if (now.isBefore(readyAt())) {
                    return FakeIam.error(404, "ReportInProgress", "Report is in progress");
                }
                started = false;
                fetched++;
                return report;
            default:
                return FakeIam.error(400, "InvalidAction", "The fake IAM endpoint has no answer for " + request.action());
        }
    }
}

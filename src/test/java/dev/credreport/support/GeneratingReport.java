package dev.credreport.support;

import dev.credreport.support.FakeIam.Reply;
import dev.credreport.support.FakeIam.Request;
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
    private long startedAt;
    private boolean started;
    private int generateCalls;
    private int cycleCalls;
    private long readyAtMillis;
    private int fetched;
    private int cyclePolls;
    private long lastPollMillis;

    public GeneratingReport(Duration takes, String csv, Instant generated) {
        this(() -> takes, csv, generated);
    }

    /** A report whose every generation takes the time the supplier gives at its start. */
    public GeneratingReport(Supplier<Duration> takes, String csv, Instant generated) {
        this.nextTakes = takes;
        this.takes = takes.get();
        this.report = FakeIam.report(csv, generated);
    }

    /** Answers the given GenerateCredentialReport call (0 for the first) with a busy reply instead. */
    public synchronized GeneratingReport busyOn(int generateCall, Reply reply) {
        busy.put(generateCall, reply);
        return this;
    }

    /** When the report is (or will be) ready, in {@link System#nanoTime()}. */
    public synchronized long readyAt() {
        return startedAt + takes.toNanos();
    }

    /** When the last report was ready, in milliseconds since the epoch (for a benchmark's log). */
    public synchronized long readyAtMillis() {
        return readyAtMillis;
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
        return lastPollMillis - (readyAtMillis - takes.toMillis());
    }

    /** How many times the report has been fetched. */
    public synchronized int fetched() {
        return fetched;
    }

    @Override
    public synchronized Reply apply(Request request) {
        long now = System.nanoTime();
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
                    readyAtMillis = System.currentTimeMillis() + takes.toMillis();
                    lastPollMillis = readyAtMillis - takes.toMillis();
                    return FakeIam.state(takes.isZero() ? "COMPLETE" : "STARTED");
                }
                cyclePolls++;
                lastPollMillis = System.currentTimeMillis();
                return FakeIam.state(now >= readyAt() ? "COMPLETE" : "INPROGRESS");
            case "GetCredentialReport":
                if (!started) {
                    return FakeIam.error(410, "ReportNotPresent", "Credential report not present");
                }
                if (now < readyAt()) {
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

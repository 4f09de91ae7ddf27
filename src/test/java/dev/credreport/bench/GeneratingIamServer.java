package dev.credreport.bench;

import dev.credreport.support.FakeIam;
import dev.credreport.support.GeneratingReport;
import dev.credreport.support.SampleReports;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Serves, until killed, a fake IAM whose report takes a set time to generate, for timing how soon
 * fetch notices completion. Usage: {@code GeneratingIamServer MIN_MS [MAX_MS]}: each
 * generation takes a time drawn evenly between the two (seeded, so runs repeat), so that the
 * moment a report is ready falls anywhere between two polls. Prints the endpoint on its
 * first line, then a line {@code fetched READY_EPOCH_MS CALLS POLLS POLLING_MS} each time a report is
 * fetched: when it was ready, how many IAM calls the fetch made, how many of them were polls
 * (GenerateCredentialReport after the first) and over how long they were spread. The next GenerateCredentialReport starts a
 * new report.
 */
public final class GeneratingIamServer {
    private GeneratingIamServer() {
    }

    public static void main(String[] args) {
        long shortest = Long.parseLong(args[0]);
        long longest = args.length > 1 ? Long.parseLong(args[1]) : shortest;
        Random random = new Random(13);
        GeneratingReport report = new GeneratingReport(
                () -> Duration.ofMillis(shortest + (long) (random.nextDouble() * (longest - shortest))),
                SampleReports.standard(), Instant.now());
        PrintStream out = System.out;
        FakeIam iam = FakeIam.start().route(request -> {
            synchronized (report) {
                int before = report.fetched();
                FakeIam.Reply reply = report.apply(request);
                if (report.fetched() > before) {
                    out.println("fetched " + report.readyAtMillis() + " " + report.cycleCalls() + " " + report.cyclePolls()
                            + " " + report.cyclePollingMillis());
                    out.flush();
                }
                return reply;
            }
        });
        out.println(iam.endpoint());
        out.flush();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

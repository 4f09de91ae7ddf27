package dev.credreport.cli;

import static dev.credreport.support.FakeIam.error;
import static dev.credreport.support.FakeIam.report;
import static dev.credreport.support.FakeIam.state;

import dev.credreport.support.CommandHarness;
import dev.credreport.support.FakeIam;
import dev.credreport.support.FakeOrganization;
import dev.credreport.support.SampleReports;
import java.util.List;
import java.util.Set;

/**
 * The fakes the progress-line tests share: an IAM that keeps the report waiting (so a progress line
 * is drawn) and an Organization of a few accounts, both closed by {@link #close()} after each test.
 */
final class ProgressFakes implements AutoCloseable {
    /** What a terminal that understands escape codes gets to erase the line. */
    static final String ERASE = "\r\033[K";

    FakeIam iam;
    FakeOrganization organization;

    /** An IAM that refuses to start a report twice before it completes: long enough to draw progress. */
    FakeIam slowIam() {
        iam = FakeIam.start();
        iam.onGenerate(error(409, "LimitExceeded", "too many"), error(409, "LimitExceeded", "too many"), state("COMPLETE"))
                .onGet(report(SampleReports.standard(), CommandHarness.NOW.minusSeconds(60)));
        return iam;
    }

    /** An Organization of {@code count} accounts; its ids, in order. */
    List<String> accounts(int count) {
        List<String> accounts = FakeOrganization.accounts(count);
        organization = new FakeOrganization(accounts, Set.of(), 100);
        return accounts;
    }

    @Override
    public void close() {
        if (iam != null) {
            iam.close();
            iam = null;
        }
        if (organization != null) {
            organization.close();
            organization = null;
        }
    }
}

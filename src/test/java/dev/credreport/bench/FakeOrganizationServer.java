package dev.credreport.bench;

import dev.credreport.support.FakeOrganization;
import java.time.Duration;
import java.util.Set;

/**
 * Serves a fake Organization of N accounts (Organizations, STS and IAM on one loopback endpoint)
 * until killed, for timing multi-account runs. Usage: {@code FakeOrganizationServer ACCOUNTS LATENCY_MS}
 * prints the endpoint on its first line.
 */
public final class FakeOrganizationServer {
    private FakeOrganizationServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        var accounts = new java.util.ArrayList<>(FakeOrganization.accounts(Integer.parseInt(args[0])));
        accounts.add(FakeOrganization.MANAGEMENT);
        FakeOrganization organization = new FakeOrganization(accounts, Set.of(), 20)
                .latency(Duration.ofMillis(Long.parseLong(args[1])));
        System.out.println(organization.endpoint());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

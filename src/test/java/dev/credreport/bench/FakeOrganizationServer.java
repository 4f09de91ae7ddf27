package dev.credreport.bench;

import dev.credreport.support.FakeOrganization;
import java.time.Duration;
import java.util.Set;

/**
 * Serves a fake Organization of N accounts (Organizations, STS and IAM on one loopback endpoint)
 * until killed, for timing multi-account runs. Usage: {@code FakeOrganizationServer ACCOUNTS
 * LATENCY_MS [OPTION...]} prints the endpoint on its first line. Options: {@code sts-rate=N}
 * (AssumeRole answers N a second and throttles the rest), {@code throttle-pages=N} (every Nth
 * ListAccounts page throttled), {@code throttle-iam=N} (every Nth IAM call throttled),
 * {@code slow=INDEX:MS} (the account at INDEX answers IAM after MS; a huge MS is a hung account),
 * {@code generated=INSTANT} (the reports' generated time, for a day of saving).
 */
public final class FakeOrganizationServer {
    private FakeOrganizationServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        var accounts = new java.util.ArrayList<>(FakeOrganization.accounts(Integer.parseInt(args[0])));
        accounts.add(FakeOrganization.MANAGEMENT);
        FakeOrganization organization = new FakeOrganization(accounts, Set.of(), 20)
                .latency(Duration.ofMillis(Long.parseLong(args[1])));
        // Thousands of accounts make hundreds of thousands of requests: none kept, only counted.
        organization.server().withoutRecording();
        for (int i = 2; i < args.length; i++) {
            String[] option = args[i].split("=", 2);
            switch (option[0]) {
                case "sts-rate" -> organization.limitAssumeRole(Integer.parseInt(option[1]));
                case "throttle-pages" -> organization.throttleEvery("ListAccounts", Integer.parseInt(option[1]));
                case "throttle-iam" -> organization.throttleEvery("GenerateCredentialReport", Integer.parseInt(option[1]))
                        .throttleEvery("GetCredentialReport", Integer.parseInt(option[1]));
                case "generated" -> organization.generatedAt(java.time.Instant.parse(option[1]));
                case "slow" -> {
                    String[] slow = option[1].split(":");
                    organization.slow(accounts.get(Integer.parseInt(slow[0])), Duration.ofMillis(Long.parseLong(slow[1])));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println(organization.endpoint());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package dev.credreport.bench;

import dev.credreport.support.MotoAccount;
import java.net.URI;

/**
 * Creates IAM users in a running moto server for the benchmark: every other one with a console
 * password, every third with an access key. Usage: {@code SeedMoto ENDPOINT USERS}
 */
public final class SeedMoto {
    private SeedMoto() {
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        int users = Integer.parseInt(args[1]);
        try (MotoAccount account = new MotoAccount(endpoint)) {
            for (int i = 0; i < users; i++) {
                String name = String.format("bench-user-%05d", i);
                account.user(name);
                if (i % 2 == 0) {
                    account.password(name);
                }
                if (i % 3 == 0) {
                    account.accessKey(name);
                }
            }
        }
    }
}

package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.support.FakeOrganization;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Each account's IAM client and role credentials are its own and closed when the account is done
 * with them, over the run's one HTTP client: none is left open for the run's end, however many
 * accounts it has. Seen by counting what is open while the fake answers and after each account.
 */
class AccountClientsClosedTest {
    @Test
    void should_close_each_accounts_client_and_role_when_the_account_is_done() {
        List<String> ids = FakeOrganization.accounts(5);
        List<String> all = new ArrayList<>(ids);
        all.add(FakeOrganization.MANAGEMENT);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100).refuseRole(ids.get(4))) {
            AtomicReference<AccountAccess> run = new AtomicReference<>();
            List<String> openWhileAnswered = new CopyOnWriteArrayList<>();
            organization.beforeIamAnswer(request -> openWhileAnswered.add(request.accessKey() + " " + run.get().openInAccounts()));
            try (AccountAccess access = new AccountAccess(organization.settings(), FakeOrganization.ROLES, Clock.systemUTC())) {
                run.set(access);
                for (String id : ids.subList(0, 4)) {
                    access.fetchReport(id, Duration.ofMinutes(1), true);
                    assertEquals(0, access.openInAccounts(), "after account " + id);
                }
                access.fetchReport(FakeOrganization.MANAGEMENT, Duration.ofMinutes(1), true);
                assertEquals(0, access.openInAccounts());
                assertThrows(CredreportException.class, () -> access.fetchReport(ids.get(4), Duration.ofMinutes(1), true));
                assertEquals(0, access.openInAccounts(), "a role refused is closed too");

                assertTrue(openWhileAnswered.size() >= 10, openWhileAnswered::toString);
                for (String seen : openWhileAnswered) {
                    // A role's account: its client and its role's provider; the caller's own: its client alone.
                    String expected = seen.startsWith("ASIA") ? " 2" : " 1";
                    assertTrue(seen.endsWith(expected), "open while answering " + openWhileAnswered);
                }

                try (IamConnection iam = access.iamIn(ids.get(0))) {
                    iam.client().generateCredentialReport();
                    assertEquals(2, access.openInAccounts());
                }
                assertEquals(0, access.openInAccounts(), "an audit's or a fix's client in an account is closed with its role");

                AccountAccess.AccountCredentials role = access.credentialsFor(ids.get(1));
                role.resolveCredentials();
                assertEquals(1, access.openInAccounts());
                role.close();
                role.close();
                assertEquals(0, access.openInAccounts(), "closed once, however often closed");
            }
        }
    }
}

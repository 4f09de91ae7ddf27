package dev.credreport.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.aws.AccountAccess;
import dev.credreport.report.Account;
import dev.credreport.support.FakeOrganization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports finished ahead of their turn past the memory bound go to temporary files, and come back
 * in account order, whole and checked again, the files removed.
 */
class MultiAccountFetchSpoolTest {
    @TempDir
    Path spool;

    static List<String> spooled(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void should_spool_reports_finished_past_the_bound_and_give_them_back_in_order() throws Exception {
        List<String> ids = FakeOrganization.accounts(30);
        List<String> all = new ArrayList<>(ids);
        all.add(FakeOrganization.MANAGEMENT);
        CountDownLatch othersDone = new CountDownLatch(1);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100)) {
            // The first account answers only once every other has finished: all of them finish ahead of their turn.
            organization.beforeIamAnswer(request -> {
                if (request.accessKey().equals("ASIA" + ids.get(0))) {
                    try {
                        othersDone.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try (AccountAccess access = new AccountAccess(organization.settings(), FakeOrganization.ROLES, Clock.systemUTC())) {
                MultiAccountFetch fetch = new MultiAccountFetch(access, new FetchPlan(Duration.ofMinutes(1), true, 2))
                        .spoolingIn(spool);
                List<String> spooledWhenOthersDone = new CopyOnWriteArrayList<>();
                List<String> order = new ArrayList<>();
                List<Account> accounts = ids.stream().map(id -> new Account(id, null)).toList();

                fetch.run(accounts, result -> {
                    assertTrue(result.succeeded(), () -> String.valueOf(result.failure()));
                    order.add(result.accountId());
                    assertEquals(FakeOrganization.report(result.accountId()),
                            new String(result.report().bytes(), StandardCharsets.UTF_8));
                    result.report().close();
                }, progress -> {
                    if (progress.startsWith((ids.size() - 1) + "/" + ids.size() + " accounts done")) {
                        spooledWhenOthersDone.addAll(spooled(spool));
                        othersDone.countDown();
                    }
                });

                assertEquals(ids, order, "in account order, the spooled ones too");
                int bound = fetch.inMemoryBound();
                assertEquals(ids.size() - 1 - bound, spooledWhenOthersDone.size(),
                        "all but the first finished ahead, the first " + bound + " kept in memory: " + spooledWhenOthersDone);
                assertTrue(spooledWhenOthersDone.stream().allMatch(name -> name.startsWith("credreport-account-")),
                        spooledWhenOthersDone::toString);
                assertEquals(List.of(), spooled(spool), "every spooled file is removed once its report is taken");
            }
        }
    }

    @Test
    void should_do_a_sinks_work_in_the_workers_and_tell_it_in_order_spooling_nothing() throws Exception {
        List<String> ids = FakeOrganization.accounts(30);
        List<String> all = new ArrayList<>(ids);
        all.add(FakeOrganization.MANAGEMENT);
        CountDownLatch othersDone = new CountDownLatch(1);
        try (FakeOrganization organization = new FakeOrganization(all, Set.of(), 100)) {
            organization.beforeIamAnswer(request -> {
                if (request.accessKey().equals("ASIA" + ids.get(0))) {
                    try {
                        othersDone.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try (AccountAccess access = new AccountAccess(organization.settings(), FakeOrganization.ROLES, Clock.systemUTC())) {
                List<String> workedOn = new CopyOnWriteArrayList<>();
                List<String> told = new ArrayList<>();
                AccountSink saving = AccountSink.inWorkers((account, report, in) -> {
                    workedOn.add(Thread.currentThread().getName());
                    return account.id() + " " + report.validate().users();
                }, (account, done) -> told.add(done));
                MultiAccountFetch fetch = new MultiAccountFetch(access, new FetchPlan(Duration.ofMinutes(1), true, 2))
                        .inWorkers(saving).spoolingIn(spool);
                List<String> spooledWhenOthersDone = new CopyOnWriteArrayList<>();

                fetch.run(ids.stream().map(id -> new Account(id, null)).toList(), result -> {
                    assertTrue(result.succeeded() && result.report() == null, result::toString);
                    result.handled().done().tell();
                }, progress -> {
                    if (progress.startsWith((ids.size() - 1) + "/" + ids.size() + " accounts done")) {
                        spooledWhenOthersDone.addAll(spooled(spool));
                        othersDone.countDown();
                    }
                });

                assertEquals(ids.stream().map(id -> id + " 3").toList(), told, "told in account order");
                assertEquals(ids.size(), workedOn.size());
                assertTrue(workedOn.stream().allMatch(name -> name.equals("credreport-account")), workedOn::toString);
                assertEquals(List.of(), spooledWhenOthersDone, "a report done with in its worker is neither kept nor spooled");
            }
        }
    }
}

package dev.credreport.multi;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.FetchedReport;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fetches the reports of many accounts, {@code concurrency} at a time, each with its own wait
 * budget, and hands them on in the order of the account list whatever finishes first. At most
 * twice {@code concurrency} reports are held at once, so memory does not grow with the number of
 * accounts.
 */
final class MultiAccountFetch {
    /** Receives each account's result, in order. */
    @FunctionalInterface
    interface ResultConsumer {
        void accept(AccountResult result) throws IOException;
    }

    private final AccountAccess access;
    private final Duration maxWait;
    private final boolean generate;
    private final int concurrency;
    /** One for the run: the rows kept in memory for the second pass are bounded over all accounts together. */
    private final RowBudget budget = RowBudget.forThisRun();

    MultiAccountFetch(AccountAccess access, FetchPlan plan) {
        this.access = access;
        this.maxWait = plan.maxWait();
        this.generate = plan.generate();
        this.concurrency = plan.concurrency();
    }

    /**
     * Runs every account and gives each result, in the list's order, to {@code results}.
     *
     * @param progress told "done / total, failed" as accounts finish (the progress line adds the time)
     */
    void run(List<Account> accounts, ResultConsumer results, Consumer<String> progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "credreport-account");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Deque<Future<AccountResult>> pending = new ArrayDeque<>();
        try {
            for (Account account : accounts) {
                if (pending.size() >= 2 * concurrency) {
                    results.accept(await(pending.removeFirst()));
                }
                pending.addLast(pool.submit(() -> {
                    AccountResult result = fetch(account);
                    int finished = done.incrementAndGet();
                    int failures = result.succeeded() ? failed.get() : failed.incrementAndGet();
                    progress.accept(finished + "/" + accounts.size() + " accounts done, " + failures + " failed");
                    return result;
                }));
            }
            while (!pending.isEmpty()) {
                results.accept(await(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private AccountResult fetch(Account account) {
        try {
            FetchedReport fetched = access.fetchReport(account.id(), maxWait, generate);
            ReportInput report = ReportInput.fromAws(fetched.content(), fetched.generatedTime(), "account " + account.id());
            // A bad report fails its own account here, before any of its rows reach the merged output.
            report.validate(budget);
            return new AccountResult(account, report, null);
        } catch (CredreportException e) {
            return new AccountResult(account, null, e);
        } catch (RuntimeException e) {
            return new AccountResult(account, null, new CredreportException(ExitCode.INTERNAL_ERROR,
                    "internal error: " + e, e));
        }
    }

    private static AccountResult await(Future<AccountResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}

package dev.credreport.multi;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.core.HumanTime;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.FetchedReport;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fetches the reports of many accounts, {@code concurrency} at a time, each with its own wait
 * budget and deadline, and hands them on in the order of the account list whatever finishes
 * first.
 *
 * <p>A new account starts as soon as any other finishes: a slow account holds back only its own
 * place in the output, never the fetches after it. Reports finished ahead of their turn are kept
 * in memory up to a bound that does not depend on the number of accounts
 * ({@link #inMemoryBound}), and past it spooled to temporary files until their turn. An account
 * that has not finished within its deadline ({@code --account-timeout}) is reported failed then,
 * its worker interrupted and abandoned (the SDK's own call timeouts end its connection), and the
 * run goes on.
 */
final class MultiAccountFetch {
    /** Receives each account's result, in order. */
    @FunctionalInterface
    interface ResultConsumer {
        void accept(AccountResult result) throws IOException;
    }

    /** The accounts of a run as they come (listed page by page, read line by line), and how many so far. */
    interface Accounts extends AutoCloseable {
        /** The next account, or null after the last; may block while the next page is asked for. */
        Account next();

        /** How many accounts are known so far. */
        int known();

        /** Whether every account is known (the listing or the file has ended). */
        boolean complete();

        /** Accounts done against those known, and whether that is all of them: "12", "12/40+" or "12/40". */
        default String total(int done) {
            int known = known();
            boolean complete = complete();
            return known == 0 && !complete ? String.valueOf(done) : done + "/" + known + (complete ? "" : "+");
        }

        /**
         * Whether they come in the output's order (by id); when not, every account is started as it
         * comes and the output waits for the last before it begins, in id order.
         */
        boolean sorted();

        @Override
        default void close() {
        }
    }

    private final AccountAccess access;
    private final Duration maxWait;
    private final boolean generate;
    private final int concurrency;
    private final Duration accountTimeout;
    /** One for the run: the rows kept in memory for the second pass are bounded over all accounts together. */
    private final RowBudget budget = RowBudget.forThisRun();
    /** The sink whose work needing no order is done in the workers ({@link AccountSink#inWorker}), or null. */
    private AccountSink sink;
    /** Where reports finished ahead of their turn are spooled past the memory bound; null for the JVM's temporary directory. */
    private Path spoolDirectory;

    MultiAccountFetch(AccountAccess access, FetchPlan plan) {
        this.access = access;
        this.maxWait = plan.maxWait();
        this.generate = plan.generate();
        this.concurrency = plan.concurrency();
        this.accountTimeout = plan.accountTimeout();
    }

    /** Hands each report to the sink's {@link AccountSink#inWorker} in its worker, as soon as it is fetched and checked. */
    MultiAccountFetch inWorkers(AccountSink sink) {
        this.sink = sink;
        return this;
    }

    /** Spools reports finished ahead of their turn in this directory (a test's own, to see them come and go). */
    MultiAccountFetch spoolingIn(Path directory) {
        this.spoolDirectory = directory;
        return this;
    }

    /** Reports kept in memory ahead of their turn before the next are spooled to disk. */
    int inMemoryBound() {
        return Math.max(16, 4 * concurrency);
    }

    /** Accounts of a list known whole from the start. */
    static Accounts of(java.util.List<Account> accounts) {
        Iterator<Account> each = accounts.iterator();
        return new Accounts() {
            @Override
            public Account next() {
                return each.hasNext() ? each.next() : null;
            }

            @Override
            public int known() {
                return accounts.size();
            }

            @Override
            public boolean complete() {
                return true;
            }

            @Override
            public boolean sorted() {
                return true;
            }
        };
    }

    void run(java.util.List<Account> accounts, ResultConsumer results, Consumer<String> progress) throws IOException {
        run(of(accounts), results, progress);
    }

    /**
     * Runs every account and gives each result, in the accounts' order, to {@code results}.
     *
     * @param progress told "done / total, failed" as accounts finish (the progress line adds the time)
     * @return how many accounts were run
     */
    int run(Accounts accounts, ResultConsumer results, Consumer<String> progress) throws IOException {
        ExecutorService pool = Executors.newCachedThreadPool(daemon("credreport-account"));
        java.util.concurrent.ScheduledThreadPoolExecutor deadlines = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                daemon("credreport-deadline"));
        // A deadline cancelled when its account finishes goes at once, not after --account-timeout: memory stays flat.
        deadlines.setRemoveOnCancelPolicy(true);
        Semaphore places = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inMemory = new AtomicInteger();
        BlockingQueue<Slot> order = new LinkedBlockingQueue<>();
        Slot end = new Slot(null);
        CompletableFuture<Void> listing = new CompletableFuture<>();
        long started = System.nanoTime();
        Thread starter = daemon("credreport-starter").newThread(() -> {
            try {
                for (Account account = accounts.next(); account != null; account = accounts.next()) {
                    places.acquire();
                    Slot slot = new Slot(account);
                    order.add(slot);
                    start(slot, pool, deadlines, inMemory);
                    slot.result.whenComplete((result, error) -> {
                        places.release();
                        int finished = done.incrementAndGet();
                        boolean ok = result != null && (result.succeeded() || result.failure() == SPOOLED);
                        int failures = ok ? failed.get() : failed.incrementAndGet();
                        progress.accept(accounts.total(finished) + " accounts done, " + failures + " failed"
                                + waitingAndLeft(accounts, finished, started));
                    });
                }
                listing.complete(null);
            } catch (InterruptedException e) {
                listing.completeExceptionally(new CancellationException("interrupted"));
            } catch (RuntimeException e) {
                listing.completeExceptionally(e);
            } finally {
                order.add(end);
            }
        });
        starter.start();
        int count = 0;
        try {
            if (accounts.sorted()) {
                for (Slot slot = take(order); slot != end; slot = take(order)) {
                    count++;
                    results.accept(slot.take(inMemory));
                }
                await(listing);
                return count;
            }
            // Started as they came; written in id order once the last is known (a failed listing writes nothing).
            java.util.List<Slot> all = new java.util.ArrayList<>();
            for (Slot slot = take(order); slot != end; slot = take(order)) {
                all.add(slot);
            }
            await(listing);
            all.sort(java.util.Comparator.comparing(slot -> slot.account.id()));
            for (Slot slot : all) {
                order.add(slot);
            }
            for (Slot slot : all) {
                order.remove(slot);
                count++;
                results.accept(slot.take(inMemory));
            }
            return count;
        } finally {
            starter.interrupt();
            pool.shutdownNow();
            deadlines.shutdownNow();
            // What was finished but never taken (a run stopped by the user's mistake) is let go.
            for (Slot left : order) {
                if (left != end) {
                    left.discard();
                }
            }
        }
    }

    /**
     * ", 3 waiting on throttling" while calls wait out AWS's throttling, and ", about 4m left" once
     * the number of accounts is known, from the pace so far.
     */
    private String waitingAndLeft(Accounts accounts, int finished, long started) {
        StringBuilder more = new StringBuilder();
        int waiting = access.throttle().waiting();
        if (waiting > 0) {
            more.append(", ").append(waiting).append(" waiting on throttling");
        }
        if (accounts.complete()) {
            int all = accounts.known();
            if (finished > 0 && finished < all) {
                long left = (System.nanoTime() - started) / finished * (all - finished);
                more.append(", about ").append(HumanTime.span(Duration.ofNanos(left).withNanos(0))).append(" left");
            }
        }
        return more.toString();
    }

    private void start(Slot slot, ExecutorService pool, ScheduledExecutorService deadlines, AtomicInteger inMemory) {
        Future<?> work = pool.submit(() -> {
            AccountResult result = fetch(slot.account);
            if (result.report() != null && inMemory.incrementAndGet() > inMemoryBound()) {
                inMemory.decrementAndGet();
                result = slot.spool(result);
            }
            if (!slot.result.complete(result)) {
                // Too late: the account was reported failed at its deadline.
                if (result.report() != null) {
                    result.report().close();
                    inMemory.decrementAndGet();
                }
                slot.deleteSpool();
            }
        });
        var deadline = deadlines.schedule(() -> {
            CredreportException late = CredreportException.awsFailed("did not answer within " + HumanTime.span(accountTimeout)
                    + " (--account-timeout); the run went on without it: try it again alone, "
                    + "or raise --account-timeout", null);
            if (slot.result.complete(new AccountResult(slot.account, null, late))) {
                work.cancel(true);
            }
        }, accountTimeout.toMillis(), TimeUnit.MILLISECONDS);
        slot.result.whenComplete((result, error) -> deadline.cancel(false));
    }

    private AccountResult fetch(Account account) {
        ReportInput report = null;
        try {
            FetchedReport fetched = access.fetchReport(account.id(), maxWait, generate);
            report = ReportInput.fromAws(fetched.content(), fetched.generatedTime(), "account " + account.id());
            // A bad report fails its own account here, before any of its rows reach the merged output.
            report.validate(budget);
            AccountResult handled = inWorker(account, report);
            if (handled != null) {
                report.close();
                return handled;
            }
            return new AccountResult(account, report, null);
        } catch (CredreportException e) {
            closeQuietly(report);
            return new AccountResult(account, null, e);
        } catch (RuntimeException e) {
            closeQuietly(report);
            if (Thread.currentThread().isInterrupted()) {
                return new AccountResult(account, null, CredreportException.awsFailed("interrupted", e));
            }
            return new AccountResult(account, null, new CredreportException(ExitCode.INTERNAL_ERROR,
                    "internal error: " + e, e));
        }
    }

    /**
     * The sink's work on the report in this worker, with the notes on how it was read, or null
     * when the sink keeps the report for its turn. A save that fails fails its account.
     */
    private AccountResult inWorker(Account account, ReportInput report) {
        if (sink == null) {
            return null;
        }
        AccountSink.Done done;
        try {
            done = sink.inWorker(account, report, access);
        } catch (IOException e) {
            throw CredreportException.cannotWrite("account " + account.id() + ": " + e.getMessage(), e);
        }
        if (done == null) {
            return null;
        }
        java.util.List<String> notes = new java.util.ArrayList<>(1);
        report.sendNotesTo(notes::add);
        return new AccountResult(account, null, null, new AccountResult.Handled(done, notes));
    }

    private static void closeQuietly(ReportInput report) {
        if (report != null) {
            report.close();
        }
    }

    /**
     * One account's place in the output: its result once there is one, kept in memory or, past the
     * bound, in a temporary file until its turn.
     */
    private final class Slot {
        final Account account;
        final CompletableFuture<AccountResult> result = new CompletableFuture<>();
        private volatile Path spooled;
        private volatile Instant spooledTime;

        Slot(Account account) {
            this.account = account;
        }

        AccountResult spool(AccountResult result) {
            try (ReportInput report = result.report()) {
                Path file = spoolDirectory == null ? Files.createTempFile("credreport-account-", ".csv")
                        : Files.createTempFile(spoolDirectory, "credreport-account-", ".csv");
                Files.write(file, report.bytes());
                spooled = file;
                spooledTime = report.generatedTime().orElse(null);
                // Stands in for the report until its turn; only its file is held.
                return new AccountResult(account, null, SPOOLED);
            } catch (IOException e) {
                return new AccountResult(account, null, CredreportException.cannotWrite("cannot spool the report of account "
                        + account.id() + " to a temporary file: " + e.getMessage() + "; free disk space in "
                        + System.getProperty("java.io.tmpdir"), e));
            }
        }

        /** The result in its turn: a spooled report read back (and checked again), a kept one as it is. */
        AccountResult take(AtomicInteger inMemory) throws IOException {
            AccountResult taken = await(result);
            if (taken.failure() == SPOOLED) {
                Path file = spooled;
                try {
                    ReportInput report = ReportInput.fromAws(Files.readAllBytes(file), spooledTime, "account " + account.id());
                    report.validate(budget);
                    return new AccountResult(account, report, null);
                } catch (CredreportException e) {
                    return new AccountResult(account, null, e);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            if (taken.report() != null) {
                inMemory.decrementAndGet();
            }
            return taken;
        }

        void discard() {
            AccountResult left = result.getNow(null);
            if (left != null && left.report() != null) {
                left.report().close();
            }
            deleteSpool();
        }

        void deleteSpool() {
            Path file = spooled;
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Marks a result kept in a temporary file: never shown, as {@link Slot#take} reads the report back. */
    private static final CredreportException SPOOLED = new CredreportException(ExitCode.INTERNAL_ERROR, "spooled", null);

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Slot take(BlockingQueue<Slot> order) {
        try {
            return order.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

package dev.credreport.cli;

import dev.credreport.report.Account;
import dev.credreport.audit.AccountAudit;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.AccountSink;
import dev.credreport.aws.AccountAccess;
import dev.credreport.render.html.HistoryPoint;
import dev.credreport.render.html.ReportPage;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportRows;
import dev.credreport.source.History;
import dev.credreport.store.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The work of {@code report}, apart from the command so that picocli, which reflects over every
 * command's methods at start-up, never loads the page or its template engine for other commands.
 * It audits each report and loads its history; the page only renders what it is given.
 */
final class ReportPageRun {
    /** The most users a page holds: beyond this a browser opens it slowly and a manager will not read it. */
    static final int MAX_USERS = 50_000;

    private final Environment environment;
    private final CommandSpec spec;
    private final ReportSourceOptions source;
    private final MultiAccountOptions multi;
    private final OutputOptions output;
    private final boolean quiet;
    private long users;
    private OwnerOptions owners = new OwnerOptions();
    /** Where --split-by owner writes its pages, or null for one page. */
    private java.nio.file.Path splitInto;

    ReportPageRun(Environment environment, CommandSpec spec, ReportSourceOptions source, MultiAccountOptions multi,
            OutputOptions output, boolean quiet) {
        this.environment = environment;
        this.spec = spec;
        this.source = source;
        this.multi = multi;
        this.output = output;
        this.quiet = quiet;
    }

    /** With --owner-tag; with a directory, a page per owner (--split-by owner) instead of one. */
    ReportPageRun owners(OwnerOptions tags, java.nio.file.Path directory) {
        this.owners = tags;
        this.splitInto = directory;
        return this;
    }

    /** @param history the saved reports for trends, or null for none */
    int run(Auditor auditor, RuleOptions rules, String cis, ReportStore history) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (splitInto != null) {
            return split(auditor, rules, cis, err);
        }
        ReportPage page = new ReportPage(environment.clock());
        History trends = history == null ? null : new History(history, auditor, generated -> rules.settingsAt(generated, cis),
                warning -> err.println("credreport: " + warning));
        AccountSink accounts = new AccountSink() {
            @Override
            public void account(Account account, ReportInput report, AccountAccess access) {
                countUsers(report);
                AuditResult result = auditor.audit(report, rules.settingsFor(report, environment.clock(), cis));
                List<HistoryPoint> points = trends == null || result.accountId() == null ? List.of() : trends.of(result.accountId());
                AccountAudit audit = OwnerReading.owned(new AccountAudit(result, auditor.findings(report, result)), owners,
                        source, environment, report, access, account == null ? null : account.id());
                page.account(report, audit, points, account == null ? null : account.name());
            }

            @Override
            public void failed(Account account, CredreportException failure) {
                page.failed(account.id(), CredreportException.firstLine(failure.getMessage()));
            }

            @Override
            public void finish() {
                // Rendered whole before anything is written, so a failure leaves the output as it was.
                String html = render(page);
                output.target().write(spec.commandLine().getOut(), out -> out.write(html));
            }
        };
        if (multi.active()) {
            AccountRun.Outcome outcome = AccountRuns.run(environment, err, source, multi, quiet, accounts);
            return outcome.report(err, quiet);
        }
        try (ReportInput report = ReportReading.read(source, environment, err, quiet)) {
            accounts.account(null, report, null);
            accounts.finish();
        }
        if (!quiet && !output.toStdout()) {
            err.println("credreport: wrote " + output.output);
        }
        return ExitCode.SUCCESS.code();
    }

    /**
     * report --split-by owner: each account's users audited once per owner, into that owner's page (over
     * many accounts an owner's page holds each account's section), then every page and the index written,
     * each atomically, once all accounts are in.
     */
    private int split(Auditor auditor, RuleOptions rules, String cis, PrintWriter err) throws IOException {
        java.util.Map<String, ReportPage> pages = new java.util.TreeMap<>(dev.credreport.audit.Owners.ORDER);
        List<dev.credreport.render.html.Page.FailedAccount> failed = new java.util.ArrayList<>();
        AccountSink accounts = new AccountSink() {
            @Override
            public void account(Account account, ReportInput report, AccountAccess access) {
                countUsers(report);
                dev.credreport.audit.Owners owned = access == null ? OwnerReading.read(owners, source, environment, report)
                        : OwnerReading.read(owners, source, environment, report, access, account.id());
                java.util.Set<String> present = new java.util.TreeSet<>(dev.credreport.audit.Owners.ORDER);
                try (ReportRows rows = report.openReport()) {
                    while (rows.hasNext()) {
                        present.add(owned.of(rows.next().user()));
                    }
                }
                for (String owner : present) {
                    java.util.function.Predicate<String> theirs = user -> owned.of(user).equals(owner);
                    Auditor only = auditor.onlyUsers(theirs);
                    AuditResult result = only.audit(report, rules.settingsFor(report, environment.clock(), cis));
                    AccountAudit audit = new AccountAudit(result, only.findings(report, result)).withOwners(owned);
                    pages.computeIfAbsent(owner, key -> new ReportPage(environment.clock(), "owner " + key))
                            .account(report, audit, List.of(), account == null ? null : account.name(), theirs);
                }
            }

            @Override
            public void failed(Account account, CredreportException failure) {
                failed.add(new dev.credreport.render.html.Page.FailedAccount(account.id(),
                        CredreportException.firstLine(failure.getMessage())));
            }

            @Override
            public void finish() throws IOException {
                java.util.Map<String, String> files = dev.credreport.render.html.OwnerIndex.fileNames(
                        List.copyOf(pages.keySet()));
                java.util.Map<String, dev.credreport.render.html.OwnerIndex.Totals> totals = new java.util.LinkedHashMap<>();
                // Written as one: a full disk half-way leaves the directory as it was, not new pages beside an old index.
                java.util.Map<java.nio.file.Path, dev.credreport.io.AtomicFileWriter.Body> written = new java.util.LinkedHashMap<>();
                for (java.util.Map.Entry<String, ReportPage> entry : pages.entrySet()) {
                    ReportPage page = entry.getValue();
                    failed.forEach(account -> page.failed(account.accountId(), account.message()));
                    String html = render(page);
                    written.put(splitInto.resolve(files.get(entry.getKey())), out -> out.write(html));
                    totals.put(entry.getKey(), page.totals());
                }
                StringWriter index = new StringWriter();
                dev.credreport.render.html.OwnerIndex.write(index, environment.clock(), owners.ownerTag, files, totals, failed);
                written.put(splitInto.resolve(dev.credreport.render.html.OwnerIndex.INDEX), out -> out.write(index.toString()));
                dev.credreport.io.AtomicFileWriter.writeAll(written);
                if (!quiet) {
                    err.println("credreport: wrote " + pages.size() + (pages.size() == 1 ? " page" : " pages")
                            + " (one per owner) and " + dev.credreport.render.html.OwnerIndex.INDEX + " to "
                            + dev.credreport.report.UntrustedText.escape(splitInto.toString()));
                }
            }
        };
        if (multi.active()) {
            AccountRun.Outcome outcome = AccountRuns.run(environment, err, source, multi, quiet, accounts);
            return outcome.report(err, quiet);
        }
        try (ReportInput report = ReportReading.read(source, environment, err, quiet)) {
            accounts.account(null, report, null);
            accounts.finish();
        }
        return ExitCode.SUCCESS.code();
    }

    /** Refuses (exit 2, with what to do) once the page would hold too many users; a million rows are refused at once. */
    private void countUsers(ReportInput report) {
        try (ReportRows reader = report.openReport()) {
            while (reader.hasNext()) {
                reader.next();
                if (++users > MAX_USERS) {
                    throw CredreportException.usage("a page holds at most " + String.format("%,d", MAX_USERS) + " users "
                            + "and this one would hold more: make a page per account (--accounts) or use 'credreport "
                            + "audit' or 'credreport fetch --format csv' for reports this large");
                }
            }
        }
    }

    private static String render(ReportPage page) {
        StringWriter html = new StringWriter();
        try {
            page.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }
}

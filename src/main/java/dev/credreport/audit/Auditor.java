package dev.credreport.audit;

import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies rules to a report one user at a time. Findings are not kept: a first pass counts them,
 * and {@link #findings} reads the report again once per severity that has any, so memory stays
 * flat however large the report. {@link AccountRule}s count in a tally of their own per pass and
 * speak at the end, after the findings about users of their severity.
 */
public final class Auditor {
    private final List<Rule> rules;
    private final List<UserPattern> ignore;
    private final Exceptions exceptions;
    private final Clock clock;
    /** The users audited at all (a page per owner), or null for every user; the others are passed over unseen. */
    private final Predicate<String> only;

    public Auditor(List<Rule> rules, List<UserPattern> ignore) {
        this(rules, ignore, Exceptions.none(), Clock.systemUTC());
    }

    /** An auditor whose findings an exceptions file may accept, judged on the clock's day. */
    public Auditor(List<Rule> rules, List<UserPattern> ignore, Exceptions exceptions, Clock clock) {
        this(rules, ignore, exceptions, clock, null);
    }

    private Auditor(List<Rule> rules, List<UserPattern> ignore, Exceptions exceptions, Clock clock, Predicate<String> only) {
        this.rules = List.copyOf(rules);
        this.ignore = List.copyOf(ignore);
        this.exceptions = Objects.requireNonNull(exceptions);
        this.clock = Objects.requireNonNull(clock);
        this.only = only;
    }

    /** This auditor with an exceptions file. */
    public Auditor withExceptions(Exceptions file, Clock today) {
        return new Auditor(rules, ignore, file, today, only);
    }

    /**
     * This auditor for some users of each report only (those of one owner): the others are neither
     * checked, nor counted, nor listed as ignored, and the account rules count only these.
     */
    public Auditor onlyUsers(Predicate<String> users) {
        return new Auditor(rules, ignore, exceptions, clock, Objects.requireNonNull(users));
    }

    public Exceptions exceptions() {
        return exceptions;
    }

    /**
     * The finding as the exceptions file has it: accepted by an entry in force, or noted as counting
     * again when the entry that covers it has expired.
     */
    Finding judged(Finding finding) {
        if (exceptions.isEmpty()) {
            return finding;
        }
        return exceptions.match(finding, clock).map(entry -> entry.state(clock, 0) == ExceptionEntry.State.EXPIRED
                ? finding.noted("exception " + entry.label() + " has expired, so this finding counts again")
                : finding.excepted(entry)).orElse(finding);
    }

    /** Reads the whole report and counts what the rules find. */
    public AuditResult audit(ReportInput input, AuditSettings settings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Map<Severity, Integer> excepted = new EnumMap<>(Severity.class);
        Map<ExceptionEntry, Boolean> hit = new IdentityHashMap<>();
        Consumer<Finding> count = found -> {
            counts.merge(found.severity(), 1, Integer::sum);
            if (!exceptions.isEmpty()) {
                exceptions.match(found, clock).ifPresent(entry -> hit.put(entry, true));
                if (judged(found).isExcepted()) {
                    excepted.merge(found.severity(), 1, Integer::sum);
                }
            }
        };
        List<AuditResult.IgnoredUser> ignored = new ArrayList<>();
        String account = null;
        int checked = 0;
        int ignoredCount = 0;
        Boolean rootWithoutCredentials = null;
        List<AccountRule.Tally> tallies = tallies(null);
        try (ReportRows report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                account = account == null ? user.accountId() : account;
                if (only != null && !only.test(user.user())) {
                    continue;
                }
                UserPattern matched = ignoring(user.user());
                if (matched != null) {
                    ignoredCount++;
                    if (ignored.size() < AuditResult.IGNORED_NAMED) {
                        ignored.add(new AuditResult.IgnoredUser(user.user(), matched.glob()));
                    }
                    continue;
                }
                checked++;
                if (user.isRoot()) {
                    rootWithoutCredentials = RootCredentials.absent(user);
                }
                check(user, settings, count);
                tallies.forEach(tally -> tally.add(user));
            }
        }
        for (AccountRule.Tally tally : tallies) {
            tally.finish(settings, count);
        }
        List<ExceptionEntry> used = exceptions.entries().stream().filter(hit::containsKey).toList();
        return new AuditResult(account, input.generatedTime().orElse(null), input.origin(), input.name(), settings,
                rules.stream().map(Rule::info).toList(), checked, ignored, ignoredCount, counts, rootWithoutCredentials,
                excepted, used);
    }

    /** The findings an audit counted, worst first, in report order within a severity. */
    public Findings findings(ReportInput input, AuditResult result) {
        return consumer -> {
            for (Severity severity : Severity.values()) {
                if (result.counts().get(severity) > 0) {
                    emit(input, result.settings(), severity, consumer);
                }
            }
        };
    }

    private void emit(ReportInput input, AuditSettings settings, Severity severity, Findings.Consumer consumer)
            throws IOException {
        List<Finding> ofUser = new ArrayList<>();
        List<AccountRule.Tally> tallies = tallies(severity);
        try (ReportRows report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                if (only != null && !only.test(user.user()) || ignoring(user.user()) != null) {
                    continue;
                }
                ofUser.clear();
                check(user, settings, finding -> {
                    if (finding.severity() == severity) {
                        ofUser.add(finding);
                    }
                });
                for (Finding finding : ofUser) {
                    consumer.accept(judged(finding));
                }
                tallies.forEach(tally -> tally.add(user));
            }
        }
        // Findings about the account come after those about its users, within their severity.
        List<Finding> ofAccount = new ArrayList<>();
        for (AccountRule.Tally tally : tallies) {
            tally.finish(settings, ofAccount::add);
        }
        for (Finding finding : ofAccount) {
            consumer.accept(judged(finding));
        }
    }

    /** A fresh tally of each account rule, or of those of one severity. */
    private List<AccountRule.Tally> tallies(Severity severity) {
        List<AccountRule.Tally> tallies = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof AccountRule account && (severity == null || rule.info().severity() == severity)) {
                tallies.add(account.tally());
            }
        }
        return tallies;
    }

    private void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        for (Rule rule : rules) {
            rule.check(user, settings, findings);
        }
    }

    private UserPattern ignoring(String user) {
        for (UserPattern pattern : ignore) {
            if (pattern.matches(user)) {
                return pattern;
            }
        }
        return null;
    }
}

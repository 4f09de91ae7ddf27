package dev.credreport.render.html;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.AccountAudit;
import dev.credreport.audit.Control;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Owners;
import dev.credreport.audit.Finding;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.RuleIds;
import dev.credreport.audit.Severity;
import dev.credreport.core.HumanTime;
import dev.credreport.report.AccessKey;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.SigningCertificate;
import dev.credreport.report.UserCredentials;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads one account's report into what the page shows of it: figures, pictures, recommendations, rows. */
final class AccountViews {
    private AccountViews() {
    }

    /**
     * What the page shows of one account. Old keys and unused credentials are audit's findings of
     * access-key-not-rotated and credentials-unused, counted once, so the page and the audit of the
     * same report cannot disagree (--ignore-users included).
     */
    static AccountView view(ReportInput report, AccountAudit audit, List<HistoryPoint> history, Instant now, String name) {
        return view(report, audit, history, now, name, null);
    }

    /**
     * As {@link #view(ReportInput, AccountAudit, List, Instant, String)}, showing only the rows of the
     * users {@code only} accepts (a page per owner), or every row when it is null. The audit must have
     * been made of the same users.
     */
    static AccountView view(ReportInput report, AccountAudit audit, List<HistoryPoint> history, Instant now, String name,
            java.util.function.Predicate<String> only) {
        AuditResult result = audit.result();
        AuditSettings settings = result.settings();
        Instant asOf = settings.asOf();
        Map<Long, List<Finding>> findingsByLine = new HashMap<>();
        Map<Long, List<Finding>> acceptedByLine = new HashMap<>();
        Map<String, Integer> findingsByRule = new HashMap<>();
        String anchorId = result.accountId() == null ? "unknown" : result.accountId();
        List<Finding> acceptedFindings = new ArrayList<>();
        List<Recommendation> recommendations = recommendations(audit, findingsByLine, findingsByRule, "account-" + anchorId,
                acceptedFindings);
        for (Finding finding : acceptedFindings) {
            if (finding.line() > 0) {
                acceptedByLine.computeIfAbsent(finding.line(), key -> new ArrayList<>()).add(finding);
            }
        }
        List<Finding> rootFindings = List.of();

        List<UserRow> rows = new ArrayList<>();
        Counter counter = new Counter();
        int[] keyAges = new int[4];
        int[] activity = new int[5];
        int mfaOn = 0;
        Glance.RootStatus root = new Glance.RootStatus(false, false, 0, 0, "", false);
        String account = result.accountId();
        try (ReportRows reader = report.openReport()) {
            while (reader.hasNext()) {
                UserCredentials user = reader.next();
                account = account == null ? user.accountId() : account;
                if (only != null && !only.test(user.user())) {
                    continue;
                }
                List<Finding> onRow = findingsByLine.getOrDefault(user.line(), List.of());
                String owner = audit.owners() == null ? null
                        : UntrustedText.escape(user.isRoot() ? Owners.NO_OWNER : audit.owners().of(user.user()));
                rows.add(row(user, asOf, onRow, acceptedByLine.getOrDefault(user.line(), List.of()),
                        "account-" + anchorId, owner));
                for (AccessKey key : user.accessKeys()) {
                    if (key.isActive()) {
                        counter.activeKeys++;
                        if (key.lastRotated().isPresent()) {
                            keyAges[keyAgeBucket(Duration.between(key.lastRotated().value(), asOf))]++;
                        }
                    }
                }
                if (user.isRoot()) {
                    root = root(user, asOf);
                    rootFindings = onRow;
                    continue;
                }
                counter.users++;
                if (user.password().isEnabled()) {
                    counter.console++;
                    if (user.hasMfa()) {
                        mfaOn++;
                    } else {
                        counter.consoleWithoutMfa++;
                    }
                }
                activity[activityBucket(lastActivity(user), asOf)]++;
            }
        }
        Glance glance = new Glance(counter.users, counter.console, counter.consoleWithoutMfa, counter.activeKeys,
                ran(result, RuleIds.ACCESS_KEY_NOT_ROTATED) ? findingsByRule.getOrDefault(RuleIds.ACCESS_KEY_NOT_ROTATED, 0) : null,
                ran(result, RuleIds.CREDENTIALS_UNUSED) ? findingsByRule.getOrDefault(RuleIds.CREDENTIALS_UNUSED, 0) : null, root,
                worst(rootFindings));
        List<BarChart> charts = List.of(
                BarChart.of("key-age", "Active access keys by age",
                        List.of("under 30 days", "30 to 90 days", "90 to 365 days", "over 365 days"),
                        List.of(keyAges[0], keyAges[1], keyAges[2], keyAges[3]), List.of("good", "ok", "warn", "bad")),
                BarChart.of("activity", "Users by last activity",
                        List.of("in the last week", "in the last month", "in the last quarter", "longer ago", "never"),
                        List.of(activity[0], activity[1], activity[2], activity[3], activity[4]),
                        List.of("good", "good", "ok", "warn", "none")),
                BarChart.of("mfa", "Console users by MFA", List.of("with MFA", "without MFA"),
                        List.of(mfaOn, counter.consoleWithoutMfa), List.of("good", "bad")));
        String id = account == null ? "unknown" : account;
        Instant generated = result.generatedTime();
        return new AccountView(id, name == null ? null : UntrustedText.escape(name), "account-" + id,
                generated == null ? "not recorded in the file" : Words.minute(generated),
                generated == null ? "" : Words.age(generated, now), Words.minute(asOf), result.source(), glance, result,
                charts, Trends.charts(history), history, recommendations, rows, settings.rotationDays(),
                settings.unusedDays(), audit.owners() == null ? null : UntrustedText.escape(audit.owners().tag()),
                acceptedRisks(acceptedFindings, audit, asOf));
    }

    private static final class Counter {
        int users;
        int console;
        int consoleWithoutMfa;
        int activeKeys;
    }

    /** Whether the rule was part of the audit (--rules may leave it out): a figure it did not judge is not shown as 0. */
    private static boolean ran(AuditResult result, String ruleId) {
        return result.rules().stream().anyMatch(rule -> rule.id().equals(ruleId));
    }

    /** Groups audit's findings by rule, worst first, rules in audit's order within a severity. */
    private static List<Recommendation> recommendations(AccountAudit audit, Map<Long, List<Finding>> findingsByLine,
            Map<String, Integer> counts, String anchor, List<Finding> accepted) {
        Map<String, Integer> open = new HashMap<>();
        Map<String, java.util.Set<String>> users = new HashMap<>();
        AuditResult result = audit.result();
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (RuleInfo rule : result.rules()) {
            byRule.put(rule.id(), new ArrayList<>());
        }
        Map<String, List<String>> names = new HashMap<>();
        try {
            audit.findings().forEach(finding -> {
                String id = finding.rule().id();
                // The cards count facts (old keys, unused credentials), accepted or not.
                counts.merge(id, 1, Integer::sum);
                if (finding.isExcepted()) {
                    // An accepted risk is listed apart: no recommendation, no colour on its row.
                    accepted.add(finding);
                    return;
                }
                if (finding.line() > 0) {
                    findingsByLine.computeIfAbsent(finding.line(), key -> new ArrayList<>()).add(finding);
                }
                users.computeIfAbsent(id, key -> new java.util.HashSet<>()).add(finding.user());
                int seen = open.merge(id, 1, Integer::sum);
                if (seen <= Recommendation.DETAILED) {
                    byRule.get(id).add(finding);
                } else {
                    names.computeIfAbsent(id, key -> new ArrayList<>()).add(Words.person(UntrustedText.escape(finding.user())));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Severity, List<Recommendation>> bySeverity = new EnumMap<>(Severity.class);
        for (RuleInfo rule : result.rules()) {
            List<Finding> detailed = byRule.get(rule.id());
            if (detailed.isEmpty()) {
                continue;
            }
            List<Recommendation.Affected> affected = new ArrayList<>();
            for (Finding finding : detailed) {
                affected.add(new Recommendation.Affected(Words.person(UntrustedText.escape(finding.user())),
                        Words.plain(UntrustedText.escape(finding.evidence())),
                        finding.owner() == null ? null : UntrustedText.escape(finding.owner())));
            }
            String controls = rule.controlsShown(result.settings().cisVersion()).stream().map(Control::label)
                    .collect(Collectors.joining(", "));
            bySeverity.computeIfAbsent(rule.severity(), key -> new ArrayList<>()).add(new Recommendation(rule,
                    open.get(rule.id()), affected, names.getOrDefault(rule.id(), List.of()), controls,
                    users.get(rule.id()).size(), anchor + "-" + rule.id()));
        }
        List<Recommendation> ordered = new ArrayList<>();
        bySeverity.values().forEach(ordered::addAll);
        return ordered;
    }

    /** The accepted risks in words, worst first as audit gives them. */
    private static List<AcceptedRisk> acceptedRisks(List<Finding> accepted, AccountAudit audit, Instant asOf) {
        List<AcceptedRisk> risks = new ArrayList<>();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(asOf, java.time.ZoneOffset.UTC);
        for (Finding finding : accepted) {
            ExceptionEntry entry = finding.exception();
            long days = entry.expires() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(today, entry.expires());
            String lapses = days <= 0 ? "lapses after today" : days == 1 ? "lapses after tomorrow"
                    : "lapses in " + days + " days";
            risks.add(new AcceptedRisk(Words.person(UntrustedText.escape(finding.user())),
                    audit.owners() == null ? null : UntrustedText.escape(finding.owner() == null ? Owners.NO_OWNER
                            : finding.owner()),
                    finding.rule().title(), finding.severity().label(), Words.plain(UntrustedText.escape(finding.evidence())),
                    UntrustedText.escape(entry.expiresText()), lapses, UntrustedText.escape(entry.reason()),
                    entry.owner() == null ? null : UntrustedText.escape(entry.owner()),
                    entry.ticket() == null ? null : UntrustedText.escape(entry.ticket()),
                    UntrustedText.escape(entry.source()) + " line " + entry.line()));
        }
        return risks;
    }

    /** The worst severity among findings, as a label, or "none". */
    static String worst(List<Finding> findings) {
        return findings.stream().map(finding -> finding.rule().severity()).min(Severity::compareTo)
                .map(Severity::label).orElse("none");
    }

    /** The colour class of a key: green only when active and no finding names it. */
    private static String keyTone(AccessKey key, List<Finding> findings, List<Finding> accepted) {
        if (!key.exists() || !key.isActive()) {
            return "";
        }
        List<Finding> touching = findings.stream().filter(finding -> touches(finding, key)).toList();
        if (!touching.isEmpty()) {
            return "sev-" + worst(touching);
        }
        // An accepted risk on the key: neither red nor green.
        return accepted.stream().anyMatch(finding -> touches(finding, key)) ? "" : "ok";
    }

    /**
     * Whether a finding is about the key: its rule said so, or, for a finding about no one credential
     * (both keys active, root last used by a key), its evidence names the key.
     */
    private static boolean touches(Finding finding, AccessKey key) {
        dev.credreport.audit.Credential slot = dev.credreport.audit.Credential.accessKey(key.slot());
        return finding.credential() == slot || finding.credential() == dev.credreport.audit.Credential.NONE
                && Words.plain(finding.evidence()).contains("access key " + key.slot());
    }

    private static UserRow row(UserCredentials user, Instant asOf, List<Finding> onRow, List<Finding> acceptedOnRow,
            String anchor, String owner) {
        List<Finding> sorted = new ArrayList<>(onRow);
        sorted.sort(java.util.Comparator.comparing(finding -> finding.rule().severity()));
        List<UserRow.Why> why = new ArrayList<>();
        java.util.Set<String> severities = new java.util.LinkedHashSet<>();
        for (Finding finding : sorted) {
            severities.add(finding.rule().severity().label());
            why.add(new UserRow.Why(finding.rule().severity().label(), Words.plain(UntrustedText.escape(finding.evidence())),
                    anchor + "-" + finding.rule().id()));
        }
        List<UserRow.Why> accepted = new ArrayList<>();
        for (Finding finding : acceptedOnRow) {
            accepted.add(new UserRow.Why("accepted", "accepted until "
                    + UntrustedText.escape(finding.exception().expiresText()) + ": "
                    + Words.plain(UntrustedText.escape(finding.evidence())), anchor + "-accepted"));
        }
        List<String> kinds = new ArrayList<>();
        if (user.isRoot()) {
            kinds.add("root");
        }
        if (user.password().isEnabled()) {
            kinds.add("password");
        }
        if (user.accessKeys().stream().anyMatch(AccessKey::isActive)) {
            kinds.add("key");
        }
        if (user.certificates().stream().anyMatch(SigningCertificate::isActive)) {
            kinds.add("certificate");
        }
        if (user.hasMfa()) {
            kinds.add("mfa");
        }
        int findings = onRow.size();
        boolean password = user.password().isEnabled();
        UserRow.When lastUsed;
        if (user.password().lastUsed().isPresent()) {
            lastUsed = Words.when(user.password().lastUsed().value(), asOf);
        } else {
            lastUsed = new UserRow.When(password || user.isRoot() ? "never" : "n/a", "", -1);
        }
        int activeCerts = 0;
        int certs = 0;
        for (SigningCertificate certificate : user.certificates()) {
            if (certificate.exists()) {
                certs++;
                activeCerts += certificate.isActive() ? 1 : 0;
            }
        }
        String certificates = certs == 0 ? "none" : activeCerts + " active" + (certs > activeCerts ? ", " + (certs - activeCerts) + " inactive" : "");
        return new UserRow(Words.person(UntrustedText.escape(user.user())), UntrustedText.escape(user.arn()), user.isRoot(), new UserRow.When(Words.date(user.creationTime()), "",
                user.creationTime().getEpochSecond()), user.isRoot() ? "n/a" : password ? "yes" : "no", lastUsed,
                user.hasMfa() ? "yes" : "no", !user.hasMfa() && (password || user.isRoot()),
                key(user.accessKey1(), asOf, onRow, acceptedOnRow), key(user.accessKey2(), asOf, onRow, acceptedOnRow),
                certificates, findings, worst(onRow), String.join(" ", severities), String.join(" ", kinds), why, owner,
                accepted);
    }

    private static UserRow.Key key(AccessKey key, Instant asOf, List<Finding> findings, List<Finding> accepted) {
        if (!key.exists()) {
            return new UserRow.Key("none", false, "\u2013", -1, new UserRow.When("\u2013", "", -1), "");
        }
        String age = key.lastRotated().isPresent() ? HumanTime.old(key.lastRotated().value(), asOf).replace(" old", "") : "n/a";
        long ageSort = key.lastRotated().isPresent() ? Duration.between(key.lastRotated().value(), asOf).toSeconds() : -1;
        return new UserRow.Key(key.isActive() ? "active" : "inactive", key.isActive(), age, ageSort,
                Words.when(key.lastUsedDate(), asOf, "never"), keyTone(key, findings, accepted));
    }

    private static Glance.RootStatus root(UserCredentials user, Instant asOf) {
        int keys = 0;
        for (AccessKey key : user.accessKeys()) {
            keys += key.isActive() ? 1 : 0;
        }
        int certs = 0;
        for (SigningCertificate certificate : user.certificates()) {
            certs += certificate.isActive() ? 1 : 0;
        }
        Instant last = lastActivity(user);
        boolean credentials = keys > 0 || certs > 0 || user.hasMfa() || user.password().isEnabled()
                || user.password().lastUsed().isPresent();
        return new Glance.RootStatus(true, user.hasMfa(), keys, certs, last == null ? "never" : Words.dated(last, asOf), credentials);
    }

    /** The latest use of the password or either key, or null for never. */
    static Instant lastActivity(UserCredentials user) {
        Instant last = user.password().lastUsed().orElse(null);
        for (AccessKey key : user.accessKeys()) {
            Instant used = key.lastUsedDate().orElse(null);
            if (used != null && (last == null || used.isAfter(last))) {
                last = used;
            }
        }
        return last;
    }

    private static int keyAgeBucket(Duration age) {
        long days = age.toDays();
        return days < 30 ? 0 : days < 90 ? 1 : days < 365 ? 2 : 3;
    }

    private static int activityBucket(Instant last, Instant asOf) {
        if (last == null) {
            return 4;
        }
        long days = Duration.between(last, asOf).toDays();
        return days < 7 ? 0 : days < 30 ? 1 : days < 90 ? 2 : 3;
    }
}

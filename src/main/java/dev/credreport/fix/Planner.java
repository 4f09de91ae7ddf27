package dev.credreport.fix;

import dev.credreport.audit.Control;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.RuleIds;
import dev.credreport.report.AccessKey;
import dev.credreport.report.SigningCertificate;
import dev.credreport.report.UserCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes a plan from one account's report rows and audit findings: one action per credential not in use,
 * and steps for people where a change needs its owner (root, old keys in use, keys that cannot be joined).
 */
public final class Planner {
    private final Duration minIdle;
    private final Duration quarantine;
    private final Exemptions exemptions;
    private final Clock clock;
    private final List<Action> actions = new ArrayList<>();
    private final List<String> manual = new ArrayList<>();
    private final Set<String> planned = new HashSet<>();

    public Planner(Duration minIdle, Duration quarantine, Exemptions exemptions, Clock clock) {
        this.minIdle = minIdle;
        this.quarantine = quarantine;
        this.exemptions = exemptions;
        this.clock = clock;
    }

    /**
     * Adds one account's actions.
     *
     * @param account the account id
     * @param users the report's rows, by user name
     * @param findings the audit's findings
     * @param iam the account's IAM, for ListAccessKeys, GetAccessKeyLastUsed and the quarantine tag
     */
    public void add(String account, Map<String, UserCredentials> users, List<Finding> findings, IamFixes iam) {
        Map<String, List<Finding>> byUser = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byUser.computeIfAbsent(finding.user(), user -> new ArrayList<>()).add(finding);
        }
        for (Map.Entry<String, List<Finding>> entry : byUser.entrySet()) {
            String user = entry.getKey();
            UserCredentials row = users.get(user);
            if (row == null || row.isRoot() || Safety.notRoot(user).isPresent() || user.equals(Finding.ACCOUNT)) {
                for (Finding finding : entry.getValue()) {
                    manual.add(prefix(account) + (row != null && row.isRoot() ? "root" : user) + ": " + finding.rule().id() + ": "
                            + finding.evidence() + "; " + finding.rule().remediation() + " (root and the account are never "
                            + "changed by credreport)");
                }
                continue;
            }
            // Findings that a credential is unused first: a key both old and unused is deactivated, not left to people.
            List<Finding> ordered = new ArrayList<>(entry.getValue());
            ordered.sort(java.util.Comparator.comparing(finding -> !finding.rule().id().equals(RuleIds.CREDENTIALS_UNUSED)));
            try {
                planUser(account, row, ordered, iam);
            } catch (CredentialGone gone) {
                manual.add(prefix(account) + user + ": " + gone.getMessage() + "; not planned");
            }
        }
        // Keys inactive in the report that credreport deactivated long enough ago: delete.
        for (UserCredentials row : users.values()) {
            if (row.isRoot()) {
                continue;
            }
            for (AccessKey key : row.accessKeys()) {
                if (key.exists() && !key.isActive()) {
                    try {
                        planDelete(account, row, key, iam);
                    } catch (CredentialGone gone) {
                        manual.add(prefix(account) + row.user() + ": " + gone.getMessage() + "; not planned");
                    }
                }
            }
        }
    }

    public Plan plan(Instant asOf) {
        List<Action> numbered = new ArrayList<>();
        for (Action action : actions) {
            numbered.add(new Action(numbered.size() + 1, action.kind(), action.account(), action.user(), action.credentialId(),
                    action.slot(), action.created(), action.lastUsed(), action.why()));
        }
        return new Plan(clock.instant(), asOf, minIdle, quarantine, numbered, manual);
    }

    private void planUser(String account, UserCredentials row, List<Finding> findings, IamFixes iam) {
        List<KeyFacts> keys = null;
        List<KeyFacts> certificates = null;
        for (Finding finding : findings) {
            String evidence = finding.evidence();
            String why = why(finding);
            int certificateSlot = finding.credential() == Credential.CERT_1 ? 1 : finding.credential() == Credential.CERT_2 ? 2 : 0;
            if (certificateSlot != 0) {
                if (certificates == null) {
                    certificates = iam.certificates(row.user());
                }
                planCertificate(account, row, row.certificates().get(certificateSlot - 1), certificates, evidence, why);
                continue;
            }
            int slot = finding.credential() == Credential.ACCESS_KEY_1 ? 1 : finding.credential() == Credential.ACCESS_KEY_2 ? 2 : 0;
            boolean unused = finding.rule().id().equals(RuleIds.CREDENTIALS_UNUSED);
            if (slot != 0) {
                AccessKey key = slot == 1 ? row.accessKey1() : row.accessKey2();
                if (keys == null) {
                    keys = iam.keys(row.user());
                }
                Optional<KeyFacts> joined = join(key, keys, row.user(), iam);
                if (joined.isEmpty()) {
                    manual.add(prefix(account) + row.user() + ": access key " + slot + ": " + evidence
                            + "; no single key of ListAccessKeys has its creation time, so it was not planned");
                    continue;
                }
                KeyFacts facts = joined.get();
                if (!planned.add(account + "/" + facts.accessKeyId())) {
                    continue;
                }
                Instant lastUsed = iam.lastUsed(row.user(), facts.accessKeyId()).orElse(null);
                Optional<String> refusal = Safety.idleLongEnough(lastUsed, minIdle, clock)
                        .or(() -> Safety.notExcepted(exemptions, account, row.user(), "access_key_" + slot));
                if (!unused || refusal.isPresent() || !facts.active()) {
                    // Decided: a step for people (or nothing, when it is inactive already); later findings on it add nothing.
                    if (facts.active()) {
                        manual.add(prefix(account) + row.user() + ": access key " + slot + " (" + facts.accessKeyId() + "): "
                                + evidence + "; " + refusal.orElse("in use") + ": rotating it needs its application's owner");
                    }
                    continue;
                }
                actions.add(new Action(0, ActionKind.DEACTIVATE_KEY, account, row.user(), facts.accessKeyId(), slot,
                        facts.created(), lastUsed, why));
            } else if (finding.credential() == Credential.PASSWORD && unused) {
                Instant lastUsed = row.password().lastUsed().isPresent() ? row.password().lastUsed().value() : null;
                Optional<String> refusal = Safety.idleLongEnough(lastUsed, minIdle, clock)
                        .or(() -> Safety.notExcepted(exemptions, account, row.user(), "password"));
                if (refusal.isPresent()) {
                    manual.add(prefix(account) + row.user() + ": " + evidence + "; " + refusal.get());
                } else if (planned.add(account + "/" + row.user() + "/password")) {
                    actions.add(new Action(0, ActionKind.DELETE_LOGIN_PROFILE, account, row.user(), null, 0, null, lastUsed, why));
                }
            }
        }
    }

    /**
     * Deactivating a signing certificate a finding names (an old one: signing-certificate-not-rotated): the certificate
     * of ListSigningCertificates uploaded when the report's slot says, unless excepted. IAM records no last use of
     * signing certificates, so --min-idle cannot be checked; deactivating is what the plan proposes (undo reactivates it).
     */
    private void planCertificate(String account, UserCredentials row, SigningCertificate slot, List<KeyFacts> certificates,
            String evidence, String why) {
        Optional<KeyFacts> joined = joinCertificate(slot, certificates);
        if (joined.isEmpty()) {
            manual.add(prefix(account) + row.user() + ": " + evidence + "; no single certificate of ListSigningCertificates "
                    + "was uploaded when the report says, so it was not planned");
            return;
        }
        KeyFacts facts = joined.get();
        if (!planned.add(account + "/" + facts.accessKeyId())) {
            return;
        }
        Optional<String> refusal = Safety.notExcepted(exemptions, account, row.user(), "cert_" + slot.slot());
        if (refusal.isPresent() || !facts.active()) {
            if (facts.active()) {
                manual.add(prefix(account) + row.user() + ": signing certificate " + slot.slot() + " (" + facts.accessKeyId()
                        + "): " + evidence + "; " + refusal.get());
            }
            return;
        }
        actions.add(new Action(0, ActionKind.DEACTIVATE_CERTIFICATE, account, row.user(), facts.accessKeyId(), slot.slot(),
                facts.created(), null, why + "; IAM records no last use of signing certificates"));
    }

    /**
     * The certificate of ListSigningCertificates uploaded when the report's slot says (its cert_N_last_rotated), if
     * exactly one is. Two uploaded in the same second are not told apart (their status may have changed since the
     * report, so it cannot say which is which), nor is a slot with no upload time: never a certificate other than
     * the finding's.
     */
    static Optional<KeyFacts> joinCertificate(SigningCertificate slot, List<KeyFacts> certificates) {
        if (!slot.lastRotated().isPresent()) {
            return Optional.empty();
        }
        Instant uploaded = slot.lastRotated().value().truncatedTo(ChronoUnit.SECONDS);
        List<KeyFacts> matching = certificates.stream()
                .filter(facts -> facts.created() != null && facts.created().truncatedTo(ChronoUnit.SECONDS).equals(uploaded))
                .toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private void planDelete(String account, UserCredentials row, AccessKey key, IamFixes iam) {
        List<KeyFacts> keys = iam.keys(row.user());
        Optional<KeyFacts> joined = join(key, keys, row.user(), iam);
        if (joined.isEmpty() || !planned.add(account + "/" + joined.get().accessKeyId())) {
            return;
        }
        KeyFacts facts = joined.get();
        Instant deactivated = iam.deactivatedAt(row.user(), facts.accessKeyId()).orElse(null);
        Instant lastUsed = iam.lastUsed(row.user(), facts.accessKeyId()).orElse(null);
        if (deactivated == null || Safety.quarantined(facts, deactivated, quarantine, clock).isPresent()
                || Safety.idleLongEnough(lastUsed, minIdle, clock).isPresent()
                || Safety.notExcepted(exemptions, account, row.user(), "access_key_" + key.slot()).isPresent()) {
            planned.remove(account + "/" + facts.accessKeyId());
            return;
        }
        actions.add(new Action(0, ActionKind.DELETE_KEY, account, row.user(), facts.accessKeyId(), key.slot(), facts.created(),
                lastUsed, "inactive since credreport deactivated it " + deactivated + ", at least --quarantine "
                        + quarantine.toDays() + "d ago"));
    }

    /**
     * The key of ListAccessKeys created when the report's slot says, if exactly one is; two keys created in
     * the same second are told apart by whether each was ever used, when the report's slot says so. Anything
     * else is not joined, and the credential becomes a step for people: never a key other than the finding's.
     */
    static Optional<KeyFacts> join(AccessKey key, List<KeyFacts> keys, String user, IamFixes iam) {
        Optional<KeyFacts> byCreation = join(key, keys);
        if (byCreation.isPresent() || !key.lastRotated().isPresent()) {
            return byCreation;
        }
        Instant created = key.lastRotated().value().truncatedTo(ChronoUnit.SECONDS);
        boolean usedInReport = key.lastUsedDate().isPresent();
        List<KeyFacts> matching = keys.stream()
                .filter(facts -> facts.created() != null && facts.created().truncatedTo(ChronoUnit.SECONDS).equals(created))
                .filter(facts -> iam.lastUsed(user, facts.accessKeyId()).isPresent() == usedInReport)
                .toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /** The key of ListAccessKeys created when the report's slot says, if exactly one is. */
    static Optional<KeyFacts> join(AccessKey key, List<KeyFacts> keys) {
        if (!key.lastRotated().isPresent()) {
            return Optional.empty();
        }
        Instant created = key.lastRotated().value().truncatedTo(ChronoUnit.SECONDS);
        List<KeyFacts> matching = keys.stream()
                .filter(facts -> facts.created() != null && facts.created().truncatedTo(ChronoUnit.SECONDS).equals(created))
                .toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private static String why(Finding finding) {
        String controls = finding.rule().controls().stream().map(Control::id).distinct().collect(Collectors.joining(", "));
        return finding.rule().id() + ": " + finding.evidence() + (controls.isEmpty() ? "" : " [" + controls + "]");
    }

    private static String prefix(String account) {
        return account == null || account.isEmpty() ? "" : account + " ";
    }
}

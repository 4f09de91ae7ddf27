package dev.credreport.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExceptionsTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final RuleInfo ROTATED = rule("access-key-not-rotated");
    private static final RuleInfo UNUSED = rule("credentials-unused");
    private static final RuleInfo ROOT_MFA = rule("root-no-mfa");
    private static final List<RuleInfo> RULES = List.of(ROTATED, UNUSED, ROOT_MFA);
    private static final String ACCOUNT = "123456789012";
    private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":user/ci-deploy";

    private static RuleInfo rule(String id) {
        return new RuleInfo(id, id, Severity.MEDIUM, "", "fix it");
    }

    private static Exceptions parse(String yaml) {
        return Exceptions.parse("ex.yaml", yaml, RULES, Exceptions.DEFAULT_MAX_DAYS, TODAY);
    }

    private static String entry(String rule, String user, String extra) {
        return "  - rule: " + rule + "\n    user: " + user + "\n    reason: vendor key\n    expires: 2027-01-31\n" + extra;
    }

    private static Optional<ExceptionEntry> match(Exceptions exceptions, RuleInfo rule, String user, String credential) {
        return exceptions.match(ACCOUNT, user, "arn:aws:iam::" + ACCOUNT + ":user/" + user, rule, credential, TODAY);
    }

    @Test
    void reads_every_key_of_the_readme_shape() {
        Exceptions exceptions = parse("""
                exceptions:
                  - rule: access-key-not-rotated   # a rule id
                    user: ci-deploy
                    account: "123456789012"
                    credential: access_key_2
                    reason: Vendor key, replaced when the vendor ships SSO
                    expires: 2027-01-31
                    owner: platform-team
                    ticket: SEC-123
                """);
        ExceptionEntry entry = exceptions.entries().get(0);
        assertEquals(new ExceptionEntry("ex.yaml", 2, "access-key-not-rotated", "ci-deploy", ACCOUNT, "access_key_2",
                "Vendor key, replaced when the vendor ships SSO", LocalDate.of(2027, 1, 31), "2027-01-31",
                "platform-team", "SEC-123"), entry);
    }

    @Test
    void matches_exact_names_and_globs_but_not_other_users() {
        Exceptions exceptions = parse("exceptions:\n" + entry("access-key-not-rotated", "ci-deploy", "")
                + entry("credentials-unused", "'svc-*'", ""));
        assertTrue(match(exceptions, ROTATED, "ci-deploy", "access_key_1").isPresent());
        assertFalse(match(exceptions, ROTATED, "ci-deploy2", "access_key_1").isPresent());
        assertFalse(match(exceptions, UNUSED, "ci-deploy", "password").isPresent());
        assertTrue(match(exceptions, UNUSED, "svc-backup", "password").isPresent());
        assertFalse(match(exceptions, UNUSED, "my-svc-backup", "password").isPresent());
    }

    @Test
    void matches_arns_and_arn_globs() {
        Exceptions exceptions = parse("exceptions:\n" + entry("access-key-not-rotated", ARN, "")
                + entry("credentials-unused", "'arn:aws:iam::999999999999:user/*'", ""));
        assertTrue(match(exceptions, ROTATED, "ci-deploy", null).isPresent());
        assertFalse(match(exceptions, ROTATED, "other", null).isPresent());
        assertFalse(match(exceptions, UNUSED, "ci-deploy", null).isPresent(), "another account's ARN");
        assertTrue(exceptions.match("999999999999", "x", "arn:aws:iam::999999999999:user/x", UNUSED, null, TODAY)
                .isPresent());
    }

    @Test
    void matches_security_hub_and_cis_control_ids() {
        Exceptions exceptions = parse("exceptions:\n" + entry("IAM.3", "a", "") + entry("'CIS 7.0.0 2.11'", "b", "")
                + entry("Security Hub IAM.9", "c", ""));
        assertTrue(match(exceptions, ROTATED, "a", null).isPresent());
        assertFalse(match(exceptions, UNUSED, "a", null).isPresent());
        assertTrue(match(exceptions, UNUSED, "b", null).isPresent(), "CIS 7.0.0 2.11 is credentials-unused");
        assertFalse(match(exceptions, ROTATED, "b", null).isPresent(), "CIS 7.0.0 2.12 is key rotation");
        assertTrue(match(exceptions, ROOT_MFA, "c", null).isPresent());
    }

    @Test
    void an_entry_for_one_credential_covers_only_that_one() {
        Exceptions exceptions = parse("exceptions:\n" + entry("access-key-not-rotated", "ci-deploy", "    credential: access_key_2\n"));
        assertTrue(match(exceptions, ROTATED, "ci-deploy", "access_key_2").isPresent());
        assertFalse(match(exceptions, ROTATED, "ci-deploy", "access_key_1").isPresent());
        assertFalse(match(exceptions, ROTATED, "ci-deploy", null).isPresent());
    }

    @Test
    void an_entry_for_one_account_covers_no_other() {
        Exceptions exceptions = parse("exceptions:\n" + entry("access-key-not-rotated", "ci-deploy", "    account: '123456789012'\n"));
        assertTrue(match(exceptions, ROTATED, "ci-deploy", null).isPresent());
        assertFalse(exceptions.match("210987654321", "ci-deploy", "arn:aws:iam::210987654321:user/ci-deploy", ROTATED,
                null, TODAY).isPresent());
    }

    @Test
    void matches_the_credential_the_rule_set_not_the_words_of_the_evidence() {
        Finding key2 = new Finding(ROTATED, "ci-deploy", ARN, 3, "created 2025-01-01, 400 days ago", Credential.ACCESS_KEY_2);
        Finding cert1 = new Finding(ROTATED, "ci-deploy", ARN, 3, "signing certificate 1 created 2025-01-01",
                Credential.CERT_1);
        // Evidence that reads like key 2 but a rule that said no credential: an entry for key 2 does not cover it.
        Finding none = new Finding(UNUSED, "ci-deploy", ARN, 3, "access key 2 and access key 1 are both active");
        assertEquals(Credential.NONE, none.credential());
        assertEquals(ACCOUNT, Exceptions.accountOf(ARN));
        Exceptions exceptions = parse("exceptions:\n" + entry("access-key-not-rotated", "ci-deploy",
                "    account: '123456789012'\n    credential: access_key_2\n"));
        assertTrue(exceptions.match(key2, TODAY).isPresent());
        assertFalse(exceptions.match(cert1, TODAY).isPresent());
        assertFalse(parse("exceptions:\n" + entry("credentials-unused", "ci-deploy", "    credential: access_key_2\n"))
                .match(none, TODAY).isPresent());
        assertTrue(parse("exceptions:\n" + entry("credentials-unused", "ci-deploy", ""))
                .match(none, TODAY).isPresent(), "an entry naming no credential covers a finding about none");
        // The excepted and noted copies keep the credential.
        assertEquals(Credential.ACCESS_KEY_2, key2.noted("n").excepted(exceptions.entries().get(0)).credential());
    }

    private static CredreportException refusal(String yaml) {
        CredreportException e = assertThrows(CredreportException.class, () -> parse(yaml));
        assertEquals(ExitCode.USAGE, e.exitCode());
        return e;
    }

    @Test
    void refuses_an_entry_without_reason_or_expires_naming_file_and_line() {
        String noReason = "exceptions:\n" + entry("IAM.3", "a", "")
                + "  - rule: IAM.3\n    user: b\n    expires: 2027-01-01\n";
        assertEquals("exceptions file ex.yaml line 6: the entry has no reason; add reason: why the risk is accepted",
                refusal(noReason).getMessage());
        String noExpiry = "exceptions:\n  - rule: IAM.3\n    user: b\n    reason: because\n";
        assertTrue(refusal(noExpiry).getMessage().startsWith("exceptions file ex.yaml line 2: the entry has no expires"));
        assertTrue(refusal("exceptions:\n  - rule: IAM.3\n    reason: r\n    expires: 2027-01-01\n").getMessage()
                .contains("no user"));
    }

    @Test
    void refuses_unknown_keys_rules_credentials_and_accounts() {
        assertTrue(refusal("exceptions:\n" + entry("IAM.3", "a", "    expiry: 2027-01-01\n")).getMessage()
                .contains("line 6: unknown key 'expiry'"));
        assertTrue(refusal("exceptions:\n" + entry("no-such-rule", "a", "")).getMessage()
                .contains("line 2: unknown rule 'no-such-rule'"));
        assertTrue(refusal("exceptions:\n" + entry("IAM.99", "a", "")).getMessage().contains("unknown rule 'IAM.99'"));
        assertTrue(refusal("exceptions:\n" + entry("IAM.3", "a", "    credential: access_key_3\n")).getMessage()
                .contains("unknown credential 'access_key_3'"));
        assertTrue(refusal("exceptions:\n" + entry("IAM.3", "a", "    account: 12345\n")).getMessage()
                .contains("account '12345' is not 12 digits"));
        assertTrue(refusal("rules: []\n").getMessage().contains("unknown key 'rules'"));
        assertTrue(refusal("exceptions:\n  - rule: [a, b]\n").getMessage().contains("rule is a single value"));
        assertTrue(refusal("exceptions: [\n").getMessage().startsWith("exceptions file ex.yaml line "));
    }

    @Test
    void refuses_an_expiry_beyond_the_maximum_but_takes_the_last_allowed_day() {
        String last = "exceptions:\n  - {rule: IAM.3, user: a, reason: r, expires: 2027-12-04}\n";
        assertEquals(1, parse(last).entries().size());
        String beyond = "exceptions:\n  - {rule: IAM.3, user: a, reason: r, expires: 2027-12-05}\n";
        assertTrue(refusal(beyond).getMessage().contains("more than 365 days out"));
        assertEquals(1, Exceptions.parse("ex.yaml", beyond, RULES, 366, TODAY).entries().size());
        assertThrows(CredreportException.class, () -> Exceptions.parse("ex.yaml", last, RULES, 30, TODAY));
    }

    @Test
    void expiry_boundaries_on_an_injected_clock() {
        ExceptionEntry entry = parse("exceptions:\n  - {rule: IAM.3, user: a, reason: r, expires: 2026-12-18}\n")
                .entries().get(0);
        assertEquals(ExceptionEntry.State.ACTIVE, entry.state(day("2026-12-03"), 14));
        assertEquals(ExceptionEntry.State.EXPIRING_SOON, entry.state(day("2026-12-04"), 14));
        assertEquals(ExceptionEntry.State.EXPIRING_SOON, entry.state(Clock.fixed(Instant.parse("2026-12-18T23:59:59Z"),
                ZoneOffset.UTC), 14), "it holds through its last day");
        assertEquals(ExceptionEntry.State.EXPIRED, entry.state(day("2026-12-19"), 14));
        assertEquals(ExceptionEntry.State.ACTIVE, entry.state(day("2026-12-04"), 13));
    }

    private static Clock day(String date) {
        return Clock.fixed(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void an_unreadable_date_counts_as_expired_and_an_expired_entry_still_names_itself() {
        Exceptions exceptions = parse("exceptions:\n  - {rule: IAM.3, user: a, reason: r, expires: end of january}\n"
                + "  - {rule: IAM.3, user: b, reason: r, expires: 2026-12-01}\n"
                + "  - {rule: IAM.3, user: b, reason: r, expires: 2026-12-31}\n");
        ExceptionEntry unreadable = exceptions.entries().get(0);
        assertNull(unreadable.expires());
        assertEquals(ExceptionEntry.State.EXPIRED, unreadable.state(TODAY, 14));
        assertEquals(unreadable, match(exceptions, ROTATED, "a", null).orElseThrow());
        assertEquals(exceptions.entries().get(2), match(exceptions, ROTATED, "b", null).orElseThrow(),
                "the entry still in force wins over the expired one");
        assertEquals("ex.yaml line 2 (IAM.3 for a, expires end of january)", unreadable.label());
    }

    @Test
    void lists_entries_that_matched_nothing_as_stale() {
        Exceptions exceptions = parse("exceptions:\n" + entry("IAM.3", "a", "") + entry("IAM.3", "b", ""));
        ExceptionEntry used = match(exceptions, ROTATED, "a", null).orElseThrow();
        assertEquals(List.of(exceptions.entries().get(1)), exceptions.stale(List.of(used)));
    }

    @Test
    void an_empty_file_or_list_excepts_nothing() {
        assertTrue(parse("").isEmpty());
        assertTrue(parse("exceptions:\n").isEmpty());
        assertTrue(parse("exceptions: []\n").isEmpty());
        assertTrue(Exceptions.none().match(ACCOUNT, "a", ARN, ROTATED, null, TODAY).isEmpty());
    }
}

package dev.credreport.audit;

import dev.credreport.audit.rules.Rules;
import static dev.credreport.support.ReportRow.root;
import static dev.credreport.support.ReportRow.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.report.CredentialReportReader;
import dev.credreport.report.UserCredentials;
import dev.credreport.support.ReportRow;
import dev.credreport.support.SampleReports;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on a row where it fires, and on the near misses where it must not. */
class RulesTest {
    static final Instant AS_OF = Instant.parse("2024-06-01T00:00:00Z");
    static final AuditSettings DEFAULTS = new AuditSettings(AS_OF, 90, 45, 90);

    /** A time this many days before the as-of instant, as the report writes it. */
    static String daysAgo(int days) {
        return AS_OF.minusSeconds(days * 86400L).toString().replace("Z", "+00:00");
    }

    static String daysAndHoursAgo(int days, int hours) {
        return AS_OF.minusSeconds(days * 86400L + hours * 3600L).toString().replace("Z", "+00:00");
    }

    static UserCredentials parse(ReportRow row) {
        try (CredentialReportReader reader = CredentialReportReader.open(new java.io.ByteArrayInputStream(SampleReports.report(row.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            return reader.next();
        }
    }

    static List<Finding> check(String ruleId, ReportRow row) {
        return check(ruleId, row, DEFAULTS);
    }

    static List<Finding> check(String ruleId, ReportRow row, AuditSettings settings) {
        Rule rule = Rules.select(List.of(ruleId), List.of()).get(0);
        List<Finding> findings = new ArrayList<>();
        rule.check(parse(row), settings, findings::add);
        return findings;
    }

    static void assertFires(String ruleId, ReportRow row, String evidence) {
        List<Finding> findings = check(ruleId, row);
        assertEquals(1, findings.size(), ruleId + " should fire once on " + row + " but found " + findings);
        assertEquals(ruleId, findings.get(0).rule().id());
        assertEquals(evidence, findings.get(0).evidence());
    }

    static void assertQuiet(String ruleId, ReportRow row) {
        assertEquals(List.of(), check(ruleId, row), ruleId + " must not fire on " + row);
    }

    // --- root-access-key-active -----------------------------------------------------------------

    @Test
    void root_access_key_active_fires_for_an_active_root_key() {
        assertFires("root-access-key-active", root().key(2, true, daysAgo(400), "N/A"),
                "access key 2 is active, created 2023-04-28 (400d ago), never used");
    }

    @Test
    void root_access_key_active_ignores_inactive_root_keys_and_user_keys() {
        assertQuiet("root-access-key-active", root().key(1, false, daysAgo(400), daysAgo(300)));
        assertQuiet("root-access-key-active", user("alice").key(1, true, daysAgo(10), daysAgo(1)));
    }

    // --- root-no-mfa ----------------------------------------------------------------------------

    @Test
    void root_no_mfa_fires_when_root_has_no_mfa() {
        assertFires("root-no-mfa", root().mfa(false), "mfa_active is false");
    }

    @Test
    void root_no_mfa_is_quiet_with_mfa_for_users_and_for_absent_data() {
        assertQuiet("root-no-mfa", root());
        assertQuiet("root-no-mfa", user("alice").mfa(false));
        assertQuiet("root-no-mfa", root().set("mfa_active", "N/A"));
    }

    @Test
    void root_no_mfa_is_quiet_for_a_root_user_without_credentials_only() {
        ReportRow centrallyManaged = root().mfa(false).set("password_enabled", "false");
        assertQuiet("root-no-mfa", centrallyManaged);
        assertQuiet("root-no-mfa", root().mfa(false).set("password_enabled", "FALSE").key(1, false, daysAgo(400), "N/A"));
        assertTrue(RootCredentials.absent(parse(root().mfa(false).set("password_enabled", "false"))));

        assertFires("root-no-mfa", root().mfa(false).set("password_enabled", "false").key(2, true, daysAgo(400), "N/A"),
                "mfa_active is false");
        assertFires("root-no-mfa", root().mfa(false).set("password_enabled", "false").certificate(1, true, daysAgo(400)),
                "mfa_active is false");
        assertFires("root-no-mfa", root().mfa(false).set("password_enabled", "true"), "mfa_active is false");
        // not_supported, what the IAM user guide documents for root, tells nothing about the password.
        assertFires("root-no-mfa", root().mfa(false).set("password_enabled", "not_supported"), "mfa_active is false");
        assertFalse(RootCredentials.absent(parse(root().mfa(false))));
        assertFalse(RootCredentials.absent(parse(user("alice"))));
    }

    // --- root-recently-used ---------------------------------------------------------------------

    @Test
    void root_recently_used_fires_within_the_threshold_naming_the_latest_use() {
        assertFires("root-recently-used", root().set("password_last_used", daysAgo(89)),
                "last used by the password on 2024-03-04 (89d ago) (threshold 90d)");
        assertFires("root-recently-used", root().set("password_last_used", daysAgo(200)).key(2, false, daysAgo(300), daysAgo(10)),
                "last used by access key 2 on 2024-05-22 (10d ago) (threshold 90d)");
    }

    @Test
    void root_recently_used_is_quiet_past_the_threshold_never_used_and_for_users() {
        assertQuiet("root-recently-used", root().set("password_last_used", daysAndHoursAgo(90, 1)));
        assertQuiet("root-recently-used", root());
        assertQuiet("root-recently-used", root().set("password_last_used", "N/A"));
        assertQuiet("root-recently-used", user("alice").password(daysAgo(1), daysAgo(10)));
        assertEquals(List.of(), check("root-recently-used", root().set("password_last_used", daysAgo(40)),
                new AuditSettings(AS_OF, 30, 45, 90)));
    }

    // --- root-signing-certificate-active --------------------------------------------------------

    @Test
    void root_signing_certificate_active_fires_for_an_active_root_certificate() {
        assertFires("root-signing-certificate-active", root().certificate(1, true, daysAgo(5)),
                "signing certificate 1 is active, created 2024-05-27 (5d ago)");
    }

    @Test
    void root_signing_certificate_active_is_quiet_when_inactive_or_for_users() {
        assertQuiet("root-signing-certificate-active", root().certificate(1, false, daysAgo(5)));
        assertQuiet("root-signing-certificate-active", user("alice").certificate(1, true, daysAgo(5)));
    }

    // --- console-without-mfa --------------------------------------------------------------------

    @Test
    void console_without_mfa_fires_for_a_password_without_mfa() {
        assertFires("console-without-mfa", user("bob").password(daysAgo(3), daysAgo(30)),
                "password_enabled is true (last used 2024-05-29 (3d ago)), mfa_active is false");
        assertFires("console-without-mfa", user("bob").password("no_information", daysAgo(30)),
                "password_enabled is true (never used), mfa_active is false");
    }

    @Test
    void console_without_mfa_is_quiet_with_mfa_without_password_for_root_and_for_absent_data() {
        assertQuiet("console-without-mfa", user("bob").password(daysAgo(3), daysAgo(30)).mfa(true));
        assertQuiet("console-without-mfa", user("bob").key(1, true, daysAgo(3), daysAgo(1)));
        assertQuiet("console-without-mfa", root().mfa(false));
        assertQuiet("console-without-mfa", user("bob").password(daysAgo(3), daysAgo(30)).set("mfa_active", "not_supported"));
    }

    // --- credentials-unused ---------------------------------------------------------------------

    @Test
    void credentials_unused_fires_for_a_password_unused_for_the_threshold() {
        assertFires("credentials-unused", user("carol").password(daysAgo(45), daysAgo(100)).mfa(true),
                "password unused for 45d, last used 2024-04-17 (45d ago) (threshold 45d)");
    }

    @Test
    void credentials_unused_counts_a_never_used_password_from_its_last_change() {
        assertFires("credentials-unused", user("carol").password("no_information", daysAgo(50)).mfa(true),
                "password never used, set 2024-04-12 (50d ago) (threshold 45d)");
        assertQuiet("credentials-unused", user("carol").password("no_information", daysAgo(44)).mfa(true));
    }

    @Test
    void credentials_unused_counts_a_never_used_key_from_its_creation() {
        assertFires("credentials-unused", user("carol").key(2, true, daysAgo(46), "N/A"),
                "access key 2 never used, created 2024-04-16 (46d ago) (threshold 45d)");
        assertQuiet("credentials-unused", user("carol").key(2, true, daysAgo(44), "N/A"));
    }

    @Test
    void credentials_unused_fires_per_credential() {
        List<Finding> findings = check("credentials-unused", user("carol").password(daysAgo(60), daysAgo(100))
                .key(1, true, daysAgo(300), daysAgo(50)).key(2, true, daysAgo(3), daysAgo(1)));

        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).evidence().startsWith("password unused for 60d"));
        assertTrue(findings.get(1).evidence().startsWith("access key 1 unused for 50d"));
    }

    @Test
    void credentials_unused_is_quiet_one_day_under_for_inactive_keys_and_for_root() {
        assertQuiet("credentials-unused", user("carol").password(daysAgo(44), daysAgo(100)));
        assertQuiet("credentials-unused", user("carol").key(1, true, daysAgo(300), daysAgo(44)));
        assertQuiet("credentials-unused", user("carol").key(1, false, daysAgo(300), daysAgo(200)));
        assertQuiet("credentials-unused", root().set("password_last_used", daysAgo(300)));
        assertEquals(List.of(), check("credentials-unused", user("carol").key(1, true, daysAgo(300), daysAgo(60)),
                new AuditSettings(AS_OF, 90, 90, 90)), "Security Hub IAM.8 uses 90 days");
    }

    // --- access-key-not-rotated -----------------------------------------------------------------

    @Test
    void access_key_not_rotated_fires_past_the_threshold() {
        assertFires("access-key-not-rotated", user("dave").key(1, true, daysAgo(91), daysAgo(1)),
                "access key 1 created 2024-03-02 (91d ago) (threshold 90d)");
    }

    @Test
    void access_key_not_rotated_is_quiet_one_day_under_inactive_and_for_root() {
        assertQuiet("access-key-not-rotated", user("dave").key(1, true, daysAgo(89), daysAgo(1)));
        assertQuiet("access-key-not-rotated", user("dave").key(1, false, daysAgo(400), daysAgo(300)));
        assertQuiet("access-key-not-rotated", root().key(1, true, daysAgo(400), daysAgo(1)));
    }

    // --- multiple-active-access-keys ------------------------------------------------------------

    @Test
    void multiple_active_access_keys_fires_for_two_active_keys() {
        assertFires("multiple-active-access-keys",
                user("erin").key(1, true, daysAgo(10), daysAgo(1)).key(2, true, daysAgo(5), daysAgo(1)),
                "access_key_1_active and access_key_2_active are both true");
    }

    @Test
    void multiple_active_access_keys_is_quiet_with_one_inactive() {
        assertQuiet("multiple-active-access-keys",
                user("erin").key(1, true, daysAgo(10), daysAgo(1)).key(2, false, daysAgo(5), daysAgo(1)));
    }

    // --- access-key-created-at-setup ------------------------------------------------------------

    @Test
    void access_key_created_at_setup_fires_for_an_unused_key_made_with_a_console_user() {
        assertFires("access-key-created-at-setup",
                user("frank").password(daysAgo(2), "2024-01-01T00:00:00+00:00").mfa(true)
                        .key(1, true, "2024-01-01T00:05:00+00:00", "N/A"),
                "access key 1 created 2024-01-01T00:05:00Z, 5m after the user, never used; the user has a console password");
    }

    @Test
    void access_key_created_at_setup_is_quiet_for_used_later_or_passwordless_keys() {
        assertQuiet("access-key-created-at-setup",
                user("frank").password(daysAgo(2), daysAgo(100)).key(1, true, "2024-01-01T00:05:00+00:00", daysAgo(3)));
        assertQuiet("access-key-created-at-setup",
                user("frank").password(daysAgo(2), daysAgo(100)).key(1, true, "2024-01-01T01:00:01+00:00", "N/A"));
        assertQuiet("access-key-created-at-setup", user("frank").key(1, true, "2024-01-01T00:05:00+00:00", "N/A"));
    }

    // --- password-past-rotation -----------------------------------------------------------------

    @Test
    void password_past_rotation_fires_once_the_date_has_passed() {
        assertFires("password-past-rotation",
                user("gina").password(daysAgo(1), daysAgo(100)).mfa(true).set("password_next_rotation", daysAgo(1)),
                "password_next_rotation was 2024-05-31 (24h ago)"); // reworded: Ages wrote whole days below two days too ("1d"), HumanTime hours
    }

    @Test
    void password_past_rotation_is_quiet_before_the_date_and_without_one() {
        assertQuiet("password-past-rotation",
                user("gina").password(daysAgo(1), daysAgo(100)).set("password_next_rotation", daysAgo(-1)));
        assertQuiet("password-past-rotation", user("gina").password(daysAgo(1), daysAgo(100)));
        assertQuiet("password-past-rotation", root());
    }

    // --- signing-certificate-not-rotated --------------------------------------------------------

    @Test
    void signing_certificate_not_rotated_fires_past_the_threshold() {
        assertFires("signing-certificate-not-rotated", user("hugo").certificate(2, true, daysAgo(91)),
                "signing certificate 2 created 2024-03-02 (91d ago) (threshold 90d)");
    }

    @Test
    void signing_certificate_not_rotated_is_quiet_one_day_under_inactive_and_for_root() {
        assertQuiet("signing-certificate-not-rotated", user("hugo").certificate(2, true, daysAgo(89)));
        assertQuiet("signing-certificate-not-rotated", user("hugo").certificate(2, false, daysAgo(400)));
        assertQuiet("signing-certificate-not-rotated", root().certificate(1, true, daysAgo(400)));
    }

    // --- the credential each rule names -------------------------------------------------------

    static Credential credentialOf(String ruleId, ReportRow row) {
        List<Finding> findings = check(ruleId, row);
        assertEquals(1, findings.size(), ruleId + " should fire once on " + row + " but found " + findings);
        return findings.get(0).credential();
    }

    @Test
    void each_rule_says_which_credential_its_finding_is_about() {
        assertEquals(Credential.ACCESS_KEY_2, credentialOf("root-access-key-active", root().key(2, true, daysAgo(400), "N/A")));
        assertEquals(Credential.CERT_1, credentialOf("root-signing-certificate-active", root().certificate(1, true, daysAgo(5))));
        assertEquals(Credential.NONE, credentialOf("root-no-mfa", root().mfa(false)));
        assertEquals(Credential.NONE, credentialOf("root-recently-used", root().set("password_last_used", daysAgo(3))));
        assertEquals(Credential.PASSWORD, credentialOf("console-without-mfa", user("bob").password(daysAgo(3), daysAgo(30))));
        assertEquals(Credential.PASSWORD, credentialOf("credentials-unused",
                user("carol").password(daysAgo(45), daysAgo(100)).mfa(true)));
        assertEquals(Credential.ACCESS_KEY_2, credentialOf("credentials-unused", user("carol").key(2, true, daysAgo(46), "N/A")));
        assertEquals(Credential.ACCESS_KEY_1, credentialOf("access-key-not-rotated",
                user("dave").key(1, true, daysAgo(91), daysAgo(1))));
        assertEquals(Credential.NONE, credentialOf("multiple-active-access-keys",
                user("erin").key(1, true, daysAgo(10), daysAgo(1)).key(2, true, daysAgo(5), daysAgo(1))));
        assertEquals(Credential.ACCESS_KEY_1, credentialOf("access-key-created-at-setup",
                user("frank").password(daysAgo(2), "2024-01-01T00:00:00+00:00").mfa(true)
                        .key(1, true, "2024-01-01T00:05:00+00:00", "N/A")));
        assertEquals(Credential.PASSWORD, credentialOf("password-past-rotation",
                user("gina").password(daysAgo(1), daysAgo(100)).mfa(true).set("password_next_rotation", daysAgo(1))));
        assertEquals(Credential.CERT_2, credentialOf("signing-certificate-not-rotated",
                user("hugo").certificate(2, true, daysAgo(91))));
    }

    // --- iam-users-instead-of-identity-center ---------------------------------------------------

    static List<Finding> tally(ReportRow... rows) {
        AccountRule rule = (AccountRule) Rules.select(List.of("iam-users-instead-of-identity-center"), List.of()).get(0);
        AccountRule.Tally tally = rule.tally();
        String[] lines = java.util.Arrays.stream(rows).map(ReportRow::toString).toArray(String[]::new);
        try (CredentialReportReader reader = CredentialReportReader.open(new java.io.ByteArrayInputStream(SampleReports.report(lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                UserCredentials user = reader.next();
                rule.check(user, DEFAULTS, finding -> {
                    throw new AssertionError("an account rule finds nothing per user: " + finding);
                });
                tally.add(user);
            }
        }
        List<Finding> findings = new ArrayList<>();
        tally.finish(DEFAULTS, findings::add);
        return findings;
    }

    @Test
    void identity_center_advice_counts_the_users_with_long_term_credentials_once_per_account() {
        List<Finding> findings = tally(root().key(1, true, daysAgo(10), "N/A"),
                user("alice").password(daysAgo(1), daysAgo(10)),
                user("bob").key(1, false, daysAgo(10), "N/A").key(2, true, daysAgo(5), "N/A"),
                user("carol").password(daysAgo(1), daysAgo(10)).key(1, true, daysAgo(10), daysAgo(1)),
                user("dave"));

        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(Severity.INFO, finding.severity());
        assertEquals(Finding.ACCOUNT, finding.user());
        assertEquals("arn:aws:iam::123456789012:root", finding.arn());
        assertTrue(finding.aboutAccount());
        assertEquals("3 IAM users have long-term credentials: 2 with a console password, 2 with an active access key",
                finding.evidence());
    }

    @Test
    void identity_center_advice_is_quiet_without_iam_users_holding_credentials() {
        assertEquals(List.of(), tally(root(), user("dave"), user("erin").key(1, false, daysAgo(10), "N/A")));
        assertEquals(List.of(), tally(root().mfa(false).set("password_enabled", "true")));
        assertEquals("1 IAM user has long-term credentials: 0 with a console password, 1 with an active access key",
                tally(user("svc").key(1, true, daysAgo(3), "N/A")).get(0).evidence());
    }

    @Test
    void should_name_the_account_in_the_partition_of_its_users() {
        assertEquals("arn:aws-cn:iam::123456789012:root", Finding.accountArn("arn:aws-cn:iam::123456789012:user/path/bob"));
    }

    @Test
    void info_sorts_below_low_and_fails_only_an_info_threshold() {
        assertEquals(List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO),
                List.of(Severity.values()));
        assertTrue(Severity.INFO.atLeast(Severity.INFO));
        assertFalse(Severity.INFO.atLeast(Severity.LOW));
        assertTrue(Severity.LOW.atLeast(Severity.INFO));
    }

    // --- the rule set ---------------------------------------------------------------------------

    @Test
    void should_have_twelve_rules_with_unique_ids_each_mapped_in_the_control_table() {
        List<String> ids = Rules.all().stream().map(rule -> rule.info().id()).toList();

        assertEquals(12, ids.size());
        assertEquals(12, Set.copyOf(ids).size());
        assertEquals(Set.copyOf(ids), ControlTable.ruleIds());
        for (Rule rule : Rules.all()) {
            assertEquals(ControlTable.forRule(rule.info().id()), rule.info().controls(), rule.info().id());
        }
    }

    @Test
    void should_refuse_malformed_controls() {
        assertThrows(IllegalArgumentException.class, () -> Control.cis(null, "1.4"));
        assertThrows(IllegalArgumentException.class, () -> Control.cis("5.0.0", "IAM.4"));
        assertThrows(IllegalArgumentException.class, () -> new Control(Control.SECURITY_HUB, "5.0.0", "IAM.4", null));
        assertThrows(IllegalArgumentException.class, () -> Control.securityHub("1.4"));
        assertThrows(IllegalArgumentException.class, () -> Control.config("Root MFA"));
        assertThrows(IllegalArgumentException.class, () -> new Control("CIS", "5.0.0", "1.4", null));
        assertThrows(IllegalArgumentException.class, () -> ControlTable.checkCisVersion("5.0"));
        assertThrows(IllegalArgumentException.class, () -> new AuditSettings(AS_OF, 90, 45, 90, "8.0.0"));
        assertEquals("CIS 5.0.0 1.4", Control.cis("5.0.0", "1.4").label());
        RuleInfo rootMfa = Rules.select(List.of("root-no-mfa"), List.of()).get(0).info();
        assertEquals(java.util.Optional.of(Control.cis("5.0.0", "1.4")), rootMfa.cis("5.0.0"));
        assertEquals(List.of(Control.cis("1.2.0", "1.13"), Control.securityHub("IAM.9"), Control.config("root-account-mfa-enabled")),
                rootMfa.controlsShown("1.2.0"));
        RuleInfo twoKeys = Rules.select(List.of("multiple-active-access-keys"), List.of()).get(0).info();
        assertEquals(java.util.Optional.empty(), twoKeys.cis("7.0.0"));
        assertEquals("Security Hub IAM.8 (90 days)", Control.securityHub("IAM.8").withNote("90 days").label());
    }

    @Test
    void should_select_and_skip_rules_by_id_and_refuse_unknown_ones() {
        assertEquals(List.of("root-no-mfa", "console-without-mfa"),
                Rules.select(List.of("console-without-mfa", "root-no-mfa"), List.of()).stream().map(r -> r.info().id()).toList());
        assertEquals(11, Rules.select(List.of(), List.of("root-no-mfa")).size());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Rules.select(List.of("mfa"), List.of()));
        assertTrue(error.getMessage().startsWith("no rule has the id 'mfa'; the rules are: root-access-key-active, "),
                error.getMessage());
    }

    @Test
    void should_match_user_globs() {
        assertTrue(new UserPattern("breakglass-*").matches("breakglass-admin"));
        assertTrue(new UserPattern("svc-?").matches("svc-1"));
        assertFalse(new UserPattern("svc-?").matches("svc-12"));
        assertFalse(new UserPattern("admin").matches("admin2"));
        assertTrue(new UserPattern("a.b+c").matches("a.b+c"));
        assertFalse(new UserPattern("a.b").matches("axb"));
    }
}

package dev.credreport.audit;

import static dev.credreport.audit.RulesTest.DEFAULTS;
import static dev.credreport.audit.RulesTest.check;
import static dev.credreport.audit.RulesTest.daysAgo;
import static dev.credreport.support.ReportRow.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.support.ReportRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root rules judged from iam:GetAccountSummary (issue 24, point 5) rather than from the report's root row. */
class RootFactsRulesTest {
    static final RootFacts NO_MFA = new RootFacts(false, false, false, null, null);
    static final RootFacts CENTRAL = new RootFacts(false, false, false, false, null);
    static final RootFacts WITH_MFA_AND_KEY = new RootFacts(true, true, false, null, null);

    static List<Finding> judged(String rule, ReportRow row, RootFacts facts) {
        return check(rule, row, DEFAULTS.withRoot(facts));
    }

    @Test
    void the_summary_wins_over_the_report_s_root_row() {
        ReportRow mfaInReport = root().mfa(true);
        List<Finding> findings = judged("root-no-mfa", mfaInReport, NO_MFA);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("AccountMFAEnabled is 0; judged with iam:GetAccountSummary: AccountMFAEnabled=0 "
                + "AccountAccessKeysPresent=0 AccountSigningCertificatesPresent=0", findings.get(0).evidence());
        assertEquals(List.of(), judged("root-no-mfa", root(), WITH_MFA_AND_KEY), "AccountMFAEnabled=1");
        ReportRow activeKey = root().key(1, true, daysAgo(400), "N/A");
        assertEquals(1, check("root-access-key-active", activeKey).size());
        assertEquals(List.of(), judged("root-access-key-active", activeKey, NO_MFA), "AccountAccessKeysPresent=0");
        assertTrue(judged("root-access-key-active", activeKey, WITH_MFA_AND_KEY).get(0).evidence()
                .endsWith("; judged with iam:GetAccountSummary: AccountMFAEnabled=1 AccountAccessKeysPresent=1 "
                        + "AccountSigningCertificatesPresent=0"));
    }

    @Test
    void centralized_root_access_asks_no_mfa_and_says_so() {
        assertEquals(List.of(), judged("root-no-mfa", root(), CENTRAL), "no password: nothing to sign in with");
        assertTrue(CENTRAL.centrallyManaged());
        assertTrue(!NO_MFA.centrallyManaged(), "without AccountPasswordPresent it is not known");
        ReportRow used = root().set("password_last_used", daysAgo(3));
        String evidence = judged("root-recently-used", used, CENTRAL).get(0).evidence();
        assertTrue(evidence.endsWith("root credentials are centrally managed by the Organization (no root password, "
                + "no root access key)"), evidence);
    }

    @Test
    void unavailable_facts_leave_the_report_s_judgement_and_name_what_was_not_checked() {
        RootFacts denied = RootFacts.unavailable("AccessDenied: iam:GetAccountSummary");
        assertEquals(check("root-no-mfa", root()), judged("root-no-mfa", root(), denied));
        assertEquals(List.of("AccountMFAEnabled", "AccountAccessKeysPresent", "AccountSigningCertificatesPresent",
                "AccountPasswordPresent"), denied.unchecked());
        assertEquals(List.of("AccountPasswordPresent"), NO_MFA.unchecked());
    }
}

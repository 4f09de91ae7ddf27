package dev.credreport.render.html;

/**
 * The figures at a glance of one account's report. Old keys and unused credentials are audit's own
 * findings (access-key-not-rotated, credentials-unused), so the page and {@code credreport audit}
 * never disagree on them; null when --rules left the rule out.
 *
 * @param users IAM users, the root user not counted
 * @param consoleUsers users with a console password
 * @param consoleWithoutMfa console users without an MFA device
 * @param activeKeys active access keys, the root user's included
 * @param oldActiveKeys active access keys of IAM users older than the rotation threshold
 * @param unusedCredentials passwords and active keys of IAM users unused for the unused threshold or more
 * @param root the root user's state
 * @param rootWorst the worst severity of the findings on the root user's row, or "none"
 */
public record Glance(int users, int consoleUsers, int consoleWithoutMfa, int activeKeys, Integer oldActiveKeys,
        Integer unusedCredentials, RootStatus root, String rootWorst) {

    /** The root card's colour class: green only when the root user is in the report and no finding touches it. */
    public String rootTone() {
        if (!"none".equals(rootWorst)) {
            return "sev-" + rootWorst;
        }
        return root.present() ? "good" : "";
    }

    /** The word beside the root card's colour: the severity, or "no findings". */
    public String rootWord() {
        return "none".equals(rootWorst) ? (root.present() ? "\u2713 no findings" : "") : "\u26a0 " + rootWorst;
    }

    /** The root user as the report shows it; {@code present} is false when the report has no root row. */
    public record RootStatus(boolean present, boolean mfa, int activeKeys, int activeCertificates, String lastUsed,
            boolean hasCredentials) {

        /** One line for people: "MFA on, no access keys, last used 2026-10-02 (50d ago)". */
        public String summary() {
            if (!present) {
                return "not in the report";
            }
            if (!hasCredentials) {
                return "no root credentials";
            }
            StringBuilder text = new StringBuilder(mfa ? "MFA on" : "no MFA");
            text.append(", ").append(activeKeys == 0 ? "no access keys" : activeKeys + (activeKeys == 1 ? " active access key" : " active access keys"));
            if (activeCertificates > 0) {
                text.append(", ").append(activeCertificates).append(activeCertificates == 1 ? " active certificate" : " active certificates");
            }
            text.append(", last used ").append(lastUsed);
            return text.toString();
        }

        /** Whether the root user needs attention: credentials without MFA, or access keys at all. */
        public boolean atRisk() {
            return present && hasCredentials && (!mfa || activeKeys > 0 || activeCertificates > 0);
        }
    }
}

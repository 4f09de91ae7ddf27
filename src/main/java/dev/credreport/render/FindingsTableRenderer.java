package dev.credreport.render;

import dev.credreport.report.Account;

import dev.credreport.audit.AccountAudit;
import dev.credreport.report.UntrustedText;
import dev.credreport.core.CredreportException;

import dev.credreport.audit.Control;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Finding;
import dev.credreport.audit.Findings;
import dev.credreport.audit.Severity;
import dev.credreport.core.HumanTime;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings for people: grouped by severity, worst first, each with its evidence and fix, then a summary line. */
final class FindingsTableRenderer implements AccountsFormat<AccountAudit>, TableFormat<AccountAudit> {
    private static final String BETWEEN_ACCOUNTS = "\n" + "=".repeat(60) + "\n\n";
    /** Where a finding's values start ("    evidence: "), so a wrapped value goes on under itself. */
    private static final int VALUE = 14;

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        render(audit.result(), null, audit.findings(), out, context);
    }

    /** A section per account, each with its own summary; a failed account is listed with its error. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) {
        return new EachAccountWhole<>(this, out, context, BETWEEN_ACCOUNTS) {
            @Override
            void writeAccount(Account account, AccountAudit audit, Writer out, RenderContext context) throws IOException {
                render(audit.result(), account, audit.findings(), out, context);
            }

            @Override
            void writeFailed(Account account, CredreportException failure) throws IOException {
                out.write("Audit of account " + account.label() + ": FAILED: " + UntrustedText.escape(failure.getMessage()) + "\n");
            }
        };
    }

    /**
     * @param account the account of a run over many, named in the title; null for one report
     * @param context the terminal's columns (long lines wrapped under their own start, 0 for none) and now
     */
    private static void render(AuditResult result, Account account, Findings findings, Writer out, RenderContext context)
            throws IOException {
        FittedText text = new FittedText(out, context.width());
        text.line(title(result, account, context.clock().instant()), 2);
        Severity[] current = {null};
        List<Finding> accepted = new ArrayList<>();
        if (context.byOwner()) {
            grouped(result, ByOwner.sorted(findings), accepted, out, text, context);
        } else {
            findings.forEach(finding -> {
                if (finding.isExcepted()) {
                    // Accepted risks (--exceptions) are listed apart, after those that count.
                    accepted.add(finding);
                    return;
                }
                if (finding.severity() != current[0]) {
                    current[0] = finding.severity();
                    out.write("\n" + current[0].name() + " (" + (result.counts().get(current[0])
                            - result.excepted().get(current[0])) + ")\n");
                }
                finding(result, finding, text, context);
            });
        }
        if (!accepted.isEmpty()) {
            out.write("\nACCEPTED RISKS (" + accepted.size() + ", excepted, not counted for --fail-on)\n");
            for (Finding finding : accepted) {
                finding(result, finding, text, context);
                ExceptionEntry entry = finding.exception();
                text.line("    excepted: until " + UntrustedText.escape(entry.expiresText()) + ": "
                        + UntrustedText.escape(entry.reason()) + (entry.owner() == null ? "" : " (owner "
                        + UntrustedText.escape(entry.owner()) + ")") + ", " + UntrustedText.escape(entry.source())
                        + " line " + entry.line(), VALUE);
            }
        }
        if (result.findingCount() == 0) {
            out.write("\nNo findings.\n");
        }
        out.write("\n");
        text.line(UntrustedText.escape(result.summary()), 2);
        text.footer();
    }

    /**
     * The findings that count, under a heading per owner ("no owner" last), each owner's by severity,
     * worst first; the accepted risks are kept in {@code accepted} for their own section.
     */
    private static void grouped(AuditResult result, List<Finding> sorted, List<Finding> accepted, Writer out,
            FittedText text, RenderContext context) throws IOException {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : sorted) {
            if (finding.isExcepted()) {
                accepted.add(finding);
            } else {
                groups.computeIfAbsent(ByOwner.owner(finding), key -> new ArrayList<>()).add(finding);
            }
        }
        for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
            int count = group.getValue().size();
            out.write("\n");
            text.line("OWNER " + UntrustedText.escape(group.getKey()) + " (" + count + (count == 1 ? " finding" : " findings")
                    + ", --owner-tag " + UntrustedText.escape(context.ownerTag()) + ")", 2);
            Severity current = null;
            for (Finding finding : group.getValue()) {
                if (finding.severity() != current) {
                    current = finding.severity();
                    Severity severity = current;
                    long ofSeverity = group.getValue().stream().filter(other -> other.severity() == severity).count();
                    out.write("\n" + current.name() + " (" + ofSeverity + ")\n");
                }
                finding(result, finding, text, context);
            }
        }
    }

    private static void finding(AuditResult result, Finding finding, FittedText text, RenderContext context)
            throws IOException {
        text.line("  " + finding.rule().id() + ": " + finding.rule().title()
                + (finding.isExcepted() ? " [" + finding.severity().label() + "]" : ""), 4);
        text.line("    user:     " + UntrustedText.escape(finding.user()) + "  " + UntrustedText.escape(finding.arn()), VALUE);
        if (context.owners()) {
            text.line("    owner:    " + UntrustedText.escape(ByOwner.owner(finding)), VALUE);
        }
        text.line("    evidence: " + UntrustedText.escape(finding.evidence()), VALUE);
        text.line("    fix:      " + finding.rule().remediation(), VALUE);
        List<Control> controls = finding.rule().controlsShown(result.settings().cisVersion());
        if (!controls.isEmpty()) {
            text.line("    controls: " + Controls.labels(controls, ", "), VALUE);
        }
    }

    private static String title(AuditResult result, Account account, Instant now) {
        StringBuilder title = new StringBuilder("Audit");
        if (account != null) {
            title.append(" of account ").append(account.label());
        } else if (result.accountId() != null) {
            title.append(" of account ").append(result.accountId());
        }
        if (result.generatedTime() == null) {
            title.append(", report from ").append(UntrustedText.escape(result.source()));
        }
        title.append(", ").append(HumanTime.agesAsOf(result.settings().asOf(), result.generatedTime(), now));
        return title.toString();
    }
}

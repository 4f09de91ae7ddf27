package dev.credreport.render;

import dev.credreport.audit.AccountAudit;
import dev.credreport.report.UntrustedText;
import dev.credreport.core.CredreportException;

import dev.credreport.audit.Control;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import dev.credreport.audit.Severity;
import dev.credreport.core.HumanTime;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Findings for people: grouped by severity, worst first, each with its evidence and fix, then a summary line. */
final class FindingsTableRenderer implements AccountsFormat<AccountAudit>, TableFormat<AccountAudit> {
    private static final String BETWEEN_ACCOUNTS = "\n" + "=".repeat(60) + "\n\n";

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        render(audit.result(), audit.findings(), out);
    }

    /** A section per account, each with its own summary; a failed account is listed with its error. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) {
        return new EachAccountWhole<>(this, out, context, BETWEEN_ACCOUNTS) {
            @Override
            void writeFailed(String accountId, CredreportException failure) throws IOException {
                out.write("Audit of account " + accountId + ": FAILED: " + UntrustedText.escape(failure.getMessage()) + "\n");
            }
        };
    }

    private static void render(AuditResult result, Findings findings, Writer out) throws IOException {
        out.write(title(result));
        out.write("\n");
        Severity[] current = {null};
        findings.forEach(finding -> {
            if (finding.severity() != current[0]) {
                current[0] = finding.severity();
                out.write("\n" + current[0].name() + " (" + result.counts().get(current[0]) + ")\n");
            }
            out.write("  " + finding.rule().id() + ": " + finding.rule().title() + "\n");
            out.write("    user:     " + UntrustedText.escape(finding.user()) + "  " + UntrustedText.escape(finding.arn()) + "\n");
            out.write("    evidence: " + UntrustedText.escape(finding.evidence()) + "\n");
            out.write("    fix:      " + finding.rule().remediation() + "\n");
            List<Control> controls = finding.rule().controlsShown(result.settings().cisVersion());
            if (!controls.isEmpty()) {
                out.write("    controls: " + Controls.labels(controls, ", ") + "\n");
            }
        });
        if (result.findingCount() == 0) {
            out.write("\nNo findings.\n");
        }
        out.write("\n" + UntrustedText.escape(result.summary()) + "\n");
    }

    private static String title(AuditResult result) {
        StringBuilder title = new StringBuilder("Audit");
        if (result.accountId() != null) {
            title.append(" of account ").append(result.accountId());
        }
        if (result.generatedTime() != null) {
            title.append(", report generated ").append(HumanTime.minute(result.generatedTime()));
        } else {
            title.append(", report from ").append(UntrustedText.escape(result.source()));
        }
        title.append(", ").append(HumanTime.agesAsOf(result.settings().asOf()));
        return title.toString();
    }
}

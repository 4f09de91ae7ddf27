package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.audit.AccountAudit;

import dev.credreport.audit.Control;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.core.BuildInfo;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Finding;
import dev.credreport.audit.Findings;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.ReportInput;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards. Each result points at the report line
 * of its user and names the user as a logical location.
 */
final class SarifRenderer implements AccountsFormat<AccountAudit> {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            writeStart(json);
            writeRun(json, audit.result(), audit.findings());
            writeEnd(json);
        }
        out.write('\n');
    }

    /** One SARIF log with a run per account. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) throws IOException {
        JsonGenerator json = Json.generator(out);
        return new Sections<>() {
            @Override
            public void start() throws IOException {
                writeStart(json);
            }

            @Override
            public void account(Account account, AccountAudit audit) throws IOException {
                writeRun(json, audit.result(), audit.findings());
            }

            @Override
            public void end() throws IOException {
                writeEnd(json);
                json.close();
                out.write('\n');
            }
        };
    }

    private static void writeStart(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
    }

    private static void writeEnd(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One run: the rules applied and the findings of one account's report. */
    private static void writeRun(JsonGenerator json, AuditResult result, Findings findings) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "credreport");
        json.writeStringField("version", BuildInfo.version());
        json.writeArrayFieldStart("rules");
        List<RuleInfo> rules = result.rules();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
            writeRule(json, rules.get(i));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        String artifact = artifact(result);
        findings.forEach(finding -> writeResult(json, finding, ruleIndex.get(finding.rule().id()), artifact));
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        json.writeStringField("accountId", result.accountId());
        json.writeStringField("asOf", result.settings().asOf().toString());
        json.writeNumberField("usersChecked", result.usersChecked());
        json.writeStringField("cisVersion", result.settings().cisVersion());
        if (result.rootWithoutCredentials() != null) {
            json.writeBooleanField("rootWithoutCredentials", result.rootWithoutCredentials());
        }
        json.writeStringField("summary", result.summary());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRule(JsonGenerator json, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.id());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", rule.title());
        json.writeEndObject();
        json.writeObjectFieldStart("help");
        json.writeStringField("text", rule.remediation());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        for (Control control : rule.controls()) {
            json.writeString(control.label());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("controls");
        for (Control control : rule.controls()) {
            Controls.write(json, control);
        }
        json.writeEndArray();
        // GitHub code scanning ranks security results by this score (0-10).
        json.writeStringField("security-severity", securitySeverity(rule.severity()));
        json.writeStringField("threshold", rule.threshold());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex, String artifact) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.rule().id());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.rule().title() + ": " + finding.user() + ": " + finding.evidence()
                + ". Fix: " + finding.rule().remediation());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", artifact);
        json.writeEndObject();
        // A finding about the whole account points at the report, not at a line of it.
        if (!finding.aboutAccount()) {
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", finding.line());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("name", finding.user());
        json.writeStringField("fullyQualifiedName", finding.arn());
        json.writeStringField("kind", finding.aboutAccount() ? "account" : "user");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("credreport/v1", finding.rule().id() + ":" + finding.arn());
        json.writeEndObject();
        if (finding.owner() != null) {
            // With --owner-tag: who owns the user, for code scanning's filters and the people it reaches.
            json.writeObjectFieldStart("properties");
            json.writeStringField("owner", finding.owner());
            json.writeEndObject();
        }
        if (finding.isExcepted()) {
            // An accepted risk (--exceptions): code scanning shows it dismissed, with the reason.
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", finding.exception().reason());
            json.writeObjectFieldStart("properties");
            json.writeStringField("expires", finding.exception().expiresText());
            json.writeStringField("owner", finding.exception().owner());
            json.writeStringField("ticket", finding.exception().ticket());
            json.writeStringField("file", finding.exception().source());
            json.writeNumberField("line", finding.exception().line());
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** A file name for the report: the one read, or one naming the account for a report fetched from AWS. */
    private static String artifact(AuditResult result) {
        if (result.origin() == ReportInput.Origin.FILE) {
            return result.source();
        }
        return "credential-report-" + (result.accountId() == null ? "unknown" : result.accountId()) + ".csv";
    }

    static String level(Severity severity) {
        switch (severity) {
            case CRITICAL:
            case HIGH:
                return "error";
            case MEDIUM:
                return "warning";
            default:
                return "note";
        }
    }

    private static String securitySeverity(Severity severity) {
        switch (severity) {
            case CRITICAL: return "9.5";
            case HIGH: return "8.0";
            case MEDIUM: return "5.5";
            case LOW: return "3.0";
            default: return "1.0";
        }
    }
}

package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.audit.AccountAudit;
import dev.credreport.core.CredreportException;
import java.io.StringWriter;

import dev.credreport.audit.Control;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Finding;
import dev.credreport.audit.RootFacts;
import dev.credreport.audit.Findings;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Findings as one JSON document: what was audited and how, then each finding. */
final class FindingsJsonRenderer implements AccountsFormat<AccountAudit> {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        render(audit.result(), null, audit.findings(), out, context);
    }

    /** An array of every account's audit document, or for a failed account its id and error. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) {
        return new EachAccountWhole<>(this, out, context, ",") {
            @Override
            public void start() throws IOException {
                out.write("[\n");
            }

            @Override
            void writeAccount(Account account, AccountAudit audit, Writer out, RenderContext context) throws IOException {
                render(audit.result(), account, audit.findings(), out, context);
            }

            @Override
            void writeFailed(Account account, CredreportException failure) throws IOException {
                StringWriter error = new StringWriter();
                try (JsonGenerator json = Json.generator(error)) {
                    json.writeStartObject();
                    json.writeStringField("account_id", account.id());
                    json.writeStringField("account_name", account.name());
                    json.writeStringField("error", failure.getMessage());
                    json.writeEndObject();
                }
                out.write(error + "\n");
            }

            @Override
            public void end() throws IOException {
                out.write("]\n");
            }
        };
    }

    /** @param account the account of a run over many, to name it; null for one report */
    private static void render(AuditResult result, Account account, Findings findings, Writer out, RenderContext context)
            throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("audit");
            json.writeStringField("account_id", result.accountId());
            if (account != null) {
                json.writeStringField("account_name", account.name());
            }
            json.writeStringField("generated_time", result.generatedTime() == null ? null : result.generatedTime().toString());
            json.writeStringField("as_of", result.settings().asOf().toString());
            json.writeStringField("source", result.source());
            json.writeObjectFieldStart("thresholds");
            json.writeNumberField("root_use_days", result.settings().rootUseDays());
            json.writeNumberField("unused_days", result.settings().unusedDays());
            json.writeNumberField("rotation_days", result.settings().rotationDays());
            json.writeEndObject();
            json.writeStringField("cis_version", result.settings().cisVersion());
            if (context.owners()) {
                json.writeStringField("owner_tag", context.ownerTag());
                json.writeBooleanField("grouped_by_owner", context.byOwner());
            }
            RootFacts root = result.settings().root();
            if (root != null) {
                // What iam:GetAccountSummary said about root, or why it was not asked.
                json.writeObjectFieldStart("root_facts");
                json.writeStringField("source", RootFacts.SOURCE);
                writeFlag(json, "AccountMFAEnabled", root.mfaEnabled());
                writeFlag(json, "AccountAccessKeysPresent", root.accessKeysPresent());
                writeFlag(json, "AccountSigningCertificatesPresent", root.certificatesPresent());
                writeFlag(json, "AccountPasswordPresent", root.passwordPresent());
                json.writeBooleanField("centrally_managed", root.centrallyManaged());
                json.writeStringField("unavailable", root.unavailable());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("rules");
            for (RuleInfo rule : result.rules()) {
                json.writeString(rule.id());
            }
            json.writeEndArray();
            json.writeNumberField("users_checked", result.usersChecked());
            json.writeNumberField("ignored_count", result.ignoredCount());
            json.writeArrayFieldStart("ignored_users");
            for (AuditResult.IgnoredUser ignored : result.ignored()) {
                json.writeStartObject();
                json.writeStringField("user", ignored.user());
                json.writeStringField("pattern", ignored.pattern());
                json.writeEndObject();
            }
            json.writeEndArray();
            // counts: every finding by severity, the excepted included (as always); open_counts: those that count
            // (--fail-on, the page's headline); excepted_counts: those an exceptions-file entry in force accepts.
            severities(json, "counts", result.counts());
            severities(json, "open_counts", result.openCounts());
            severities(json, "excepted_counts", result.excepted());
            if (result.rootWithoutCredentials() == null) {
                json.writeNullField("root_without_credentials");
            } else {
                json.writeBooleanField("root_without_credentials", result.rootWithoutCredentials());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("findings");
            ByOwner.ordered(findings, context).forEach(finding -> writeFinding(json, finding, context));
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeFinding(JsonGenerator json, Finding finding, RenderContext context) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule_id", finding.rule().id());
        json.writeStringField("severity", finding.severity().label());
        json.writeStringField("title", finding.rule().title());
        json.writeArrayFieldStart("controls");
        for (Control control : finding.rule().controls()) {
            Controls.write(json, control);
        }
        json.writeEndArray();
        json.writeStringField("user", finding.user());
        json.writeStringField("arn", finding.arn());
        if (context.owners()) {
            json.writeStringField("owner", ByOwner.owner(finding));
        }
        json.writeStringField("credential", finding.credential().wireName());
        if (finding.aboutAccount()) {
            json.writeNullField("line");
        } else {
            json.writeNumberField("line", finding.line());
        }
        json.writeStringField("evidence", finding.evidence());
        json.writeStringField("remediation", finding.rule().remediation());
        json.writeBooleanField("excepted", finding.isExcepted());
        if (finding.isExcepted()) {
            ExceptionEntry entry = finding.exception();
            json.writeObjectFieldStart("exception");
            json.writeStringField("reason", entry.reason());
            json.writeStringField("expires", entry.expiresText());
            json.writeStringField("owner", entry.owner());
            json.writeStringField("ticket", entry.ticket());
            json.writeStringField("file", entry.source());
            json.writeNumberField("line", entry.line());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void severities(JsonGenerator json, String field, Map<Severity, Integer> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Severity, Integer> count : counts.entrySet()) {
            json.writeNumberField(count.getKey().label(), count.getValue());
        }
        json.writeEndObject();
    }

    private static void writeFlag(JsonGenerator json, String name, Boolean value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeBooleanField(name, value);
        }
    }
}

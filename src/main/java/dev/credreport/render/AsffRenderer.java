package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.audit.AccountAudit;

import dev.credreport.asff.AsffFindings;
import dev.credreport.asff.AsffFinding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.audit.Findings;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Findings as a JSON array of AWS Security Finding Format documents, ready for
 * {@code aws securityhub batch-import-findings --findings file://…} (in batches of 100).
 */
final class AsffRenderer implements AccountsFormat<AccountAudit> {
    @Override
    public String name() {
        return "asff";
    }

    /** The findings name the Security Hub region they are for. */
    @Override
    public boolean needsSecurityHubRegion() {
        return true;
    }

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        AsffFindings asff = asff(context);
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartArray();
            writeFindings(json, asff, audit);
            json.writeEndArray();
        }
        out.write('\n');
    }

    /** One array of every account's findings, as Security Hub imports them. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) throws IOException {
        AsffFindings asff = asff(context);
        JsonGenerator json = Json.generator(out);
        return new Sections<>() {
            @Override
            public void start() throws IOException {
                json.writeStartArray();
            }

            @Override
            public void account(Account account, AccountAudit audit) throws IOException {
                writeFindings(json, asff, audit);
            }

            @Override
            public void end() throws IOException {
                json.writeEndArray();
                json.close();
                out.write('\n');
            }
        };
    }

    /** Made once for the run, so that every finding has the same observation time. */
    private static AsffFindings asff(RenderContext context) {
        if (context.securityHubRegion() == null) {
            throw new IllegalStateException("asff needs the Security Hub region in the render context");
        }
        return new AsffFindings(context.securityHubRegion(), context.clock().instant());
    }

    private static void writeFindings(JsonGenerator json, AsffFindings asff, AccountAudit audit) throws IOException {
        audit.findings().forEach(finding -> write(json, asff.of(audit.result(), finding)));
    }

    static void write(JsonGenerator json, AsffFinding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("SchemaVersion", AsffFinding.SCHEMA_VERSION);
        json.writeStringField("Id", finding.id());
        json.writeStringField("ProductArn", finding.productArn());
        json.writeStringField("GeneratorId", finding.generatorId());
        json.writeStringField("AwsAccountId", finding.accountId());
        json.writeStringField("Region", finding.region());
        json.writeArrayFieldStart("Types");
        json.writeString(AsffFinding.TYPE);
        json.writeEndArray();
        json.writeStringField("FirstObservedAt", time(finding.firstObservedAt()));
        json.writeStringField("LastObservedAt", time(finding.lastObservedAt()));
        json.writeStringField("CreatedAt", time(finding.createdAt()));
        json.writeStringField("UpdatedAt", time(finding.updatedAt()));
        json.writeObjectFieldStart("Severity");
        json.writeStringField("Label", finding.severityLabel());
        json.writeEndObject();
        json.writeStringField("Title", finding.title());
        json.writeStringField("Description", finding.description());
        json.writeObjectFieldStart("Remediation");
        json.writeObjectFieldStart("Recommendation");
        json.writeStringField("Text", finding.remediation());
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("ProductFields");
        json.writeStringField("ProviderName", "credreport");
        json.writeStringField("credreport/RuleId", finding.generatorId());
        if (finding.owner() != null) {
            json.writeStringField("credreport/Owner", finding.owner());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("Resources");
        json.writeStartObject();
        json.writeStringField("Type", finding.resourceType());
        json.writeStringField("Id", finding.resourceId());
        json.writeStringField("Partition", finding.partition());
        json.writeStringField("Region", finding.region());
        if (finding.aboutUser() && finding.userName() != null && !finding.userArn().endsWith(":root")) {
            json.writeObjectFieldStart("Details");
            json.writeObjectFieldStart("AwsIamUser");
            json.writeStringField("UserName", finding.userName());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("Compliance");
        json.writeStringField("Status", "FAILED");
        json.writeArrayFieldStart("RelatedRequirements");
        for (String requirement : finding.relatedRequirements()) {
            json.writeString(requirement);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeStringField("RecordState", "ACTIVE");
        if (finding.suppressed()) {
            // An accepted risk (--exceptions): Security Hub shows the same decision, with its reason.
            json.writeObjectFieldStart("Workflow");
            json.writeStringField("Status", "SUPPRESSED");
            json.writeEndObject();
            json.writeObjectFieldStart("Note");
            json.writeStringField("Text", finding.suppressedNote());
            json.writeStringField("UpdatedBy", "credreport");
            json.writeStringField("UpdatedAt", time(finding.updatedAt()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    static String time(Instant instant) {
        return AsffFinding.time(instant);
    }
}

package dev.credreport.render;

import dev.credreport.asff.AsffFindings;
import dev.credreport.asff.AsffFinding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Objects;

/**
 * Findings as a JSON array of AWS Security Finding Format documents, ready for
 * {@code aws securityhub batch-import-findings --findings file://…} (in batches of 100).
 */
public final class AsffRenderer implements FindingsRenderer {
    private final AsffFindings asff;

    public AsffRenderer(AsffFindings asff) {
        this.asff = Objects.requireNonNull(asff, "asff");
    }

    @Override
    public void render(AuditResult result, Findings findings, Writer out) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartArray();
            writeFindings(json, result, findings);
            json.writeEndArray();
        }
        out.write('\n');
    }

    /** The findings of one account's audit, inside an array the caller opened (one array for many accounts). */
    void writeFindings(JsonGenerator json, AuditResult result, Findings findings) throws IOException {
        findings.forEach(finding -> write(json, asff.of(result, finding)));
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
        json.writeEndObject();
    }

    /** ASFF wants ISO 8601 with milliseconds and Z. */
    static String time(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }
}

package dev.credreport.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.core.CredreportException;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audits of many accounts as one output, an account at a time: a table section with its own
 * summary per account; in JSON an array with each account's audit document (or its error); in CSV
 * an account_id column first; in SARIF one run per account.
 */
public final class MergedAuditWriter {
    private final AuditFormat format;
    private final Writer out;
    private CSVPrinter csv;
    private JsonGenerator sarif;
    private JsonGenerator asff;
    private final FindingsRenderer renderer;
    private final StartAtFirstSuccess document = new StartAtFirstSuccess(this::start);
    private int accounts;

    public MergedAuditWriter(AuditFormat format, Writer out) throws IOException {
        this(format, out, null);
    }

    /** @param renderer the renderer built for the run, for formats that need one (asff: one array of every account's findings) */
    public MergedAuditWriter(AuditFormat format, Writer out, FindingsRenderer renderer) throws IOException {
        this.format = format;
        this.out = out;
        this.renderer = renderer;
    }

    private void start() throws IOException {
        if (format == AuditFormat.ASFF) {
            asff = Json.generator(out);
            asff.writeStartArray();
        }
        if (format == AuditFormat.CSV) {
            csv = new CSVPrinter(out, CSVFormat.RFC4180);
            FindingsCsvRenderer.writeHeaderWithAccount(csv);
        } else if (format == AuditFormat.SARIF) {
            sarif = Json.generator(out);
            SarifRenderer.writeStart(sarif);
        } else if (format == AuditFormat.JSON) {
            out.write("[\n");
        }
    }

    public void account(String accountId, AuditResult result, Findings findings) throws IOException {
        document.success();
        switch (format) {
            case CSV:
                FindingsCsvRenderer.writeRows(csv, findings, accountId, result.settings().cisVersion());
                break;
            case SARIF:
                SarifRenderer.writeRun(sarif, result, findings);
                break;
            case ASFF:
                ((AsffRenderer) renderer).writeFindings(asff, result, findings);
                break;
            case JSON:
                separate();
                format.renderer().render(result, findings, out);
                break;
            default:
                separate();
                format.renderer().render(result, findings, out);
                break;
        }
        accounts++;
    }

    /**
     * An account whose report could not be had; in JSON and tables it is listed with its error, once
     * some account has succeeded.
     */
    public void failed(String accountId, CredreportException failure) throws IOException {
        document.failure(() -> writeFailed(accountId, failure));
    }

    private void writeFailed(String accountId, CredreportException failure) throws IOException {
        if (format == AuditFormat.JSON) {
            separate();
            StringWriter error = new StringWriter();
            try (JsonGenerator json = Json.generator(error)) {
                json.writeStartObject();
                json.writeStringField("account_id", accountId);
                json.writeStringField("error", failure.getMessage());
                json.writeEndObject();
            }
            out.write(error + "\n");
            accounts++;
        } else if (format == AuditFormat.TABLE) {
            separate();
            out.write("Audit of account " + accountId + ": FAILED: " + UntrustedText.escape(failure.getMessage()) + "\n");
            accounts++;
        }
    }

    /** Ends the document; with no account succeeded there is none, and nothing is written. */
    public void finish() throws IOException {
        if (!document.started()) {
            return;
        }
        if (csv != null) {
            csv.flush();
        } else if (asff != null) {
            asff.writeEndArray();
            asff.close();
            out.write('\n');
        } else if (sarif != null) {
            SarifRenderer.writeEnd(sarif);
            sarif.close();
            out.write('\n');
        } else if (format == AuditFormat.JSON) {
            out.write("]\n");
        }
    }

    private void separate() throws IOException {
        if (accounts > 0) {
            out.write(format == AuditFormat.JSON ? "," : "\n" + "=".repeat(60) + "\n\n");
        }
    }
}

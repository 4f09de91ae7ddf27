package dev.credreport.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.core.CredreportException;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportHeader;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports of many accounts as one output, an account at a time as they arrive, with the
 * account first on every row: a leading account_id column in CSV, an "Account:" line in each
 * block, an account_id on each JSON user and a list of accounts, an ACCOUNT column in tables.
 */
public final class MergedReportWriter {
    private final OutputFormat format;
    private final Writer out;
    private final RenderContext context;
    private final List<String[]> accounts = new ArrayList<>();
    private CSVPrinter csv;
    private List<String> csvColumns;
    private JsonGenerator json;
    private int tables;
    private final StartAtFirstSuccess document = new StartAtFirstSuccess(this::start);

    public MergedReportWriter(OutputFormat format, Writer out, RenderContext context) throws IOException {
        this.format = format;
        this.out = out;
        this.context = context;
    }

    private void start() throws IOException {
        if (format == OutputFormat.JSON) {
            json = Json.generator(out);
            json.writeStartObject();
            json.writeArrayFieldStart("users");
        }
    }

    /** Writes one account's report. */
    public void account(String accountId, ReportInput report) throws IOException {
        document.success();
        accounts.add(new String[] {accountId, report.generatedTime().map(Object::toString).orElse(null), null});
        switch (format) {
            case CSV:
                writeCsv(accountId, report);
                break;
            case BLOCKS:
                writeBlocks(accountId, report);
                break;
            case JSON:
                try (ReportRows reader = report.openReport()) {
                    while (reader.hasNext()) {
                        JsonRenderer.writeUser(json, reader.next(), accountId);
                    }
                }
                break;
            default:
                // Failed accounts write no table, so only tables already written need a gap before this one.
                if (tables++ > 0) {
                    out.write('\n');
                }
                new TableRenderer(true).render(report, out, context);
                break;
        }
    }

    /** Notes an account that failed; it is listed in JSON and counted, never silently missing. */
    public void failed(String accountId, CredreportException failure) {
        accounts.add(new String[] {accountId, null, failure.getMessage()});
    }

    /** Ends the document; with no account succeeded there is none, and nothing is written. */
    public void finish() throws IOException {
        if (!document.started()) {
            return;
        }
        if (csv != null) {
            csv.flush();
        }
        if (json != null) {
            json.writeEndArray();
            json.writeArrayFieldStart("accounts");
            for (String[] account : accounts) {
                json.writeStartObject();
                json.writeStringField("account_id", account[0]);
                json.writeStringField("status", account[2] == null ? "ok" : "failed");
                json.writeStringField("generated_time", account[1]);
                if (account[2] != null) {
                    json.writeStringField("error", account[2]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.close();
            out.write('\n');
        }
    }

    private void writeCsv(String accountId, ReportInput report) throws IOException {
        try (ReportRows reader = report.openReport()) {
            ReportHeader header = reader.header();
            if (csv == null) {
                csvColumns = header.names();
                csv = new CSVPrinter(out, CSVFormat.RFC4180);
                List<String> names = new ArrayList<>();
                names.add("account_id");
                names.addAll(csvColumns);
                csv.printRecord(names);
            }
            int[] positions = new int[csvColumns.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = header.names().indexOf(csvColumns.get(i));
            }
            Object[] row = new Object[positions.length + 1];
            row[0] = accountId;
            while (reader.hasNext()) {
                UserCredentials user = reader.next();
                for (int i = 0; i < positions.length; i++) {
                    row[i + 1] = positions[i] < 0 ? "" : user.cell(positions[i]);
                }
                csv.printRecord(row);
            }
        }
    }

    private void writeBlocks(String accountId, ReportInput report) throws IOException {
        try (ReportRows reader = report.openReport()) {
            BlocksRenderer.writeBlocks(reader, accountId, out);
        }
    }
}

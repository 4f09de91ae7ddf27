package dev.credreport.render;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Findings as RFC 4180 CSV, one finding a row. Meant for spreadsheets, so a cell that would start
 * a formula ({@code = + - @}) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
final class FindingsCsvRenderer implements FindingsRenderer {
    private static final String[] HEADER = {
        "severity", "rule_id", "title", "user", "arn", "evidence", "remediation", "controls", "line"
    };

    @Override
    public void render(AuditResult result, Findings findings, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord((Object[]) HEADER);
        findings.forEach(finding -> csv.printRecord(
                    finding.severity().label(),
                    finding.rule().id(),
                    finding.rule().title(),
                    safe(finding.user()),
                    safe(finding.arn()),
                    safe(finding.evidence()),
                    finding.rule().remediation(),
                    String.join("; ", finding.rule().controls()),
                    finding.line()));
        csv.flush();
    }

    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}

package dev.credreport.render;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Finding;
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
        writeRows(csv, findings, null, result.settings().cisVersion());
        csv.flush();
    }

    /** The header with an account_id column first, for the findings of many accounts. */
    static void writeHeaderWithAccount(CSVPrinter csv) throws IOException {
        Object[] header = new Object[HEADER.length + 1];
        header[0] = "account_id";
        System.arraycopy(HEADER, 0, header, 1, HEADER.length);
        csv.printRecord(header);
    }

    /** One row per finding; with the account first when {@code accountId} is given. */
    static void writeRows(CSVPrinter csv, Findings findings, String accountId, String cisVersion) throws IOException {
        findings.forEach(finding -> csv.printRecord(row(finding, accountId, cisVersion)));
    }

    private static Object[] row(Finding finding, String accountId, String cisVersion) {
        Object[] row = {
            finding.severity().label(),
            finding.rule().id(),
            finding.rule().title(),
            safe(finding.user()),
            safe(finding.arn()),
            safe(finding.evidence()),
            finding.rule().remediation(),
            Controls.labels(finding.rule().controlsShown(cisVersion), "; "),
            finding.aboutAccount() ? "" : finding.line()};
        if (accountId == null) {
            return row;
        }
        Object[] withAccount = new Object[row.length + 1];
        withAccount[0] = accountId;
        System.arraycopy(row, 0, withAccount, 1, row.length);
        return withAccount;
    }

    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}

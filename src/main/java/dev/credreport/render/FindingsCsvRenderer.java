package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.audit.AccountAudit;

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
final class FindingsCsvRenderer implements AccountsFormat<AccountAudit> {
    private static final String[] HEADER = {
        "severity", "rule_id", "title", "user", "arn", "evidence", "remediation", "controls", "line",
        "excepted", "exception_reason", "exception_owner", "exception_expires"
    };

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void write(AccountAudit audit, Writer out, RenderContext context) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord((Object[]) header(context));
        writeRows(csv, ByOwner.ordered(audit.findings(), context), null, audit.result().settings().cisVersion(), context);
        csv.flush();
    }

    /** One CSV of every account's findings, with account_id and account_name columns first. */
    @Override
    public Sections<AccountAudit> sections(Writer out, RenderContext context) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        return new Sections<>() {
            @Override
            public void start() throws IOException {
                String[] columns = header(context);
                Object[] header = new Object[columns.length + 2];
                header[0] = "account_id";
                header[1] = "account_name";
                System.arraycopy(columns, 0, header, 2, columns.length);
                csv.printRecord(header);
            }

            @Override
            public void account(Account account, AccountAudit audit) throws IOException {
                writeRows(csv, ByOwner.ordered(audit.findings(), context), account, audit.result().settings().cisVersion(),
                        context);
            }

            @Override
            public void end() throws IOException {
                csv.flush();
            }
        };
    }

    /** The columns; with --owner-tag, an owner column last. */
    private static String[] header(RenderContext context) {
        if (!context.owners()) {
            return HEADER;
        }
        String[] columns = java.util.Arrays.copyOf(HEADER, HEADER.length + 1);
        columns[HEADER.length] = "owner";
        return columns;
    }

    /** One row per finding; with the account's id and name first when {@code account} is given. */
    private static void writeRows(CSVPrinter csv, Findings findings, Account account, String cisVersion,
            RenderContext context) throws IOException {
        findings.forEach(finding -> csv.printRecord(row(finding, account, cisVersion, context)));
    }

    private static Object[] row(Finding finding, Account account, String cisVersion, RenderContext context) {
        Object[] row = {
            finding.severity().label(),
            finding.rule().id(),
            finding.rule().title(),
            safe(finding.user()),
            safe(finding.arn()),
            safe(finding.evidence()),
            finding.rule().remediation(),
            Controls.labels(finding.rule().controlsShown(cisVersion), "; "),
            finding.aboutAccount() ? "" : finding.line(),
            finding.isExcepted(),
            finding.isExcepted() ? safe(finding.exception().reason()) : "",
            finding.isExcepted() && finding.exception().owner() != null ? safe(finding.exception().owner()) : "",
            finding.isExcepted() ? finding.exception().expiresText() : ""};
        if (context.owners()) {
            row = java.util.Arrays.copyOf(row, row.length + 1);
            row[row.length - 1] = safe(ByOwner.owner(finding));
        }
        if (account == null) {
            return row;
        }
        Object[] withAccount = new Object[row.length + 2];
        withAccount[0] = account.id();
        withAccount[1] = account.name() == null ? "" : safe(account.name());
        System.arraycopy(row, 0, withAccount, 2, row.length);
        return withAccount;
    }

    static String safe(String cell) {
        // A lone "-" is credreport's own "none", no formula.
        if (!cell.isEmpty() && !cell.equals("-") && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}

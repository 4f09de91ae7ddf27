package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.report.ReportHeader;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportRows;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report exactly as AWS returned it (or as it was read): the same bytes as
 * {@code aws iam get-credential-report --output text --query Content | base64 -d}.
 * The whole report is parsed first, so that nothing that is not a credential report is passed on.
 * Many accounts' reports are one CSV with leading account_id and account_name columns, in the first report's columns.
 */
final class RawCsvRenderer implements AccountsFormat<ReportInput> {
    @Override
    public String name() {
        return "csv";
    }

    /** None: the bytes are copied, after a validating read of its own that keeps no rows. */
    @Override
    public int rowReads() {
        return 0;
    }

    @Override
    public void write(ReportInput input, Writer out, RenderContext context) throws IOException {
        input.validate();
        try (Reader reader = input.openReader()) {
            reader.transferTo(out);
        }
    }

    @Override
    public Sections<ReportInput> sections(Writer out, RenderContext context) {
        return new Sections<>() {
            private final CSVPrinter csv = csvPrinter(out);
            private List<String> columns;

            @Override
            public void account(Account account, ReportInput report) throws IOException {
                try (ReportRows reader = report.openReport()) {
                    ReportHeader header = reader.header();
                    if (columns == null) {
                        columns = header.names();
                        List<String> names = new ArrayList<>();
                        names.add("account_id");
                        names.add("account_name");
                        names.addAll(columns);
                        csv.printRecord(names);
                    }
                    // A later report with other columns is written in the first one's: a cell it lacks is empty.
                    int[] positions = new int[columns.size()];
                    for (int i = 0; i < positions.length; i++) {
                        positions[i] = header.names().indexOf(columns.get(i));
                    }
                    Object[] row = new Object[positions.length + 2];
                    row[0] = account.id();
                    row[1] = account.name() == null ? "" : account.name();
                    while (reader.hasNext()) {
                        UserCredentials user = reader.next();
                        for (int i = 0; i < positions.length; i++) {
                            row[i + 2] = positions[i] < 0 ? "" : user.cell(positions[i]);
                        }
                        csv.printRecord(row);
                    }
                }
            }

            @Override
            public void end() throws IOException {
                csv.flush();
            }
        };
    }

    private static CSVPrinter csvPrinter(Writer out) {
        try {
            return new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            // Only a header or comment written at construction can fail, and RFC4180 has neither.
            throw new java.io.UncheckedIOException(e);
        }
    }
}

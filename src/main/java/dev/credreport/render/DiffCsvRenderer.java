package dev.credreport.render;

import dev.credreport.diff.Change;
import dev.credreport.diff.DiffResult;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Changes as RFC 4180 CSV, one change a row; nothing at all when nothing changed. */
final class DiffCsvRenderer implements Format<DiffResult> {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void write(DiffResult result, Writer out, RenderContext context) throws IOException {
        if (result.isEmpty()) {
            return;
        }
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord("account_id", "user", "arn", "change", "subject", "before", "after", "security_relevant");
        for (Change change : result.changes()) {
            csv.printRecord(result.newReport().accountId(), FindingsCsvRenderer.safe(change.user()),
                    FindingsCsvRenderer.safe(change.arn()), change.kind().id(), change.subject(), change.before(),
                    change.after(), change.alert());
        }
        csv.flush();
    }
}

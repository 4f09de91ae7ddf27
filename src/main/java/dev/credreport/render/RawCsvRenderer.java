package dev.credreport.render;

import dev.credreport.report.ReportInput;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * The report exactly as AWS returned it (or as it was read): the same bytes as
 * {@code aws iam get-credential-report --output text --query Content | base64 -d}.
 * The whole report is parsed first, so that nothing that is not a credential report is passed on.
 */
final class RawCsvRenderer implements ReportRenderer {
    @Override
    public void render(ReportInput input, Writer out, RenderContext context) throws IOException {
        input.validate();
        try (Reader reader = input.openReader()) {
            reader.transferTo(out);
        }
    }
}

package dev.credreport.render;

import dev.credreport.report.ReportInput;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Input that is not a credential report fails with exit 7. */
public interface ReportRenderer {
    void render(ReportInput input, Writer out, RenderContext context) throws IOException;
}

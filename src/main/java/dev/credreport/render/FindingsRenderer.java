package dev.credreport.render;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import java.io.IOException;
import java.io.Writer;

/** Writes the result of an audit in one format, the findings as they come. */
public interface FindingsRenderer {
    void render(AuditResult result, Findings findings, Writer out) throws IOException;
}

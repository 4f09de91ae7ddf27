package dev.credreport.render;

import dev.credreport.audit.AuditResult;
import java.io.IOException;
import java.io.Writer;

/** Writes the result of an audit in one format. */
public interface FindingsRenderer {
    void render(AuditResult result, Writer out) throws IOException;
}

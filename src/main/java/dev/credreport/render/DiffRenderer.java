package dev.credreport.render;

import dev.credreport.diff.DiffResult;
import java.io.IOException;
import java.io.Writer;

/** Writes the changes between two reports in one format. */
public interface DiffRenderer {
    void render(DiffResult result, Writer out) throws IOException;
}

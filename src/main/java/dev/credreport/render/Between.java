package dev.credreport.render;

import java.io.IOException;
import java.io.Writer;

/** Writes a separator between the parts of a document over many accounts, never before the first. */
final class Between {
    private final Writer out;
    private final String separator;
    private boolean first = true;

    Between(Writer out, String separator) {
        this.out = out;
        this.separator = separator;
    }

    /** Before each part: the separator, unless this is the first. */
    void next() throws IOException {
        if (!first) {
            out.write(separator);
        }
        first = false;
    }
}

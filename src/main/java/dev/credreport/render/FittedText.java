package dev.credreport.render;

import dev.credreport.core.Lines;
import java.io.IOException;
import java.io.Writer;

/**
 * Lines for people fitted to a terminal's width (0: no limit): wrapped at spaces under their own
 * start, a word too wide for its line cut with an ellipsis, and then, once, a footer that says
 * values were cut and how to see them whole. No value is cut without the output saying so.
 */
final class FittedText {
    private final Writer out;
    private final int width;
    private boolean cut;

    FittedText(Writer out, int width) {
        this.out = out;
        this.width = width;
    }

    /** Writes one line, continued lines indented by {@code indent} columns. */
    void line(String text, int indent) throws IOException {
        Lines.Fitted fitted = Lines.fit(text, width, indent);
        cut |= fitted.cut();
        out.write(fitted.text());
    }

    /** Marks that the caller cut a value itself (a table cell), for {@link #footer}. */
    void cutElsewhere() {
        cut = true;
    }

    /** The note that values were cut, when any was; nothing otherwise. */
    void footer() throws IOException {
        if (cut) {
            line(cutNote(width), 1);
        }
    }

    /** What the footer says. */
    static String cutNote(int width) {
        return "(values ending in \u2026 were cut to fit " + width + " columns; --wide shows them whole)";
    }
}

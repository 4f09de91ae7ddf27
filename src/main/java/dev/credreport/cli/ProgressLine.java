package dev.credreport.cli;

import java.io.PrintWriter;

/**
 * A status line on standard error that rewrites itself, shown only when standard error is a
 * terminal and --quiet was not given, so that logs and pipes never see it.
 */
final class ProgressLine {
    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void update(String message) {
        if (!enabled) {
            return;
        }
        err.print("\r\033[K" + message);
        err.flush();
        shown = true;
    }

    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}

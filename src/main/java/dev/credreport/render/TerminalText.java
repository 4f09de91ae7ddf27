package dev.credreport.render;

import dev.credreport.report.UntrustedText;

/**
 * Makes text from a report safe to print: a report file is untrusted input, and control
 * characters or bidirectional overrides in it must not drive the terminal.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String text) {
        return UntrustedText.escape(text);
    }
}

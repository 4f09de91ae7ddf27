package dev.credreport.report;

/**
 * Text that came from a report, made safe to show: a report is untrusted input, and control
 * characters, line and paragraph separators or bidirectional overrides in it must not drive the
 * terminal or forge a line. The renderers escape cells with {@link #escape}; messages quote a
 * value with {@link #quote}, which also cuts it short so that a huge bad field makes a short line.
 */
public final class UntrustedText {
    /** The characters of a value a message shows before cutting it. */
    static final int QUOTE_LIMIT = 80;

    private UntrustedText() {
    }

    /** The text with every character that could drive a terminal written as a visible escape. */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
        appendEscaped(escaped, text, i, text.length());
        return escaped.toString();
    }

    /**
     * A value for a message: escaped, in single quotes, and cut after {@value #QUOTE_LIMIT}
     * characters with its full length said, so the message stays one short line.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT) + 24).append('\'');
        if (text.length() <= QUOTE_LIMIT) {
            appendEscaped(quoted, text, 0, text.length());
            return quoted.append('\'').toString();
        }
        appendEscaped(quoted, text, 0, cutAt(text, QUOTE_LIMIT));
        return quoted.append("\u2026' (").append(text.length()).append(" characters)").toString();
    }

    /** Text from elsewhere that may hold report text (a library's message): escaped, and cut after {@code limit} characters. */
    public static String excerpt(String text, int limit) {
        if (text.length() <= limit) {
            return escape(text);
        }
        StringBuilder cut = new StringBuilder(limit + 8);
        appendEscaped(cut, text, 0, cutAt(text, limit));
        return cut.append('\u2026').toString();
    }

    /** Where to cut so that a surrogate pair is not split. */
    private static int cutAt(String text, int limit) {
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static void appendEscaped(StringBuilder escaped, String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                escaped.append(c);
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c < 0x100) {
                escaped.append("\\x").append(hex(c >> 4)).append(hex(c));
            } else {
                escaped.append("\\u").append(hex(c >> 12)).append(hex(c >> 8)).append(hex(c >> 4)).append(hex(c));
            }
        }
    }

    private static char hex(int nibble) {
        return "0123456789abcdef".charAt(nibble & 0xf);
    }

    private static boolean needsEscape(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c'
                || c == '\u200e' || c == '\u200f'
                // Line and paragraph separators: some terminals and most log viewers break the line there.
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}

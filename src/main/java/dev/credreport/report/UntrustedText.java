package dev.credreport.report;

/**
 * Text from outside made safe to show: a report is untrusted input, and so are the messages of
 * services and libraries that may quote it. Control characters, line and paragraph separators or
 * bidirectional overrides in it must not drive the terminal or forge a line, and invisible
 * characters (zero-width spaces and joiners, soft hyphens) must not make one name look like another. The one place that
 * escapes, quotes and cuts such text: renderers escape cells with {@link #escape}, messages quote a
 * value with {@link #quote} and pass on another's message with {@link #excerpt}.
 */
public final class UntrustedText {
    /**
     * The characters of a value a message quotes before cutting it: a user name, a cell, an id is
     * shorter, and a huge bad field still makes a message of one terminal line.
     */
    public static final int VALUE_LIMIT = 80;

    /**
     * The characters of another's message (AWS's error text, a parser's complaint) passed on before
     * cutting it: AWS's longest usual messages (a policy denial naming an ARN) fit, and one that quotes
     * a whole hostile field does not flood the terminal.
     */
    public static final int MESSAGE_LIMIT = 300;

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
     * A value for a message: escaped, in single quotes, and cut after {@value #VALUE_LIMIT}
     * characters with its full length said, so the message stays one short line.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), VALUE_LIMIT) + 24).append('\'');
        if (text.length() <= VALUE_LIMIT) {
            appendEscaped(quoted, text, 0, text.length());
            return quoted.append('\'').toString();
        }
        appendEscaped(quoted, text, 0, cutAt(text, VALUE_LIMIT));
        return quoted.append("\u2026' (").append(text.length()).append(" characters)").toString();
    }

    /**
     * Another's message that may hold report or service text (AWS's error message, a library's):
     * escaped, cut after {@value #MESSAGE_LIMIT} characters with an ellipsis; "" for none.
     */
    public static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MESSAGE_LIMIT) {
            return escape(text);
        }
        StringBuilder cut = new StringBuilder(MESSAGE_LIMIT + 8);
        appendEscaped(cut, text, 0, cutAt(text, MESSAGE_LIMIT));
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
                || (c >= '\u2066' && c <= '\u2069')
                // Invisible characters: a name with a zero-width space or joiner looks like another name.
                || c == '\u00ad' || c == '\u180e' || (c >= '\u200b' && c <= '\u200d')
                || (c >= '\u2060' && c <= '\u2064') || c == '\ufeff';
    }
}

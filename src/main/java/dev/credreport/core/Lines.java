package dev.credreport.core;

import java.util.ArrayList;
import java.util.List;

/** Text fitted to a width of columns: wrapped at spaces, or cut with an ellipsis. */
public final class Lines {
    private Lines() {
    }

    /**
     * The text in lines of at most {@code width} characters, broken at spaces; 0 or less for no
     * limit. A word longer than the width gets a line of its own, whole: a path, a URL or an
     * option split in two cannot be copied.
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        if (width <= 0 || text.length() <= width) {
            lines.add(text);
            return lines;
        }
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    /** The lines of {@link #wrap}, each ending with a line break. */
    public static String wrapped(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        wrap(text, width).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** The text cut to {@code width} characters, the last an ellipsis, without splitting a surrogate pair. */
    public static String cut(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int end = Math.max(0, width - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}

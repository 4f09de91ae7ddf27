package dev.credreport.core;

import java.util.ArrayList;
import java.util.List;

/** Text fitted to a width of columns: wrapped at spaces, or cut with an ellipsis. */
public final class Lines {
    private Lines() {
    }

    /** A line of a text: its characters from start to end. */
    public record Line(int start, int end) {
        public int length() {
            return end - start;
        }
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
        for (Line line : lines(text, width, width, spaces(text))) {
            lines.add(text.substring(line.start(), line.end()));
        }
        return lines;
    }

    /**
     * The one line breaking: the lines of {@code text}, the first at most {@code firstWidth} wide,
     * the others {@code width}, broken only where {@code breakable} allows (a space the break then
     * takes, on neither line). A piece wider than the width gets a line of its own, whole. Help
     * text passes its own breakable places (an option stays with its value).
     */
    public static List<Line> lines(String text, int firstWidth, int width, boolean[] breakable) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int lastBreak = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (!end && !breakable[i]) {
                continue;
            }
            int limit = lines.isEmpty() ? firstWidth : width;
            if (i - start > limit && lastBreak > start) {
                lines.add(new Line(start, lastBreak));
                start = lastBreak + 1;
            }
            lastBreak = i;
        }
        lines.add(new Line(start, text.length()));
        return lines;
    }

    /** Whether every line fits: no piece was wider than its width. */
    public static boolean fits(List<Line> lines, int firstWidth, int width) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > (i == 0 ? firstWidth : width)) {
                return false;
            }
        }
        return true;
    }

    /** Every space is a place to break. */
    public static boolean[] spaces(String text) {
        boolean[] breakable = new boolean[text.length()];
        for (int i = 0; i < text.length(); i++) {
            breakable[i] = text.charAt(i) == ' ';
        }
        return breakable;
    }

    /**
     * A line for people at a terminal of {@code width} columns (0 for no limit), its text wrapped
     * at spaces with a hanging indent of {@code indent} columns, each line ending with a line
     * break: {@code "    fix:      Create a second key..."} goes on under its own start.
     */
    public static String hanging(String line, int width, int indent) {
        if (width <= 0 || line.length() <= width || indent >= width - 10) {
            return line + "\n";
        }
        return fitted(line, width, indent, false).text();
    }

    /**
     * Text fitted to a terminal: its lines, each ending with a line break, and whether a piece was cut.
     *
     * @param cut whether a piece was cut short (its last character an ellipsis): the output must then say so
     */
    public record Fitted(String text, boolean cut) {
    }

    /**
     * A line for people that must fit {@code width} columns (0 for no limit) whatever it holds: wrapped
     * at spaces with a hanging indent as {@link #hanging}, never in the middle of a word, and a word
     * wider than its line (a long ARN at 40 columns) cut with an ellipsis, which {@link Fitted#cut} tells.
     * A narrow width shortens the indent to half the width, so that every line keeps room for text.
     */
    public static Fitted fit(String line, int width, int indent) {
        if (width <= 0 || line.length() <= width) {
            return new Fitted(line + "\n", false);
        }
        return fitted(line, width, Math.min(indent, width / 2), true);
    }

    private static Fitted fitted(String line, int width, int indent, boolean cutLong) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        String pad = " ".repeat(indent);
        List<Line> lines = lines(line, width, width - indent, spaces(line));
        boolean cut = false;
        for (int i = 0; i < lines.size(); i++) {
            String piece = line.substring(lines.get(i).start(), lines.get(i).end());
            int room = i == 0 ? width : width - indent;
            if (cutLong && piece.length() > room) {
                piece = cut(piece, room);
                cut = true;
            }
            out.append(i == 0 ? "" : pad).append(piece).append('\n');
        }
        return new Fitted(out.toString(), cut);
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

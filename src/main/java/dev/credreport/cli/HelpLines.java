package dev.credreport.cli;

import dev.credreport.core.Lines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where help text may break into lines: at a space, and only at a space outside what a user copies
 * whole. A word never breaks (picocli's own wrapping breaks after ':' and '.', which splits
 * {@code iam:GetCredentialReport}, {@code ~/.aws/credentials} and every URL); an option stays with
 * its value ({@code --format json}, {@code -o FILE}); a short quoted command stays on one line
 * ({@code 'credreport athena-ddl'}). A piece wider than the width gets a line of its own, whole.
 */
final class HelpLines {
    /** An option name alone, maybe after an opening quote or parenthesis: what follows is its value. */
    private static final Pattern OPTION = Pattern.compile("^['(\\[]?--?[A-Za-z][A-Za-z0-9-]*$");
    /** A closing quote, maybe followed by punctuation. */
    private static final Pattern CLOSING_QUOTE = Pattern.compile(".*'[.,;:)!?]*$");
    /** Longest quoted text kept on one line: a command with an option or two, not a sentence. */
    private static final int QUOTE_LIMIT = 48;

    private HelpLines() {
    }

    /**
     * The lines of {@code text}, the first at most {@code firstWidth} wide, the others {@code width}:
     * {@link Lines#lines}, broken only at the spaces {@link #breakable} allows.
     */
    static List<Lines.Line> lines(String text, int firstWidth, int width) {
        return Lines.lines(text, firstWidth, width, breakable(text));
    }

    /** Plain text wrapped to the width. */
    static List<String> wrap(String text, int width) {
        return lines(text, width, width).stream().map(line -> text.substring(line.start(), line.end())).toList();
    }

    /** For each character, whether a line may break there: spaces, less those inside a copyable piece. */
    static boolean[] breakable(String text) {
        boolean[] breakable = new boolean[text.length()];
        List<int[]> words = new ArrayList<>();
        int wordStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                words.add(new int[] {wordStart, i});
                if (i < text.length()) {
                    breakable[i] = true;
                }
                wordStart = i + 1;
            }
        }
        for (int w = 0; w + 1 < words.size(); w++) {
            String word = text.substring(words.get(w)[0], words.get(w)[1]);
            if (OPTION.matcher(word).matches() && words.get(w + 1)[1] > words.get(w + 1)[0]) {
                breakable[words.get(w)[1]] = false;
            }
            int opening = word.startsWith("(") ? 1 : 0;
            if (word.startsWith("'", opening) && !CLOSING_QUOTE.matcher(word.substring(opening + 1)).matches()) {
                glueQuote(text, words, w, breakable);
            }
        }
        return breakable;
    }

    /** Keeps a short quoted text that starts at word {@code first} on one line. */
    private static void glueQuote(String text, List<int[]> words, int first, boolean[] breakable) {
        for (int last = first + 1; last < words.size(); last++) {
            if (words.get(last)[1] - words.get(first)[0] > QUOTE_LIMIT) {
                return;
            }
            if (CLOSING_QUOTE.matcher(text.substring(words.get(last)[0], words.get(last)[1])).matches()) {
                for (int w = first; w < last; w++) {
                    breakable[words.get(w)[1]] = false;
                }
                return;
            }
        }
    }
}

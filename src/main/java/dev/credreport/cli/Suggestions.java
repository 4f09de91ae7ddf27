package dev.credreport.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the user probably meant by a mistyped command or option: the names within a couple of
 * typing slips (a letter missed, added, changed or two swapped), as git suggests commands.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** "; did you mean 'fetch'?" or "" when nothing is close. */
    static String forUnmatched(UnmatchedArgumentException exception) {
        if (exception.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = exception.getUnmatched().get(0);
        CommandSpec spec = exception.getCommandLine().getCommandSpec();
        if (!typed.startsWith("-")) {
            return forCommand(typed, spec);
        }
        String option = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        return didYouMean(closest(option, spec.optionsMap().keySet()));
    }

    /** The same for a command name typed where {@code spec}'s commands go, as in {@code help fecth}. */
    static String forCommand(String typed, CommandSpec spec) {
        List<String> candidates = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                candidates.add(name);
            }
        });
        return didYouMean(closest(typed, candidates));
    }

    private static String didYouMean(List<String> close) {
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(name -> "'" + name + "'").toList()) + "?";
    }

    static List<String> closest(String typed, Collection<String> candidates) {
        int allowed = typed.replaceFirst("^-+", "").length() <= 4 ? 1 : 2;
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String candidate : candidates) {
            // Case counts for nothing: FETCH is fetch mistyped with caps lock on.
            int distance = distance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance > allowed || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            closest.add(candidate);
        }
        return closest.size() > 3 ? closest.subList(0, 3) : closest;
    }

    /** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

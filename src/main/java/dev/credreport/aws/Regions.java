package dev.credreport.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The regions this version knows (the AWS SDK's region list), and the closest of them to a name
 * that is none, for "eu-wset-1: no such region; did you mean eu-west-1?". A region newer than
 * this version is not refused for being unknown: it works where its endpoint answers.
 */
public final class Regions {
    /** What a region name looks like: eu-west-1, us-gov-east-1, cn-north-1, eu-isoe-west-1. */
    private static final Pattern NAME = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d+");

    private Regions() {
    }

    /** Every region, built only for a suggestion: a run whose region is known never lists them. */
    private static final class Known {
        static final List<String> ALL = Region.regions().stream()
                .filter(region -> !region.isGlobalRegion())
                .map(Region::id)
                .filter(id -> NAME.matcher(id).matches())
                .sorted()
                .toList();
    }

    /** Whether the name has a region's shape, known or not. */
    public static boolean looksLikeARegion(String name) {
        return NAME.matcher(name).matches();
    }

    /** Whether the SDK knows the region: one look-up in its metadata, no list built. */
    public static boolean known(String name) {
        if (!looksLikeARegion(name)) {
            return false;
        }
        Region region = Region.of(name);
        return !region.isGlobalRegion() && region.metadata() != null;
    }

    /** The known region nearest the name (fewest letters changed), for a suggestion. */
    static String closest(String name) {
        return Known.ALL.stream().min(Comparator.comparingInt((String known) -> distance(name, known))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** "eu-wset-1: no such region; did you mean eu-west-1?", or empty for a region this version knows. */
    public static Optional<String> unknown(String name) {
        if (name == null || known(name)) {
            return Optional.empty();
        }
        return Optional.of(name + ": no such region; did you mean " + closest(name) + "?");
    }

    /** The first label of a host name that looks like a region this version does not know (securityhub.eu-wset-1.amazonaws.com). */
    static Optional<String> unknownIn(String host) {
        for (String label : host.split("\\.")) {
            if (looksLikeARegion(label) && !known(label)) {
                return unknown(label);
            }
        }
        return Optional.empty();
    }

    /** Levenshtein distance: edits that turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package dev.credreport.render.html;

import com.samskivert.mustache.Mustache;
import dev.credreport.audit.Owners;
import dev.credreport.audit.Severity;
import dev.credreport.core.BuildInfo;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pages of {@code report --split-by owner}: a file name for each owner's page and the index
 * page that links them. A file name is the owner's value when that is already safe (letters,
 * digits, {@code _} and {@code -}, unlike any other page's name in any case), else its safe letters
 * with a short hash of the value, so that no owner string (slashes, dots, control characters, a
 * thousand characters) can name a path outside the directory or collide with another owner's page.
 */
public final class OwnerIndex {
    /** The index page's file name. */
    public static final String INDEX = "index.html";
    private static final int MAX_NAME = 60;

    /** What the index says of one page. */
    public record Totals(int rows, Map<Severity, Integer> open, int accepted) {
    }

    /** One line of the index; every text is escaped for the page. */
    public record Entry(String owner, String file, int rows, int critical, int high, int medium, int low, int info,
            int accepted) {
        public int open() {
            return critical + high + medium + low + info;
        }
    }

    private OwnerIndex() {
    }

    /** A file name for each owner's page, in the owners' order; no two alike in any case, none {@link #INDEX}. */
    public static Map<String, String> fileNames(List<String> owners) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        taken.add("index");
        if (owners.contains(Owners.NO_OWNER)) {
            names.put(Owners.NO_OWNER, "no-owner.html");
            taken.add("no-owner");
        }
        for (String owner : owners) {
            if (owner.equals(Owners.NO_OWNER)) {
                continue;
            }
            String safe = safe(owner);
            String name = safe.equals(owner) && !taken.contains(safe.toLowerCase(Locale.ROOT)) ? safe
                    : safe + "-" + hash(owner);
            taken.add(name.toLowerCase(Locale.ROOT));
            names.put(owner, name + ".html");
        }
        return names;
    }

    /** The owner's letters, digits, '_' and '-', others as '-', at most 60; "owner" when nothing is left. */
    static String safe(String owner) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < owner.length() && name.length() < MAX_NAME; i++) {
            char c = owner.charAt(i);
            boolean keep = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
            if (keep) {
                name.append(c);
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
                name.append('-');
            }
        }
        while (name.length() > 0 && name.charAt(name.length() - 1) == '-') {
            name.setLength(name.length() - 1);
        }
        return name.length() == 0 ? "owner" : name.toString();
    }

    private static String hash(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the index page: a line per owner's page with its open findings by severity and its accepted risks.
     *
     * @param tag the --owner-tag
     * @param pages each owner's file name and totals, in the index's order
     * @param failed the accounts that could not be read, each with its message (every page lists them too)
     */
    public static void write(Writer out, Clock clock, String tag, Map<String, String> files, Map<String, Totals> pages,
            List<Page.FailedAccount> failed) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Totals> page : pages.entrySet()) {
            Totals totals = page.getValue();
            entries.add(new Entry(UntrustedText.escape(page.getKey()), files.get(page.getKey()), totals.rows(),
                    totals.open().getOrDefault(Severity.CRITICAL, 0), totals.open().getOrDefault(Severity.HIGH, 0),
                    totals.open().getOrDefault(Severity.MEDIUM, 0), totals.open().getOrDefault(Severity.LOW, 0),
                    totals.open().getOrDefault(Severity.INFO, 0), totals.accepted()));
        }
        String css = ReportPage.resource("page.css");
        String csp = "default-src 'none'; style-src '" + ReportPage.sha256(css) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", BuildInfo.version());
        model.put("csp", csp);
        model.put("css", css);
        model.put("tag", UntrustedText.escape(tag));
        model.put("pageTime", Words.minute(clock.instant()));
        model.put("entries", entries);
        model.put("failed", failed);
        model.put("hasFailed", !failed.isEmpty());
        model.put("count", entries.size());
        try (Reader reader = new InputStreamReader(ReportPage.open("index.mustache"), StandardCharsets.UTF_8)) {
            Mustache.compiler().escapeHTML(true).compile(reader).execute(model, out);
        }
    }
}

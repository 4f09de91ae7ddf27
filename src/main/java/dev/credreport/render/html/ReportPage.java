package dev.credreport.render.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.credreport.core.BuildInfo;
import dev.credreport.core.CredreportException;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Auditor;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.store.ReportStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The page of {@code credreport report}: one self-contained HTML file with the figures at a glance,
 * pictures, audit's recommendations and every user, for one account or many. Accounts are added as
 * they arrive; {@link #write} renders the page once all are in.
 *
 * <p>The page is built with JMustache, which HTML-escapes every {@code {{value}}}: text from a
 * report (user names, ARNs) cannot become markup. The only unescaped insertions are the page's own
 * style sheet and script, and the JSON summary, which {@link PageJson} makes safe inside a script element.
 */
public final class ReportPage {
    /** The most users a page holds: beyond this a browser opens it slowly and a manager will not read it. */
    public static final int MAX_USERS = 50_000;

    private final AccountViews views;
    private final Auditor auditor;
    private final Function<ReportInput, AuditSettings> settings;
    private final Function<Instant, AuditSettings> historySettings;
    private final ReportStore history;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final List<AccountView> accounts = new ArrayList<>();
    private final List<Page.FailedAccount> failed = new ArrayList<>();
    private long users;

    /**
     * @param auditor the rules, as audit would apply them
     * @param settings the thresholds and as-of instant for a report, as audit would choose them
     * @param historySettings the thresholds as of a saved report's generated time
     * @param history the directory of saved reports for trends, or null for none
     * @param warnings receives one line per saved report skipped
     */
    public ReportPage(Auditor auditor, Function<ReportInput, AuditSettings> settings,
            Function<Instant, AuditSettings> historySettings, ReportStore history, Consumer<String> warnings, Clock clock) {
        this.views = new AccountViews(auditor);
        this.auditor = auditor;
        this.settings = settings;
        this.historySettings = historySettings;
        this.history = history;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Adds an account's report; refuses (exit 2, with what to do) once the page would hold too many users. */
    public void account(ReportInput report) {
        // Counted first, stopping at the limit: a merged report of a million rows is refused at once.
        try (ReportRows reader = report.openReport()) {
            while (reader.hasNext()) {
                reader.next();
                if (++users > MAX_USERS) {
                    throw CredreportException.usage("a page holds at most " + String.format("%,d", MAX_USERS) + " users "
                            + "and this one would hold more: make a page per account (--accounts) or use 'credreport "
                            + "audit' or 'credreport fetch --format csv' for reports this large");
                }
            }
        }
        AuditResult result = views.audit(report, settings.apply(report));
        List<HistoryPoint> points = List.of();
        if (history != null && result.accountId() != null) {
            points = Trends.load(history, result.accountId(), auditor, historySettings, warnings);
        }
        accounts.add(views.view(report, result, points, clock.instant()));
    }

    /** Lists an account whose report could not be fetched. */
    public void failed(String accountId, String message) {
        failed.add(new Page.FailedAccount(accountId, message));
    }

    /** Renders the page. */
    public void write(Writer out) throws IOException {
        String css = resource("page.css");
        String script = resource("page.js");
        String csp = "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(script)
                + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
        Instant now = clock.instant();
        Page page = new Page(BuildInfo.version(), now, Words.minute(now), List.copyOf(accounts), List.copyOf(failed), css,
                script, csp, "");
        page = page.withData(PageJson.of(page));
        template().execute(page, out);
    }

    private static Template template() {
        try (Reader reader = new InputStreamReader(open("page.mustache"), StandardCharsets.UTF_8)) {
            // A missing value is a bug in the page, not something to print as empty.
            return Mustache.compiler().escapeHTML(true).zeroIsFalse(true).emptyStringIsFalse(true).compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ReportPage.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the page resource " + name + " is missing from the build");
        }
        return in;
    }

    /** A CSP source for an inline element: the page allows its own style and script and nothing else. */
    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.credreport.render.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.credreport.core.BuildInfo;
import dev.credreport.audit.AccountAudit;
import dev.credreport.report.ReportInput;
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

/**
 * The page of {@code credreport report}: one self-contained HTML file with the figures at a glance,
 * pictures, audit's recommendations and every user, for one account or many. Accounts are added as
 * they arrive, each with the audit and history the command made for it; {@link #write} renders the
 * page once all are in. It only renders: the audit is run and the history loaded by the command.
 *
 * <p>The page is built with JMustache, which HTML-escapes every {@code {{value}}}: text from a
 * report (user names, ARNs) cannot become markup. The only unescaped insertions are the page's own
 * style sheet and script, and the JSON summary, which {@link PageJson} makes safe inside a script element.
 */
public final class ReportPage {
    private final Clock clock;
    private final List<AccountView> accounts = new ArrayList<>();
    private final List<Page.FailedAccount> failed = new ArrayList<>();
    private final String scope;

    /** @param clock the page's own time, and the time report ages are counted to */
    public ReportPage(Clock clock) {
        this(clock, null);
    }

    /**
     * A page of part of the accounts' users, such as one owner's.
     *
     * @param scope what part, for the title ("owner platform-team"): report text, escaped here
     */
    public ReportPage(Clock clock, String scope) {
        this.clock = clock;
        this.scope = scope == null ? null : dev.credreport.report.UntrustedText.escape(scope);
    }

    /**
     * Adds an account: its report, audit's result for it (the recommendations are exactly its
     * findings) and its figures over time, oldest first (none without --history).
     */
    public void account(ReportInput report, AccountAudit audit, List<HistoryPoint> history) {
        account(report, audit, history, null);
    }

    /** As {@link #account(ReportInput, AccountAudit, List)}, with the account's name (from Organizations), or null. */
    public void account(ReportInput report, AccountAudit audit, List<HistoryPoint> history, String name) {
        accounts.add(AccountViews.view(report, audit, history, clock.instant(), name));
    }

    /**
     * As {@link #account(ReportInput, AccountAudit, List, String)}, with the rows of the users {@code only}
     * accepts; the audit must be of the same users ({@code Auditor.onlyUsers}).
     */
    public void account(ReportInput report, AccountAudit audit, List<HistoryPoint> history, String name,
            java.util.function.Predicate<String> only) {
        accounts.add(AccountViews.view(report, audit, history, clock.instant(), name, only));
    }

    /** What the index of pages says of this one: its rows, open findings by severity and accepted risks. */
    public OwnerIndex.Totals totals() {
        int rows = 0;
        int accepted = 0;
        java.util.Map<dev.credreport.audit.Severity, Integer> open = new java.util.EnumMap<>(dev.credreport.audit.Severity.class);
        for (AccountView account : accounts) {
            rows += account.rows().size();
            accepted += account.accepted().size();
            account.audit().openCounts().forEach((severity, count) -> open.merge(severity, count, Integer::sum));
        }
        return new OwnerIndex.Totals(rows, open, accepted);
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
        // Worst first, so the summary of many accounts starts with the one to look at.
        List<AccountView> ranked = new ArrayList<>(accounts);
        ranked.sort(java.util.Comparator.comparingLong(AccountView::badness).reversed());
        Page page = new Page(BuildInfo.version(), now, Words.minute(now), List.copyOf(ranked), List.copyOf(failed), css,
                script, csp, "", scope);
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

    static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(String name) {
        InputStream in = ReportPage.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the page resource " + name + " is missing from the build");
        }
        return in;
    }

    /** A CSP source for an inline element: the page allows its own style and script and nothing else. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.credreport.render;

import dev.credreport.report.Account;
import dev.credreport.core.HumanTime;
import dev.credreport.core.Lines;
import dev.credreport.report.AccessKey;
import dev.credreport.report.Absence;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportValue;
import dev.credreport.report.SigningCertificate;
import dev.credreport.report.UntrustedText;
import dev.credreport.report.UserCredentials;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * For people: a title line, then one aligned line per user with dates, ages and readable words in
 * place of the report's tokens, fitted to the terminal's width. Columns that do not fit are hidden
 * and named below the table. The report is read twice (column widths, then rows), so a table of
 * a million rows needs no more memory than one of ten.
 */
final class TableRenderer implements AccountsFormat<ReportInput>, TableFormat<ReportInput> {
    private static final List<TextTable.TableColumn> COLUMNS = List.of(
            new TextTable.TableColumn("USER", 100),
            new TextTable.TableColumn("CREATED", 50),
            new TextTable.TableColumn("PASSWORD", 75),
            new TextTable.TableColumn("PASSWORD USED", 85),
            new TextTable.TableColumn("MFA", 95),
            new TextTable.TableColumn("KEY 1", 90),
            new TextTable.TableColumn("KEY 1 USED", 80),
            new TextTable.TableColumn("KEY 2", 60),
            new TextTable.TableColumn("KEY 2 USED", 55),
            new TextTable.TableColumn("CERTS", 40));

    @Override
    public void write(ReportInput input, Writer out, RenderContext context) throws IOException {
        writeTable(input, null, out, context);
    }

    @Override
    public int rowReads() {
        return 2;
    }

    /**
     * One table per account, a blank line between them: each under its own title, which names the
     * account, rather than an account column repeated on every row.
     */
    @Override
    public Sections<ReportInput> sections(Writer out, RenderContext context) {
        // Failed accounts write no table, so only tables already written need a gap before this one.
        Between between = new Between(out, "\n");
        return (account, report) -> {
            between.next();
            writeTable(report, account, out, context);
        };
    }

    /** @param named the account of a run over many, named with its Organization name; null for one report */
    private static void writeTable(ReportInput input, Account named, Writer out, RenderContext context) throws IOException {
        // Two passes over the report, measuring then writing, so that memory does not grow with it.
        Instant now = context.clock().instant();
        Instant asOf = HumanTime.agesCountTo(input.generatedTime(), () -> now);
        TextTable table = new TextTable(COLUMNS);
        String account = named == null ? null : named.label();
        int users = 0;
        try (ReportRows report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                account = account == null ? user.accountId() : account;
                users++;
                table.measure(cells(user, asOf));
                if (user.accessKey2().isActive()) {
                    // A second active key is what an auditor looks for: never the column dropped to fit.
                    table.keepShown("KEY 2");
                }
            }
        }
        String title = title(input, account, users, now, context.width());
        out.write(title);
        out.write('\n');
        // The title gives up its source's end before the user count; said below like any cut value.
        boolean titleCut = !title.equals(title(input, account, users, now, 0)) && title.contains("\u2026");
        if (users == 0) {
            out.write("(the report lists no users)\n");
            return;
        }
        List<String> hidden = table.fit(context.width());
        table.writeHeader(out);
        try (ReportRows report = input.openReport()) {
            while (report.hasNext()) {
                table.writeRow(out, cells(report.next(), asOf));
            }
        }
        FittedText text = new FittedText(out, context.width());
        text.line(agesNote(input, asOf, now), 1);
        if (!hidden.isEmpty()) {
            text.line(TextTable.hiddenNote(hidden, context.width()), 1);
        }
        if (table.cutAny() || titleCut) {
            text.cutElsewhere();
        }
        text.footer();
    }

    private static String[] cells(UserCredentials user, Instant asOf) {
        return new String[] {
            UntrustedText.escape(user.user()),
            HumanTime.date(user.creationTime()),
            yesNo(user.password().enabled()),
            lastUsed(user.password().lastUsed(), asOf),
            yesNo(user.mfaActive()),
            key(user.accessKey1(), asOf),
            keyUse(user.accessKey1(), asOf),
            key(user.accessKey2(), asOf),
            keyUse(user.accessKey2(), asOf),
            certificates(user.certificates())
        };
    }

    /**
     * The title, fitted to the width by cutting where the report came from, never the user count:
     * a cut count would read as a different number.
     */
    static String title(ReportInput input, String account, int users, Instant now, int width) {
        String head = "Credential report" + (account == null ? "" : " of account " + account);
        String source = input.generatedTime()
                .map(generated -> ", generated " + HumanTime.minute(generated) + " (" + HumanTime.age(generated, now) + ")")
                .orElseGet(() -> ", from " + UntrustedText.escape(input.name()));
        String count = ", " + users + (users == 1 ? " user" : " users");
        if (width <= 0 || head.length() + source.length() + count.length() <= width) {
            return head + source + count;
        }
        // The shorter head before the source is cut: how old the report is matters more than the words.
        String shortHead = account == null ? "Credential report" : "Account " + account;
        if (shortHead.length() + source.length() + count.length() <= width) {
            return shortHead + source + count;
        }
        int room = width - head.length() - count.length();
        if (room >= ", from ".length() + 2) {
            return head + Lines.cut(source, room) + count;
        }
        if (head.length() + count.length() <= width) {
            return head + count;
        }
        return Lines.cut(shortHead, Math.max(1, width - count.length())) + count;
    }

    /** Which time the ages in the rows are counted to, and why that one. */
    static String agesNote(ReportInput input, Instant asOf, Instant now) {
        return "(" + HumanTime.agesAsOf(asOf, input.generatedTime().orElse(null), now) + ")";
    }

    private static String yesNo(ReportValue<Boolean> value) {
        return value.isPresent() ? (value.value() ? "yes" : "no") : "n/a";
    }

    private static String lastUsed(ReportValue<Instant> value, Instant asOf) {
        if (value.isPresent()) {
            return HumanTime.age(value.value(), asOf);
        }
        return value.is(Absence.NO_INFORMATION) ? "never" : "n/a";
    }

    private static String key(AccessKey key, Instant asOf) {
        if (!key.exists()) {
            return "-";
        }
        String state = key.isActive() ? "active" : "inactive";
        return key.lastRotated().isPresent()
                ? state + ", " + HumanTime.old(key.lastRotated().value(), asOf)
                : state;
    }

    private static String keyUse(AccessKey key, Instant asOf) {
        if (!key.exists()) {
            return "-";
        }
        return key.lastUsedDate().isPresent() ? HumanTime.age(key.lastUsedDate().value(), asOf) : "never";
    }

    private static String certificates(List<SigningCertificate> certificates) {
        long active = certificates.stream().filter(SigningCertificate::isActive).count();
        long inactive = certificates.stream().filter(c -> c.exists() && !c.isActive()).count();
        if (active == 0 && inactive == 0) {
            return "-";
        }
        if (inactive == 0) {
            return active + " active";
        }
        return active == 0 ? inactive + " inactive" : active + " active, " + inactive + " inactive";
    }
}

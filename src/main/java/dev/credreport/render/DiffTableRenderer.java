package dev.credreport.render;


import dev.credreport.core.HumanTime;
import dev.credreport.diff.Change;
import dev.credreport.diff.DiffResult;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes for people: grouped by user, one line per change, those that need a security look
 * marked with {@code !}. Nothing at all when nothing changed.
 */
final class DiffTableRenderer implements TableFormat<DiffResult> {
    /** A time as the diff's values hold it (ISO 8601, for csv and json), at the start of a value. */
    private static final Pattern ISO_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    @Override
    public void write(DiffResult result, Writer out, RenderContext context) throws IOException {
        if (result.isEmpty()) {
            return;
        }
        Instant now = context.clock().instant();
        Instant newer = result.newReport().generatedTime();
        // Every age counts to the newer report: the state the changes lead to.
        Instant asOf = newer != null ? newer : now;
        FittedText text = new FittedText(out, context.width());
        text.line(title(result, now), 2);
        text.line("(" + HumanTime.agesAsOf(asOf, newer, now) + ")", 1);
        String currentArn = null;
        for (Change change : result.changes()) {
            if (!change.arn().equals(currentArn)) {
                currentArn = change.arn();
                out.write("\n");
                text.line(UntrustedText.escape(change.user()) + "  " + UntrustedText.escape(change.arn()), 2);
            }
            text.line((change.alert() ? "  ! " : "    ") + change.description() + values(change, asOf), 6);
        }
        out.write("\n");
        text.line(result.summary(), 2);
        text.footer();
    }

    private static String values(Change change, Instant asOf) {
        String before = human(UntrustedText.escape(change.before()), asOf);
        String after = human(UntrustedText.escape(change.after()), asOf);
        if (before.isEmpty() && after.isEmpty()) {
            return "";
        }
        if (before.isEmpty()) {
            return ": " + after;
        }
        return after.isEmpty() ? ": was " + before : ": " + before + " -> " + after;
    }

    /** A value that starts with a time, in the style for people: {@code 2024-05-21 10:00 UTC (12d ago)}. */
    static String human(String value, Instant asOf) {
        Matcher time = ISO_TIME.matcher(value);
        if (!time.find()) {
            return value;
        }
        try {
            return HumanTime.moment(OffsetDateTime.parse(time.group()).toInstant(), asOf) + value.substring(time.end());
        } catch (DateTimeParseException notATime) {
            return value;
        }
    }

    private static String title(DiffResult result, Instant now) {
        StringBuilder title = new StringBuilder("Changes");
        if (result.newReport().accountId() != null) {
            title.append(" in account ").append(result.newReport().accountId());
        }
        title.append(" from ").append(side(result.oldReport(), now)).append(" to ").append(side(result.newReport(), now));
        return title.toString();
    }

    private static String side(DiffResult.Side side, Instant now) {
        String source = UntrustedText.escape(side.source());
        return side.generatedTime() == null ? source : source + ", generated " + HumanTime.moment(side.generatedTime(), now);
    }
}

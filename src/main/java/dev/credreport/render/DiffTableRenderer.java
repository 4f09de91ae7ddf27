package dev.credreport.render;

import dev.credreport.core.Lines;

import dev.credreport.core.HumanTime;
import dev.credreport.diff.Change;
import dev.credreport.diff.DiffResult;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.Writer;

/**
 * Changes for people: grouped by user, one line per change, those that need a security look
 * marked with {@code !}. Nothing at all when nothing changed.
 */
final class DiffTableRenderer implements TableFormat<DiffResult> {
    @Override
    public void write(DiffResult result, Writer out, RenderContext context) throws IOException {
        if (result.isEmpty()) {
            return;
        }
        int width = context.width();
        out.write(Lines.hanging(title(result), width, 2));
        String currentArn = null;
        for (Change change : result.changes()) {
            if (!change.arn().equals(currentArn)) {
                currentArn = change.arn();
                out.write("\n" + Lines.hanging(UntrustedText.escape(change.user()) + "  " + UntrustedText.escape(change.arn()), width, 2));
            }
            out.write(Lines.hanging((change.alert() ? "  ! " : "    ") + change.description() + values(change), width, 6));
        }
        out.write("\n" + Lines.hanging(result.summary(), width, 2));
    }

    private static String values(Change change) {
        String before = UntrustedText.escape(change.before());
        String after = UntrustedText.escape(change.after());
        if (before.isEmpty() && after.isEmpty()) {
            return "";
        }
        if (before.isEmpty()) {
            return ": " + after;
        }
        return after.isEmpty() ? ": was " + before : ": " + before + " -> " + after;
    }

    private static String title(DiffResult result) {
        StringBuilder title = new StringBuilder("Changes");
        if (result.newReport().accountId() != null) {
            title.append(" in account ").append(result.newReport().accountId());
        }
        title.append(" from ").append(side(result.oldReport())).append(" to ").append(side(result.newReport()));
        return title.toString();
    }

    private static String side(DiffResult.Side side) {
        String source = UntrustedText.escape(side.source());
        return side.generatedTime() == null ? source : HumanTime.minute(side.generatedTime()) + " (" + source + ")";
    }
}

package dev.credreport.render;

import dev.credreport.fix.Action;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** What {@code fix plan} prints: a table for people, markdown for a change ticket, or the plan's JSON. */
final class PlanRenderer {
    private static final List<TextTable.TableColumn> COLUMNS = List.of(
            new TextTable.TableColumn("#", 100),
            new TextTable.TableColumn("ACTION", 100),
            new TextTable.TableColumn("CREDENTIAL", 95),
            new TextTable.TableColumn("ACCOUNT", 60),
            new TextTable.TableColumn("UNDO", 90),
            new TextTable.TableColumn("WHY", 50));

    private PlanRenderer() {
    }

    record AsFormat(String name, boolean forPeople, Body body) implements Format<Plan> {
        @FunctionalInterface
        interface Body {
            void write(Plan plan, Writer out, int width) throws IOException;
        }

        @Override
        public void write(Plan plan, Writer out, RenderContext context) throws IOException {
            body.write(plan, out, context.width());
        }
    }

    static final AsFormat TABLE = new AsFormat("table", true, PlanRenderer::table);
    static final AsFormat MARKDOWN = new AsFormat("markdown", false, PlanRenderer::markdown);
    static final AsFormat JSON = new AsFormat("json", false, (plan, out, width) -> PlanJson.write(plan, out));

    /** Where an action's values start in a block ("    credential: "), so a wrapped value goes on under itself. */
    private static final int VALUE = 16;

    private static String[] row(Action action) {
        return new String[] {String.valueOf(action.id()), action.kind().jsonName(), UntrustedText.escape(action.credential()),
            UntrustedText.escape(action.account()), action.note(), UntrustedText.escape(action.why())};
    }

    /**
     * The plan for people at {@code width} columns (0 for no limit): a table when every column fits whole, else one
     * block per action, as audit's table has one per finding, its values wrapped at spaces under their start. No
     * column is dropped: a reviewer reads every action whole, its reason included.
     */
    private static void table(Plan plan, Writer out, int width) throws IOException {
        FittedText text = new FittedText(out, width);
        if (plan.actions().isEmpty()) {
            text.line("No actions: nothing unused can be changed safely.", 2);
        } else {
            TextTable table = new TextTable(COLUMNS);
            List<String[]> rows = plan.actions().stream().map(PlanRenderer::row).toList();
            rows.forEach(table::measure);
            if (table.fit(width).isEmpty()) {
                table.writeHeader(out);
                for (String[] row : rows) {
                    table.writeRow(out, row);
                }
            } else {
                for (String[] row : rows) {
                    block(row, text);
                }
            }
        }
        if (!plan.manualSteps().isEmpty()) {
            out.write("\n");
            text.line("Steps for people (credreport does not change these):", 2);
            for (String step : plan.manualSteps()) {
                text.line("  - " + UntrustedText.escape(step), 4);
            }
        }
        out.write("\n");
        text.line(summary(plan), 2);
        text.footer();
    }

    /** One action of the plan as lines: "#1 deactivate-access-key, undo reactivates it", then its values. */
    private static void block(String[] row, FittedText text) throws IOException {
        text.line("#" + row[0] + " " + row[1] + ", " + row[4], 4);
        text.line("    credential: " + row[2], VALUE);
        if (!row[3].isEmpty()) {
            text.line("    account:    " + row[3], VALUE);
        }
        text.line("    why:        " + row[5], VALUE);
    }

    private static void markdown(Plan plan, Writer out, int width) throws IOException {
        out.write("## credreport fix plan\n\n");
        out.write("Made " + plan.created() + (plan.asOf() == null ? "" : ", ages as of " + plan.asOf()) + "; no credential used "
                + "within " + plan.minIdle().toDays() + " days; deletes only after " + plan.quarantine().toDays()
                + " days inactive.\n\n");
        if (!plan.actions().isEmpty()) {
            out.write("| # | Action | Credential | Account | Undo | Why |\n|---|---|---|---|---|---|\n");
            for (Action action : plan.actions()) {
                out.write("|");
                for (String cell : row(action)) {
                    out.write(" " + cell.replace("|", "\\|").replace("\n", " ") + " |");
                }
                out.write("\n");
            }
        } else {
            out.write("No actions.\n");
        }
        if (!plan.manualSteps().isEmpty()) {
            out.write("\n### Steps for people\n\n");
            for (String step : plan.manualSteps()) {
                out.write("- " + step.replace("\n", " ") + "\n");
            }
        }
        out.write("\n" + summary(plan) + "\n");
    }

    private static String summary(Plan plan) {
        long deletes = plan.actions().stream().filter(action -> !action.kind().undoable()).count();
        return plan.actions().size() + " action(s), " + deletes + " that cannot be undone, " + plan.manualSteps().size()
                + " step(s) for people.";
    }
}

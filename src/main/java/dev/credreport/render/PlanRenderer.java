package dev.credreport.render;

import dev.credreport.fix.Action;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
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

    private static String[] row(Action action) {
        return new String[] {String.valueOf(action.id()), action.kind().jsonName(), action.credential(), action.account(),
            action.note(), action.why()};
    }

    private static void table(Plan plan, Writer out, int width) throws IOException {
        if (plan.actions().isEmpty()) {
            out.write("No actions: nothing unused can be changed safely.\n");
        } else {
            TextTable table = new TextTable(COLUMNS);
            List<String[]> rows = plan.actions().stream().map(PlanRenderer::row).toList();
            rows.forEach(table::measure);
            List<String> hidden = table.fit(width);
            table.writeHeader(out);
            for (String[] row : rows) {
                table.writeRow(out, row);
            }
            if (!hidden.isEmpty()) {
                out.write("(hidden to fit " + width + " columns: " + String.join(", ", hidden) + ")\n");
            }
        }
        if (!plan.manualSteps().isEmpty()) {
            out.write("\nSteps for people (credreport does not change these):\n");
            for (String step : plan.manualSteps()) {
                out.write("  - " + step + "\n");
            }
        }
        out.write("\n" + summary(plan) + "\n");
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

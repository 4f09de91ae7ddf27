package dev.credreport.render;

import dev.credreport.audit.ControlTable;
import dev.credreport.audit.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The table of {@code audit --list-rules}. */
public final class RuleListRenderer {
    private static final List<TextTable.TableColumn> COLUMNS = List.of(
            new TextTable.TableColumn("ID", 100),
            new TextTable.TableColumn("SEVERITY", 90),
            new TextTable.TableColumn("DEFAULT THRESHOLD", 80),
            new TextTable.TableColumn("CONTROLS", 70),
            new TextTable.TableColumn("TITLE", 60));

    private RuleListRenderer() {
    }

    private static String[] row(RuleInfo rule) {
        return new String[] {rule.id(), rule.severity().label(), rule.threshold(),
            rule.controlsShown(ControlTable.LATEST_CIS).isEmpty() ? "-" : Controls.labels(rule.controlsShown(ControlTable.LATEST_CIS), ", "), rule.title()};
    }

    public static void render(List<RuleInfo> rules, Writer out) throws IOException {
        TextTable table = new TextTable(COLUMNS);
        List<String[]> rows = rules.stream().map(RuleListRenderer::row).toList();
        rows.forEach(table::measure);
        table.fit(0);
        table.writeHeader(out);
        for (String[] row : rows) {
            table.writeRow(out, row);
        }
    }
}

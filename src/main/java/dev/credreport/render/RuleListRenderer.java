package dev.credreport.render;

import dev.credreport.core.Lines;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.credreport.audit.Control;
import dev.credreport.audit.ControlTable;
import dev.credreport.audit.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What {@code audit --list-rules} prints: every rule with the controls it checks, and the items of
 * the standards no rule can judge from a credential report. Tables and CSV show one CIS version's
 * numbers; JSON carries every version.
 */
final class RuleListRenderer {
    private static final List<TextTable.TableColumn> COLUMNS = List.of(
            new TextTable.TableColumn("ID", 100),
            new TextTable.TableColumn("SEVERITY", 90),
            new TextTable.TableColumn("DEFAULT THRESHOLD", 80),
            new TextTable.TableColumn("CONTROLS", 70),
            new TextTable.TableColumn("TITLE", 60));

    private RuleListRenderer() {
    }

    /** The list in one format: the name the user types, and the method that writes it. */
    record AsFormat(String name, boolean forPeople, Writer writer) implements Format<RuleList> {
        /** Writes the rules, with the CIS version whose numbers tables and CSV show, fitted to {@code width} (0: no limit). */
        @FunctionalInterface
        interface Writer {
            void write(RuleList list, java.io.Writer out, int width) throws IOException;
        }

        @Override
        public void write(RuleList list, java.io.Writer out, RenderContext context) throws IOException {
            writer.write(list, out, context.width());
        }
    }

    static final AsFormat TABLE = new AsFormat("table", true, (list, out, width) -> table(list.rules(), list.cisVersion(), out, width));
    static final AsFormat JSON = new AsFormat("json", false, (list, out, width) -> json(list.rules(), out));
    static final AsFormat CSV = new AsFormat("csv", false, (list, out, width) -> csv(list.rules(), list.cisVersion(), out));

    private static void table(List<RuleInfo> rules, String cisVersion, Writer out, int width) throws IOException {
        TextTable table = new TextTable(COLUMNS);
        List<String[]> rows = rules.stream().map(rule -> new String[] {rule.id(), rule.severity().label(), rule.threshold(),
            shown(rule.controls(), cisVersion, ", "), rule.title()}).toList();
        rows.forEach(table::measure);
        List<String> hidden = table.fit(width);
        table.writeHeader(out);
        for (String[] row : rows) {
            table.writeRow(out, row);
        }
        FittedText text = new FittedText(out, width);
        if (!hidden.isEmpty()) {
            text.line(TextTable.hiddenNote(hidden, width), 1);
        }
        if (table.cutAny()) {
            text.cutElsewhere();
        }
        out.write("\n");
        text.line("CIS numbers of version " + cisVersion + " (--cis-version: " + String.join(", ", ControlTable.CIS_VERSIONS) + ").", 2);
        for (ControlTable.Uncovered uncovered : ControlTable.uncovered()) {
            text.line("Not covered: " + uncovered.title() + " (" + shown(uncovered.controls(), cisVersion, ", ")
                    + "): " + uncovered.reason() + ".", 2);
        }
        text.footer();
    }

    private static void csv(List<RuleInfo> rules, String cisVersion, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord("rule_id", "severity", "default_threshold", "controls", "title", "remediation");
        for (RuleInfo rule : rules) {
            csv.printRecord(rule.id(), rule.severity().label(), FindingsCsvRenderer.safe(rule.threshold()),
                    Controls.labels(rule.controlsShown(cisVersion), "; "), rule.title(), rule.remediation());
        }
        csv.flush();
    }

    private static void json(List<RuleInfo> rules, Writer out) throws IOException {
        try (JsonGenerator json = Json.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("cis_versions");
            for (String version : ControlTable.CIS_VERSIONS) {
                json.writeString(version);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rules");
            for (RuleInfo rule : rules) {
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeStringField("severity", rule.severity().label());
                json.writeStringField("title", rule.title());
                json.writeStringField("default_threshold", rule.threshold());
                json.writeStringField("remediation", rule.remediation());
                writeControls(json, rule.controls());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("not_covered");
            for (ControlTable.Uncovered uncovered : ControlTable.uncovered()) {
                json.writeStartObject();
                json.writeStringField("title", uncovered.title());
                json.writeStringField("reason", uncovered.reason());
                writeControls(json, uncovered.controls());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeControls(JsonGenerator json, List<Control> controls) throws IOException {
        json.writeArrayFieldStart("controls");
        for (Control control : controls) {
            Controls.write(json, control);
        }
        json.writeEndArray();
    }

    private static String shown(List<Control> controls, String cisVersion, String separator) {
        List<Control> shown = ControlTable.shown(controls, cisVersion);
        if (!shown.isEmpty()) {
            return Controls.labels(shown, separator);
        }
        // Say so where other versions have an item, so that "-" is not read as "maps to nothing".
        return controls.stream().anyMatch(Control::isCis) ? "none in CIS " + cisVersion : "-";
    }
}

package dev.credreport.render;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns that fit a width: columns of least importance are hidden until the rest fit,
 * then the first (shrinkable) column is cut short with an ellipsis.
 */
final class TextTable {
    private static final String GAP = "  ";
    private static final int MIN_FIRST_COLUMN = 8;

    /** A column; a higher {@code keep} is hidden later. */
    record TableColumn(String header, int keep) {
    }

    private final List<TableColumn> columns;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(List<TableColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    void addRow(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells);
    }

    /**
     * Writes the table within {@code width} columns (0: no limit).
     *
     * @return the headers of the columns hidden to fit
     */
    List<String> write(Writer out, int width) throws IOException {
        int[] natural = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            natural[c] = columns.get(c).header().length();
            for (String[] row : rows) {
                natural[c] = Math.max(natural[c], row[c].length());
            }
        }
        boolean[] shown = new boolean[columns.size()];
        java.util.Arrays.fill(shown, true);
        List<String> hidden = new ArrayList<>();
        while (width > 0 && total(natural, shown) > width && hideOne(shown, hidden)) {
            // hideOne hid the least important column still shown
        }
        int[] widths = natural.clone();
        if (width > 0 && total(widths, shown) > width) {
            widths[0] = Math.max(MIN_FIRST_COLUMN, widths[0] - (total(widths, shown) - width));
        }
        writeLine(out, headers(), widths, shown);
        for (String[] row : rows) {
            writeLine(out, row, widths, shown);
        }
        return hidden;
    }

    private String[] headers() {
        return columns.stream().map(TableColumn::header).toArray(String[]::new);
    }

    private boolean hideOne(boolean[] shown, List<String> hidden) {
        int least = -1;
        for (int c = 1; c < columns.size(); c++) {
            if (shown[c] && (least < 0 || columns.get(c).keep() < columns.get(least).keep())) {
                least = c;
            }
        }
        if (least < 0) {
            return false;
        }
        shown[least] = false;
        hidden.add(columns.get(least).header());
        return true;
    }

    private static int total(int[] widths, boolean[] shown) {
        int total = 0;
        int count = 0;
        for (int c = 0; c < widths.length; c++) {
            if (shown[c]) {
                total += widths[c];
                count++;
            }
        }
        return total + GAP.length() * Math.max(0, count - 1);
    }

    private static void writeLine(Writer out, String[] cells, int[] widths, boolean[] shown) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (!shown[c]) {
                continue;
            }
            if (line.length() > 0) {
                line.append(GAP);
            }
            String cell = cells[c];
            if (cell.length() > widths[c]) {
                cell = cell.substring(0, widths[c] - 1) + "\u2026";
            }
            line.append(cell);
            line.append(" ".repeat(widths[c] - cell.length()));
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }
}

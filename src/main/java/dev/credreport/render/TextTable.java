package dev.credreport.render;

import dev.credreport.core.Lines;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns that fit a width, written without holding the rows: every row is measured
 * first, then {@link #fit} decides the layout, then every row is written. A long first column
 * (user names) is cut short with an ellipsis before any other column is hidden, so that one long
 * name does not cost the table its columns; then columns of least importance are hidden until the
 * rest fit, and room left over goes back to the first column.
 */
final class TextTable {
    private static final String GAP = "  ";
    private static final int MIN_FIRST_COLUMN = 8;
    /** The first column's width before columns are hidden: a fifth of the width, at least this. */
    private static final int FIRST_COLUMN_SHARE = 16;

    /** A column; a higher {@code keep} is hidden later. */
    record TableColumn(String header, int keep) {
    }

    private final List<TableColumn> columns;
    private final int[] widths;
    private final boolean[] shown;
    private final java.util.Set<String> pinned = new java.util.HashSet<>();
    /** Whether a written cell was cut short to fit. */
    private boolean cut;

    TextTable(List<TableColumn> columns) {
        this.columns = List.copyOf(columns);
        this.widths = new int[columns.size()];
        this.shown = new boolean[columns.size()];
        Arrays.fill(shown, true);
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).header().length();
        }
    }

    /** Takes a row's cells into account for the column widths. */
    void measure(String... cells) {
        check(cells);
        for (int c = 0; c < cells.length; c++) {
            widths[c] = Math.max(widths[c], cells[c].length());
        }
    }

    /**
     * Lays the measured columns out within {@code width} columns (0: no limit).
     *
     * @return the headers of the columns hidden to fit
     */
    List<String> fit(int width) {
        List<String> hidden = new ArrayList<>();
        if (width <= 0 || total() <= width) {
            return hidden;
        }
        int natural = widths[0];
        int share = Math.max(columns.get(0).header().length(), Math.max(FIRST_COLUMN_SHARE, width / 5));
        widths[0] = Math.min(natural, share);
        while (total() > width && hideLeastImportant(hidden)) {
            // one column fewer each time round
        }
        if (total() < width) {
            widths[0] = Math.min(natural, widths[0] + width - total());
        }
        if (total() > width) {
            widths[0] = Math.max(MIN_FIRST_COLUMN, widths[0] - (total() - width));
        }
        return hidden;
    }

    void writeHeader(Writer out) throws IOException {
        writeRow(out, columns.stream().map(TableColumn::header).toArray(String[]::new));
    }

    void writeRow(Writer out, String... cells) throws IOException {
        check(cells);
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
                cell = Lines.cut(cell, widths[c]);
                cut = true;
            }
            line.append(cell);
            line.append(" ".repeat(widths[c] - cell.length()));
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }

    /** Whether a cell written so far was cut short with an ellipsis: the output must say so. */
    boolean cutAny() {
        return cut;
    }

    /**
     * The note under a table that had to leave columns out: which, and how to see them. Wrapped by
     * the caller, never cut: it is the only place that says what the table leaves out.
     */
    static String hiddenNote(List<String> hidden, int width) {
        return "(hidden to fit " + width + " columns: " + String.join(", ", hidden) + "; --wide shows every column)";
    }

    private void check(String[] cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells for " + columns.size() + " columns");
        }
    }

    /** A column that holds something the reader must see (an active second key): hidden only after every other. */
    void keepShown(String header) {
        pinned.add(header);
    }

    private int keep(int column) {
        return pinned.contains(columns.get(column).header()) ? Integer.MAX_VALUE : columns.get(column).keep();
    }

    private boolean hideLeastImportant(List<String> hidden) {
        int least = -1;
        for (int c = 1; c < columns.size(); c++) {
            if (shown[c] && (least < 0 || keep(c) < keep(least))) {
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

    private int total() {
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
}

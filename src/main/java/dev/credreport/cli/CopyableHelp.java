package dev.credreport.cli;

import dev.credreport.core.Lines;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's help with lines broken only where {@link HelpLines} allows: the synopsis, the
 * description, the options' and operands' descriptions and the command list. picocli lays out the
 * columns as always; the text of the last column is broken here into lines that each fit, so picocli
 * never breaks one itself. When a piece cannot fit the description column (a long file name
 * pattern), that description goes under its option instead, indented {@value #STACKED}, where the
 * line is wider.
 */
final class CopyableHelp extends Help {
    static final int STACKED = 8;
    /** picocli's bound on the synopsis indent, as a share of the width (private in picocli). */
    private static final double MAX_SYNOPSIS_INDENT = 0.9;
    private static final Text EMPTY = Ansi.OFF.new Text(0);

    CopyableHelp(CommandSpec command, ColorScheme colorScheme) {
        super(command, colorScheme);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
        TextTable table = TextTable.forDefaultColumns(scheme, calcLongOptionColumnWidth(options, positionals, scheme), width());
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer()) {
            @Override
            public void layout(ArgSpec argSpec, Text[][] cells) {
                for (Text[] row : cells) {
                    addRow(table, row);
                }
            }
        };
    }

    @Override
    public String description(Object... params) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : commandSpec().usageMessage().description()) {
            for (String line : format(paragraph, params).split("\\R", -1)) {
                Text styled = colorScheme().text(line);
                for (Lines.Line wrapped : HelpLines.lines(styled.plainString(), width(), width())) {
                    text.append(styled.substring(wrapped.start(), wrapped.end())).append(System.lineSeparator());
                }
            }
        }
        return text.toString();
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        // picocli's columns: the names, then the first line of each description.
        int commandLength = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width() / 2);
        TextTable table = TextTable.forColumns(colorScheme(), new Column(commandLength + 2, 2, Column.Overflow.SPAN),
                new Column(width() - (commandLength + 2), 2, Column.Overflow.WRAP));
        for (Help help : subcommands.values()) {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String summary = usage.header().length > 0 ? usage.header()[0] : usage.description().length > 0 ? usage.description()[0] : "";
            Text[] lines = colorScheme().text(format(summary)).splitLines();
            for (int i = 0; i < lines.length; i++) {
                addRow(table, new Text[] {i == 0 ? help.commandNamesText(", ") : EMPTY, lines[i]});
            }
        }
        return table.toString();
    }

    @Override
    protected String insertSynopsisCommandName(int synopsisHeadingLength, Text details) {
        UsageMessageSpec usage = commandSpec().usageMessage();
        String name = commandSpec().qualifiedName();
        // picocli's indent: under the first option, unless the command name takes too much of the line.
        int indent = synopsisHeadingLength + name.length() + 1;
        if (indent > usage.synopsisAutoIndentThreshold() * width()) {
            indent = usage.synopsisIndent() < 0 ? synopsisHeadingLength : usage.synopsisIndent();
            indent = Math.min(indent, (int) (MAX_SYNOPSIS_INDENT * width()));
        }
        Text synopsis = colorScheme().commandText(name).concat(details);
        StringBuilder text = new StringBuilder();
        List<Lines.Line> lines = HelpLines.lines(synopsis.plainString(), width() - synopsisHeadingLength, width() - indent);
        for (int i = 0; i < lines.size(); i++) {
            text.append(i == 0 ? "" : " ".repeat(indent)).append(synopsis.substring(lines.get(i).start(), lines.get(i).end()))
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    /**
     * Adds a row whose last column is broken into lines here: each fits its column, with picocli's
     * indent for the lines after the first. A piece too wide for the column moves the text under the
     * row's first columns, from {@value #STACKED} characters in, through the first column that spans.
     */
    static void addRow(TextTable table, Text[] values) {
        Column[] columns = table.columns();
        int last = columns.length - 1;
        Text text = values[last];
        String plain = text.plainString();
        int first = columns[last].width - columns[last].indent;
        int next = first - table.indentWrappedLines;
        List<Lines.Line> lines = HelpLines.lines(plain, first, next);
        Text[] row = values.clone();
        int spanning = firstSpanningColumn(columns);
        if (Lines.fits(lines, first, next) || spanning < 0) {
            row[last] = text.substring(lines.get(0).start(), lines.get(0).end());
            table.addRowValues(row);
            for (Lines.Line line : lines.subList(1, lines.size())) {
                Text[] more = emptyRow(columns.length);
                more[last] = indented(text, table.indentWrappedLines, line);
                table.addRowValues(more);
            }
            return;
        }
        // The first columns alone: a row of names that spans needs no row of its own for an empty last column.
        table.addRowValues(java.util.Arrays.copyOf(row, last));
        int start = columns[spanning].indent;
        int tableWidth = 0;
        for (int c = 0; c < columns.length; c++) {
            start += c < spanning ? columns[c].width : 0;
            tableWidth += columns[c].width;
        }
        // Less indent on a terminal so narrow that the widest piece would not fit even under the option.
        int widest = HelpLines.lines(plain, 0, 0).stream().mapToInt(Lines.Line::length).max().orElse(0);
        int indent = Math.max(start, Math.min(STACKED, tableWidth - widest));
        for (Lines.Line line : HelpLines.lines(plain, tableWidth - indent, tableWidth - indent)) {
            table.addEmptyRow();
            table.putValue(table.rowCount() - 1, spanning, indented(text, indent - start, line));
        }
    }

    /** One line of the text after some spaces, in the text's own styles. */
    private static Text indented(Text text, int spaces, Lines.Line line) {
        return text.substring(0, 0).concat(" ".repeat(spaces)).concat(text.substring(line.start(), line.end()));
    }

    private static int firstSpanningColumn(Column[] columns) {
        for (int c = 0; c < columns.length - 1; c++) {
            if (columns[c].overflow == Column.Overflow.SPAN) {
                return c;
            }
        }
        return -1;
    }

    private static Text[] emptyRow(int columns) {
        Text[] row = new Text[columns];
        java.util.Arrays.fill(row, EMPTY);
        return row;
    }

    /** As picocli formats a description: %n and the like, and the text as it is when it is no format. */
    private static String format(String text, Object... params) {
        try {
            return String.format(text, params);
        } catch (java.util.IllegalFormatException e) {
            return text;
        }
    }
}

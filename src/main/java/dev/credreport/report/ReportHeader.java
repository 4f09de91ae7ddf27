package dev.credreport.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The header line of a report: its column names in order, and where each known column stands. */
public final class ReportHeader {
    private final List<String> names;
    private final Map<Column, Integer> positions;
    private final List<Integer> unknownPositions;

    private ReportHeader(List<String> names, Map<Column, Integer> positions, List<Integer> unknownPositions) {
        this.names = names;
        this.positions = positions;
        this.unknownPositions = unknownPositions;
    }

    /**
     * Reads a header line.
     *
     * @throws IllegalArgumentException naming the problem: a required column missing, an empty or repeated name
     */
    public static ReportHeader of(List<String> names) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        List<Integer> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column " + UntrustedText.quote(name) + " appears twice in the header");
            }
            int position = i;
            Column.byName(name).ifPresentOrElse(column -> positions.put(column, position), () -> unknown.add(position));
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.columnName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing(names, missing));
        }
        return new ReportHeader(List.copyOf(names), positions, Collections.unmodifiableList(unknown));
    }

    /** All column names, in the report's order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** The position of a known column, or -1 where the report lacks it. */
    public int positionOf(Column column) {
        return positions.getOrDefault(column, -1);
    }

    /** Positions of the columns credreport does not know, carried through as text. */
    public List<Integer> unknownPositions() {
        return unknownPositions;
    }

    /** Columns named in a message about a header: enough to recognise it, never a wall of them. */
    private static final int NAMED = 3;

    /**
     * One short line: a header of something else is shown by its first columns beside a credential
     * report's; a credential report's header with columns cut away by the columns it lacks.
     */
    private static String missing(List<String> names, List<String> missing) {
        boolean someOfOurs = names.stream().anyMatch(name -> Column.byName(name).isPresent());
        if (!someOfOurs) {
            List<String> ours = java.util.Arrays.stream(Column.values()).filter(Column::required).map(Column::columnName).toList();
            return "its header starts " + first(names) + "; a credential report's starts " + String.join(", ", ours.subList(0, NAMED));
        }
        return "its header lacks " + first(missing);
    }

    /** 'a', 'b', 'c' and 13 more. */
    private static String first(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMED, names.size())).stream().map(UntrustedText::quote).toList();
        String listed = String.join(", ", shown);
        return names.size() > NAMED ? listed + " and " + (names.size() - NAMED) + " more" : listed;
    }
}

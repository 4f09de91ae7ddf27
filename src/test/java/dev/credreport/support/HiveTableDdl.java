package dev.credreport.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Athena's {@code CREATE EXTERNAL TABLE}, which Athena hands to Hive's DDL parser (Trino cannot run
 * it), read with Hive's lexical rules and turned into the Trino {@code CREATE TABLE} that makes the
 * same table: what Athena stores in its catalog for the Hive statement is what Trino's Hive
 * connector reads there. Only the clauses and properties credreport's DDL uses are known, and any
 * other one fails the translation, so the DDL cannot grow a clause no engine checked.
 *
 * <p>Hive's string literals: {@code '...'} or {@code "..."}, a backslash escapes the next character
 * ({@code \'}, {@code \\}, {@code \n}, ...), and literals written next to each other are one
 * ({@code 'it''s'} is {@code its}, which is why SQL's doubled quote is no escape there).
 */
public final class HiveTableDdl {
    public record Column(String name, String type) {
    }

    public final String table;
    public final List<Column> columns = new ArrayList<>();
    public final List<Column> partitionColumns = new ArrayList<>();
    public String serde;
    public final Map<String, String> serdeProperties = new LinkedHashMap<>();
    public String storedAs;
    public String location;
    public final Map<String, String> tableProperties = new LinkedHashMap<>();

    private final List<String> tokens;
    private int next;

    private HiveTableDdl(String sql) {
        tokens = tokenize(sql);
        expect("CREATE", "EXTERNAL", "TABLE", "IF", "NOT", "EXISTS");
        StringBuilder name = new StringBuilder(identifier());
        while (peek().equals(".")) {
            next++;
            name.append('.').append(identifier());
        }
        table = name.toString();
        columns(columns);
        expect("PARTITIONED", "BY");
        columns(partitionColumns);
        expect("ROW", "FORMAT", "SERDE");
        serde = literal();
        expect("WITH", "SERDEPROPERTIES");
        properties(serdeProperties);
        expect("STORED", "AS");
        storedAs = identifier();
        expect("LOCATION");
        location = literal();
        expect("TBLPROPERTIES");
        properties(tableProperties);
        expect(";");
        if (next != tokens.size()) {
            throw new IllegalArgumentException("after the statement: " + tokens.subList(next, tokens.size()));
        }
    }

    public static HiveTableDdl parse(String sql) {
        return new HiveTableDdl(sql);
    }

    /**
     * The Trino statement that makes this table in {@code catalog}, each location passed through
     * {@code locations} (s3:// to where the test keeps the objects).
     */
    public String toTrino(String catalog, UnaryOperator<String> locations) {
        if (!serde.equals("org.apache.hadoop.hive.serde2.OpenCSVSerde") || !storedAs.equalsIgnoreCase("TEXTFILE")) {
            throw new IllegalArgumentException("only OpenCSVSerde over text files is known: " + serde + " " + storedAs);
        }
        Map<String, String> with = new LinkedHashMap<>();
        with.put("format", quote("CSV"));
        with.put("external_location", quote(locations.apply(location)));
        List<String> partitionNames = new ArrayList<>();
        for (Column column : partitionColumns) {
            partitionNames.add(quote(column.name()));
        }
        with.put("partitioned_by", "ARRAY[" + String.join(", ", partitionNames) + "]");
        serdeProperties.forEach((key, value) -> {
            switch (key) {
                case "separatorChar" -> with.put("csv_separator", quote(value));
                case "quoteChar" -> with.put("csv_quote", quote(value));
                case "escapeChar" -> with.put("csv_escape", quote(value));
                default -> throw new IllegalArgumentException("unknown SERDEPROPERTIES key " + key);
            }
        });
        Map<String, Map<String, String>> columnProperties = new LinkedHashMap<>();
        tableProperties.forEach((key, value) -> {
            if (key.equals("skip.header.line.count")) {
                with.put("skip_header_line_count", Integer.toString(Integer.parseInt(value)));
            } else if (key.equals("projection.enabled")) {
                with.put("partition_projection_enabled", Boolean.toString(Boolean.parseBoolean(value)));
            } else if (key.equals("storage.location.template")) {
                with.put("partition_projection_location_template", quote(locations.apply(value)));
            } else if (key.startsWith("projection.")) {
                String rest = key.substring("projection.".length());
                Column column = partitionColumns.stream().filter(c -> rest.startsWith(c.name() + "."))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("projection of no partition column: " + key));
                String property = rest.substring(column.name().length() + 1);
                String trino = switch (property) {
                    case "type", "format", "interval.unit" -> quote(value);
                    case "interval" -> Integer.toString(Integer.parseInt(value));
                    case "range" -> {
                        List<String> bounds = new ArrayList<>();
                        for (String bound : value.split(",", -1)) {
                            bounds.add(quote(bound));
                        }
                        yield "ARRAY[" + String.join(", ", bounds) + "]";
                    }
                    default -> throw new IllegalArgumentException("unknown projection property " + key);
                };
                columnProperties.computeIfAbsent(column.name(), c -> new LinkedHashMap<>())
                        .put("partition_projection_" + property.replace('.', '_'), trino);
            } else {
                throw new IllegalArgumentException("unknown TBLPROPERTIES key " + key);
            }
        });
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(catalog).append('.').append(table).append(" (\n");
        List<String> definitions = new ArrayList<>();
        for (Column column : columns) {
            definitions.add("  " + identifierSql(column.name()) + " " + trinoType(column.type()));
        }
        for (Column column : partitionColumns) {
            StringBuilder definition = new StringBuilder("  " + identifierSql(column.name()) + " " + trinoType(column.type()));
            Map<String, String> properties = columnProperties.getOrDefault(column.name(), Map.of());
            if (!properties.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                properties.forEach((key, value) -> pairs.add(key + " = " + value));
                definition.append(" WITH (").append(String.join(", ", pairs)).append(')');
            }
            definitions.add(definition.toString());
        }
        sql.append(String.join(",\n", definitions)).append("\n)\nWITH (\n");
        List<String> pairs = new ArrayList<>();
        with.forEach((key, value) -> pairs.add("  " + key + " = " + value));
        return sql.append(String.join(",\n", pairs)).append("\n)").toString();
    }

    private static String trinoType(String hive) {
        if (!hive.equalsIgnoreCase("string")) {
            throw new IllegalArgumentException("OpenCSVSerde columns are strings, not " + hive);
        }
        return "varchar";
    }

    private static String identifierSql(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void columns(List<Column> into) {
        expect("(");
        do {
            into.add(new Column(identifier(), identifier()));
        } while (take(","));
        expect(")");
    }

    private void properties(Map<String, String> into) {
        expect("(");
        do {
            String key = literal();
            expect("=");
            if (into.put(key, literal()) != null) {
                throw new IllegalArgumentException("property " + key + " given twice");
            }
        } while (take(","));
        expect(")");
    }

    private void expect(String... words) {
        for (String word : words) {
            String token = token();
            if (!token.equalsIgnoreCase(word)) {
                throw new IllegalArgumentException("expected " + word + ", found " + token + " (token " + next + ")");
            }
        }
    }

    private boolean take(String symbol) {
        if (peek().equals(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : "";
    }

    private String token() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("the statement ends too soon");
        }
        return tokens.get(next++);
    }

    private String identifier() {
        String token = token();
        if (token.startsWith("`")) {
            return token.substring(1);
        }
        if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("expected a name, found " + token);
        }
        return token;
    }

    private String literal() {
        String token = token();
        if (!token.startsWith("'")) {
            throw new IllegalArgumentException("expected a string literal, found " + token);
        }
        return token.substring(1);
    }

    /**
     * Hive's tokens: a literal as {@code '} and its value, a quoted name as {@code `} and the name,
     * other words and symbols as they stand; {@code --} comments are skipped.
     */
    static List<String> tokenize(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                // Adjacent literals are one, as Hive's grammar has it (StringLiteral+).
                while (i < sql.length() && (sql.charAt(i) == '\'' || sql.charAt(i) == '"')) {
                    i = readLiteral(sql, i, value);
                    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                        i++;
                    }
                }
                tokens.add("'" + value);
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                tokens.add("`" + sql.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(sql.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** One literal from its opening quote; returns where it ends. Escapes as Hive's unescapeSQLString reads them. */
    private static int readLiteral(String sql, int start, StringBuilder value) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (true) {
            if (i >= sql.length()) {
                throw new IllegalArgumentException("an unterminated literal from " + start);
            }
            char c = sql.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\') {
                char escaped = sql.charAt(i + 1);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '0' -> value.append('\0');
                    // Hive keeps these two escaped, for LIKE patterns.
                    case '%', '_' -> value.append('\\').append(escaped);
                    default -> value.append(escaped);
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
    }
}

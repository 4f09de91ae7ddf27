package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import picocli.CommandLine.Option;

/** --width, for the commands whose table format is text for people: fetch, audit, diff and fix plan. */
final class WidthOption {
    /** Narrower than this, no table or finding can be read. */
    static final int NARROWEST = 20;

    @Option(names = "--width", paramLabel = "COLUMNS", order = 9,
            description = "Fit the table format to this many columns: long lines wrap at spaces under their own start, "
                    + "never inside a word; columns that cannot fit are dropped and named below the table, and a value "
                    + "too wide for its line is cut with \u2026 and said so below. " + WidthOption.DROP_ORDER
                    + " Default: the terminal's width (COLUMNS) when writing to a terminal; none otherwise, so pipes "
                    + "and files get whole lines.")
    Integer width;

    @Option(names = "--wide", order = 9,
            description = "Show every column and every value whole, lines unwrapped, however wide the terminal.")
    boolean wide;

    /** The order tables drop columns to fit, as TableRenderer and RuleListRenderer rank them (TableWidthTest checks it). */
    static final String DROP_ORDER = "fetch's table drops CERTS, then CREATED, KEY 2 USED, KEY 2 (never while a second "
            + "key is active), PASSWORD, KEY 1 USED, PASSWORD USED, KEY 1, MFA; --list-rules drops TITLE, then "
            + "CONTROLS, DEFAULT THRESHOLD, SEVERITY.";

    /** Refuses a width no table fits in, whatever the format: a mistake is told before any work. */
    void check() {
        if (wide && width != null) {
            throw CredreportException.usage("--wide and --width cannot be used together: --wide for every column, "
                    + "--width N to fit N columns");
        }
        if (width != null && width < NARROWEST) {
            throw CredreportException.usage("--width must be at least " + NARROWEST + " columns");
        }
    }

    /** The columns text for people is fitted to: none with --wide, --width, else the terminal's when writing to it, else none (0). */
    int columns(Environment environment, OutputOptions output) {
        return columns(environment, output.tableByDefault(environment));
    }

    /**
     * The columns text for people is fitted to when {@code toTerminal} tells whether it is written to the terminal:
     * none with --wide, --width, else the terminal's when it is, else none (0).
     */
    int columns(Environment environment, boolean toTerminal) {
        check();
        if (wide) {
            return 0;
        }
        if (width != null) {
            return width;
        }
        return toTerminal ? Math.max(0, environment.terminalWidth().getAsInt()) : 0;
    }
}

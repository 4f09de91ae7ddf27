package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import picocli.CommandLine.Option;

/** --width, for the commands whose table format is text for people: fetch, audit and diff. */
final class WidthOption {
    /** Narrower than this, no table or finding can be read. */
    static final int NARROWEST = 20;

    @Option(names = "--width", paramLabel = "COLUMNS", order = 9,
            description = "Fit the table format to this many columns: long lines wrap under their own start, columns "
                    + "that cannot fit are dropped and named below. Default: the terminal's width (COLUMNS) when writing "
                    + "to a terminal; none otherwise, so pipes and files get whole lines.")
    Integer width;

    /** Refuses a width no table fits in, whatever the format: a mistake is told before any work. */
    void check() {
        if (width != null && width < NARROWEST) {
            throw CredreportException.usage("--width must be at least " + NARROWEST + " columns");
        }
    }

    /** The columns text for people is fitted to: --width, else the terminal's when writing to it, else none (0). */
    int columns(Environment environment, OutputOptions output) {
        check();
        if (width != null) {
            return width;
        }
        return output.tableByDefault(environment) ? Math.max(0, environment.terminalWidth().getAsInt()) : 0;
    }
}

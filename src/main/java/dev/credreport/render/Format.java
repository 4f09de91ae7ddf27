package dev.credreport.render;

import java.io.IOException;
import java.io.Writer;

/**
 * One way of writing a result of kind {@code R} (a report, an audit, a diff, the rule list),
 * named as the user types it after {@code --format}. Each format is one class, listed once in
 * {@link Formats}.
 */
public interface Format<R> {
    /** The name the user types, in lower case. */
    String name();

    /** Writes one result, a whole document. */
    void write(R result, Writer out, RenderContext context) throws IOException;

    /**
     * Whether the format is for people at a terminal: fitted to its width, with its own summary,
     * and what a command writes to a terminal when no --format is given.
     */
    default boolean forPeople() {
        return false;
    }

    /**
     * How many times the format reads its result's rows to write it: a report's table reads them
     * twice (column widths, then rows), its csv none (it copies the report's bytes). A command writing a report too large to keep in memory
     * spools the output rather than parse the report once more only for such a format (see
     * source/OnePassWrite, where the measurements are).
     */
    default int rowReads() {
        return 1;
    }

    /** Whether the format names a Security Hub region (ASFF), so the command must know one before any AWS call. */
    default boolean needsSecurityHubRegion() {
        return false;
    }
}

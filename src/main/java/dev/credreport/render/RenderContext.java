package dev.credreport.render;

import java.time.Clock;
import java.util.Objects;

/**
 * What a renderer needs besides the report.
 *
 * @param clock the time ages are counted to
 * @param width the columns the table must fit in; 0 for no limit
 */
public record RenderContext(Clock clock, int width) {
    public RenderContext {
        Objects.requireNonNull(clock, "clock");
        if (width < 0) {
            throw new IllegalArgumentException("width cannot be negative");
        }
    }
}

package dev.credreport.render;

import java.time.Clock;
import java.util.Objects;

/**
 * What a format needs besides the result.
 *
 * @param clock the time ages are counted to
 * @param width the columns the table must fit in; 0 for no limit
 * @param securityHubRegion the region ASFF findings name, or null when the format names none
 */
public record RenderContext(Clock clock, int width, String securityHubRegion) {
    public RenderContext {
        Objects.requireNonNull(clock, "clock");
        if (width < 0) {
            throw new IllegalArgumentException("width cannot be negative");
        }
    }

    public RenderContext(Clock clock, int width) {
        this(clock, width, null);
    }
}

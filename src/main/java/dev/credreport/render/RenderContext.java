package dev.credreport.render;

import java.time.Clock;
import java.util.Objects;

/**
 * What a format needs besides the result.
 *
 * @param clock the time ages are counted to
 * @param width the columns the table must fit in; 0 for no limit
 * @param securityHubRegion the region ASFF findings name, or null when the format names none
 * @param ownerTag the --owner-tag whose values the findings carry as owners (an owner column, field or line),
 *     or null when owners were not read
 * @param byOwner whether findings are grouped by owner (--group-by owner): ordered by owner, "no owner" last,
 *     and headed by their owner in the table
 */
public record RenderContext(Clock clock, int width, String securityHubRegion, String ownerTag, boolean byOwner) {
    public RenderContext {
        Objects.requireNonNull(clock, "clock");
        if (width < 0) {
            throw new IllegalArgumentException("width cannot be negative");
        }
        if (byOwner && ownerTag == null) {
            throw new IllegalArgumentException("grouping by owner needs the owner tag");
        }
    }

    public RenderContext(Clock clock, int width, String securityHubRegion) {
        this(clock, width, securityHubRegion, null, false);
    }

    public RenderContext(Clock clock, int width) {
        this(clock, width, null);
    }

    /** This context with findings that carry owners from {@code tag}, grouped by owner or not. */
    public RenderContext withOwners(String tag, boolean grouped) {
        return new RenderContext(clock, width, securityHubRegion, tag, grouped);
    }

    /** Whether the findings carry owners. */
    public boolean owners() {
        return ownerTag != null;
    }
}

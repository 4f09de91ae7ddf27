package dev.credreport.store;

import dev.credreport.core.CredreportException;
import java.util.Optional;

/**
 * Saves a report under the name its account and generated time give it, in any
 * {@link WriteOnceStore}, never over another report: the same content already there is kept as it
 * is, a name taken by other content sends the report to the next suffix ({@code …Z-1.csv},
 * {@code …Z-2.csv}), and a name another run takes between the look and the write is looked at again.
 *
 * <p>A new report's name always comes after every name its account and time already have, as far
 * as the store knows them: a name freed by {@code --keep} below a suffixed one is never taken
 * again, since the new report would sort oldest and the next prune would delete it.
 */
public final class SaveWithoutOverwriting {
    /**
     * Lost races on one name before giving up. Each lost race means another writer put something
     * there, which the next look sees; a name that is taken yet empty each time is a fault (a
     * dangling link, a store that refuses conditional writes with 412), not a race to run forever.
     */
    static final int MAX_LOST_RACES = 100;

    private SaveWithoutOverwriting() {
    }

    public static ReportStore.SaveOutcome save(WriteOnceStore store, ArchiveLayout layout, byte[] content, ReportMetadata metadata) {
        return save(store, layout, content, metadata, -1);
    }

    /**
     * @param highestTaken the highest suffix a report of this account and generated time is known to
     *     have (-1: none known); a free name at or below it is passed over, not taken
     */
    public static ReportStore.SaveOutcome save(WriteOnceStore store, ArchiveLayout layout, byte[] content, ReportMetadata metadata,
            int highestTaken) {
        int lostRaces = 0;
        for (int suffix = 0; suffix <= ArchiveLayout.MAX_SUFFIX; ) {
            String path = layout.path(metadata.accountId(), metadata.generatedTime(), suffix);
            Optional<WriteOnceStore.Existing> existing = store.existing(path);
            if (existing.isPresent()) {
                if (existing.get().holds(content)) {
                    store.repair(path, metadata);
                    return new ReportStore.SaveOutcome(store.location(path), false, suffix);
                }
                suffix++;
                lostRaces = 0;
                continue;
            }
            if (suffix <= highestTaken) {
                // Freed by a prune, with a later name still there: a report here would sort before it.
                suffix++;
                continue;
            }
            if (store.putIfAbsent(path, content, metadata)) {
                return new ReportStore.SaveOutcome(store.location(path), true, suffix);
            }
            // Another run took the name between the look and the write: look at what it wrote.
            if (++lostRaces == MAX_LOST_RACES) {
                throw CredreportException.cannotWrite("cannot write " + store.location(path) + ": the name is taken, "
                        + "yet nothing is there each time it is looked at (a dangling symbolic link?)", null);
            }
        }
        throw CredreportException.cannotWrite("cannot write " + store.location(layout.path(metadata.accountId(),
                metadata.generatedTime(), 0)) + ": every suffix up to " + ArchiveLayout.MAX_SUFFIX
                + " holds another report generated at the same time", null);
    }
}

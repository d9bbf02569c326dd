package fi.kasvu.library;

import fi.kasvu.common.Require;
import java.time.Instant;

/**
 * Something that happened in the library. Events carry ids, the kind, who may read the entry and
 * dates, never its text or its author (who may have chosen not to be shown).
 */
public sealed interface LibraryEvent {

    /** The entry the event is about. */
    String entryId();

    /**
     * An entry was published; {@code sourceExperimentId} is the experiment it was shared from, or null.
     *
     * @param visibility who may read it, so that a listener does not announce it to others
     */
    record EntryPublished(String entryId, LibraryEntry.Kind kind, String organisation, Visibility visibility,
                          String sourceExperimentId, Instant at) implements LibraryEvent {
        /** @throws NullPointerException if a required part is null */
        public EntryPublished {
            Require.nonNull("entryId", entryId);
            Require.nonNull("kind", kind);
            Require.nonNull("organisation", organisation);
            Require.nonNull("visibility", visibility);
            Require.nonNull("at", at);
        }
    }

    /** The event for a newly saved entry. */
    static LibraryEvent published(LibraryEntry entry) {
        return new EntryPublished(entry.id(), entry.kind(), entry.organisation(), entry.visibility(),
                entry.sourceExperimentId(), entry.published());
    }
}

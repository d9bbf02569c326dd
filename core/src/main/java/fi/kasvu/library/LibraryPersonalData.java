package fi.kasvu.library;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import java.util.Set;

/**
 * Where a library entry holds personal data: its author. An entry is knowledge shared with the
 * organisation, so erasing the author keeps it and puts a stand-in, never shown, in their place.
 */
public final class LibraryPersonalData {

    /** The policy for {@link LibraryEntries#KIND}. */
    public static final PersonalData<LibraryEntry> POLICY = new PersonalData<>() {
        @Override
        public Set<PersonId> persons(LibraryEntry entry) {
            return Set.of(entry.author());
        }

        @Override
        public Erasure<LibraryEntry> erase(LibraryEntry entry, PersonId person) {
            if (!entry.author().equals(person)) {
                return Erasure.keep();
            }
            return Erasure.replaceWith(new LibraryEntry(entry.id(), entry.kind(), entry.language(), entry.title(),
                    entry.summary(), entry.body(), entry.tags(), entry.organisation(), entry.team(), entry.visibility(),
                    PersonalData.erased("author"), false, entry.published(), entry.sourceExperimentId()));
        }
    };

    private LibraryPersonalData() {
    }
}

package fi.kasvu.library;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A library entry as one reader sees it: without the author when the author chose not to be shown.
 *
 * @param id                 the entry
 * @param kind               its kind
 * @param language           its language
 * @param title              its title
 * @param summary            its summary
 * @param body               its text
 * @param tags               its tags
 * @param organisation       where it comes from
 * @param visibility         who can read it
 * @param shownAuthor        the author, or null when hidden from this reader
 * @param published          when it was shared
 * @param sourceExperimentId the experiment it came from, or null
 */
public record EntryView(String id, LibraryEntry.Kind kind, Language language, String title, String summary,
                        String body, Set<String> tags, String organisation, Visibility visibility, PersonId shownAuthor,
                        Instant published, String sourceExperimentId) {

    /** The author, if this reader may see who it is. */
    public Optional<PersonId> author() {
        return Optional.ofNullable(shownAuthor);
    }
}

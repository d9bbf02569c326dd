package fi.kasvu.library;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.util.Set;

/** Library entries and readers for tests. */
public final class LibraryFixtures {

    public static final PersonId AUTHOR = PersonId.of("author-1");
    public static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    private LibraryFixtures() {
    }

    public static LibraryEntry entry(String id, LibraryEntry.Kind kind, Visibility visibility, boolean authorShown,
                                     String title, Set<String> tags, Instant published) {
        return new LibraryEntry(id, kind, Language.FI, title, "", "", tags, "poliisi", "team-a", visibility, AUTHOR,
                authorShown, published, kind == LibraryEntry.Kind.EXPERIMENT ? "exp-1" : null);
    }

    public static LibraryEntry caseExample() {
        return entry("case-1", LibraryEntry.Kind.CASE_EXAMPLE, Visibility.EVERYONE, true,
                "Sisä-Suomen poliisin uusi toimintamalli", Set.of("toimintamalli", "Poliisi"), AT);
    }

    public static LibraryEntry insight() {
        return new LibraryEntry("ins-1", LibraryEntry.Kind.INSIGHT, Language.EN, "Ask first",
                "Asking before answering made our hybrid meetings calmer", "", Set.of("dialogue", "hybrid work"),
                "um", null, Visibility.ORGANISATION, PersonId.of("author-2"), false, AT.plusSeconds(60), null);
    }

    public static Reader colleague() {
        return new Reader(PersonId.of("reader-1"), "poliisi", Set.of("team-a"));
    }

    public static Reader otherTeam() {
        return new Reader(PersonId.of("reader-2"), "poliisi", Set.of("team-b"));
    }

    public static Reader otherOrganisation() {
        return new Reader(PersonId.of("reader-3"), "um", Set.of("team-a"));
    }
}

package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.library.EntryView;
import fi.kasvu.library.Library;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryQuery;
import fi.kasvu.library.Reader;
import fi.kasvu.library.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The case library: a case example and an insight, searched by tag and by text for one reader. */
public final class LibraryExample {

    private LibraryExample() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        LibraryEntry caseExample = new LibraryEntry("case-1", LibraryEntry.Kind.CASE_EXAMPLE, Language.FI,
                "Sisä-Suomen poliisin uusi toimintamalli", "Tiimit päättävät itse työnjaostaan", "…",
                Set.of("toimintamalli", "yhteisöohjautuvuus"), "poliisi", null, Visibility.EVERYONE,
                PersonId.of("author-1"), true, now, null);
        LibraryEntry insight = new LibraryEntry("insight-1", LibraryEntry.Kind.INSIGHT, Language.EN, "Ask first",
                "Asking before answering made our hybrid meetings calmer", "", Set.of("dialogue", "hybrid work"),
                "um", "team-3", Visibility.ORGANISATION, PersonId.of("author-2"), false, now, null);
        List<LibraryEntry> entries = List.of(caseExample, insight);

        Reader reader = new Reader(PersonId.of("reader-1"), "um", Set.of("team-9"));
        for (EntryView view : Library.search(entries, reader, LibraryQuery.text("hybrid meetings"))) {
            System.out.println(view.title() + " by " + view.author().map(PersonId::value).orElse("(author hidden)"));
        }
        System.out.println("tagged yhteisöohjautuvuus: "
                + Library.search(entries, reader, LibraryQuery.tagged("Yhteisöohjautuvuus")).size());
    }
}

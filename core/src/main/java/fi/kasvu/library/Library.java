package fi.kasvu.library;

import fi.kasvu.common.Require;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Searches library entries for one reader: only what they may read, as they may see it, newest first. */
public final class Library {

    private Library() {
    }

    /** The entries the reader may read that match the query, newest first. */
    public static List<EntryView> search(Collection<LibraryEntry> entries, Reader reader, LibraryQuery query) {
        Require.nonNull("reader", reader);
        Require.nonNull("query", query);
        return entries.stream()
                .filter(entry -> entry.visibleTo(reader) && query.matches(entry))
                .sorted(Comparator.comparing(LibraryEntry::published).reversed().thenComparing(LibraryEntry::id))
                .map(entry -> entry.viewFor(reader))
                .toList();
    }
}

package fi.kasvu.library;

import fi.kasvu.common.Require;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A search in the library: every tag must be on the entry, every word of the text must occur in
 * its title, summary, body or tags (case-insensitive), and its kind must be one of the kinds.
 *
 * @param tags  tags the entry must all carry (normalised as {@link LibraryEntry#normaliseTag})
 * @param text  words to find; "" for any
 * @param kinds kinds to include; empty for all
 */
public record LibraryQuery(Set<String> tags, String text, Set<LibraryEntry.Kind> kinds) {

    /** Normalises the tags and copies the sets. */
    public LibraryQuery {
        tags = Require.list("tags", tags == null ? Set.of() : tags).stream().map(LibraryEntry::normaliseTag)
                .collect(Collectors.toUnmodifiableSet());
        text = Require.maxLength("text", Require.text("text", text), 500);
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Every entry. */
    public static LibraryQuery everything() {
        return new LibraryQuery(Set.of(), "", Set.of());
    }

    /** Entries with all the tags. */
    public static LibraryQuery tagged(String... tags) {
        return new LibraryQuery(Set.of(tags), "", Set.of());
    }

    /** Entries containing every word of the text. */
    public static LibraryQuery text(String text) {
        return new LibraryQuery(Set.of(), text, Set.of());
    }

    /** Whether the entry matches. */
    public boolean matches(LibraryEntry entry) {
        if (!kinds.isEmpty() && !kinds.contains(entry.kind())) {
            return false;
        }
        if (!entry.tags().containsAll(tags)) {
            return false;
        }
        String haystack = (entry.title() + "\n" + entry.summary() + "\n" + entry.body() + "\n"
                + String.join(" ", entry.tags())).toLowerCase(Locale.ROOT);
        return words().stream().allMatch(haystack::contains);
    }

    private List<String> words() {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}

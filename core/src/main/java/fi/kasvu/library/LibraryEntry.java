package fi.kasvu.library;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A case example, an experiment or an insight shared in the library. The author is stored (so
 * the author can edit and withdraw it) but shown to others only if {@code authorShown}.
 *
 * @param id                 unique within the tenant
 * @param kind               case example, experiment or insight
 * @param language           the language it is written in
 * @param title              the title
 * @param summary            a short summary (the hypothesis for an experiment, the learning for an insight)
 * @param body               the text ("" for a short insight)
 * @param tags               lower-case tags
 * @param organisation       the organisation it comes from
 * @param team               the team it comes from, or null; required for {@link Visibility#TEAM}
 * @param visibility         who can read it
 * @param author             who shared it
 * @param authorShown        whether readers see the author
 * @param published          when it was shared
 * @param sourceExperimentId the experiment it was published from, or null
 */
public record LibraryEntry(String id, Kind kind, Language language, String title, String summary, String body,
                           Set<String> tags, String organisation, String team, Visibility visibility, PersonId author,
                           boolean authorShown, Instant published, String sourceExperimentId) {

    /** The three kinds of entry the VALOA site collects. */
    public enum Kind {
        /** A shared story of a new way of working (tapausesimerkki). */
        CASE_EXAMPLE,
        /** A team experiment, published from its Share step (kokeilu). */
        EXPERIMENT,
        /** A short learning (oivallus). */
        INSIGHT
    }

    /** The most tags an entry carries. */
    public static final int MAX_TAGS = 20;

    /**
     * @throws IllegalArgumentException if an id, the title or a tag is invalid, there are too many
     *                                  tags, a team-only entry has no team, or an experiment entry
     *                                  names no experiment
     * @throws NullPointerException     if a required part is missing
     */
    public LibraryEntry {
        Require.id("id", id);
        Require.nonNull("kind", kind);
        Require.nonNull("language", language);
        Require.nonBlank("title", title);
        Require.maxLength("title", title, Require.MAX_ID);
        summary = Require.text("summary", summary);
        body = Require.text("body", body);
        Set<String> normalised = new TreeSet<>();
        for (String tag : Require.list("tags", tags == null ? Set.of() : tags)) {
            normalised.add(normaliseTag(tag));
        }
        if (normalised.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags must be at most " + MAX_TAGS + ": " + normalised.size());
        }
        tags = java.util.Collections.unmodifiableSet(normalised);
        Require.id("organisation", organisation);
        if (team != null) {
            Require.id("team", team);
        }
        Require.nonNull("visibility", visibility);
        if (visibility == Visibility.TEAM && team == null) {
            throw new IllegalArgumentException("team must be given for visibility TEAM: null");
        }
        Require.nonNull("author", author);
        Require.nonNull("published", published);
        if (sourceExperimentId != null) {
            Require.id("sourceExperimentId", sourceExperimentId);
        }
        if (kind == Kind.EXPERIMENT && sourceExperimentId == null) {
            throw new IllegalArgumentException("sourceExperimentId must be given for an EXPERIMENT entry: null");
        }
    }

    /**
     * A tag as stored: trimmed, lower case, inner spaces as single hyphens.
     *
     * @throws IllegalArgumentException if the tag is blank or longer than 50 characters
     */
    public static String normaliseTag(String tag) {
        Require.nonBlank("tag", tag);
        String normal = tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        Require.maxLength("tag", normal, 50);
        return normal;
    }

    /** Whether the reader may read it: the author always; then by visibility. */
    public boolean visibleTo(Reader reader) {
        if (author.equals(reader.person())) {
            return true;
        }
        return switch (visibility) {
            case EVERYONE -> true;
            case ORGANISATION -> organisation.equals(reader.organisation());
            case TEAM -> organisation.equals(reader.organisation()) && reader.teams().contains(team);
        };
    }

    /** What the reader sees: the author left out unless shown or the reader is the author. */
    public EntryView viewFor(Reader reader) {
        boolean showAuthor = authorShown || author.equals(reader.person());
        return new EntryView(id, kind, language, title, summary, body, tags, organisation, visibility,
                showAuthor ? author : null, published, sourceExperimentId);
    }
}

package fi.kasvu.survey;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's own notes on one round's results (seed 004: a team discusses each building block
 * after seeing its results). Only the team's members read and write them, and they never reach
 * a report, a results export or a log. Each note records its author — the member who last changed
 * its text — so that a person's notes can be found for their GDPR export and erased with them
 * ({@link TeamDiscussions#PERSONAL_DATA}); the pages never show who wrote a note. Who is in the
 * team is not recorded: membership is the platform's, checked at every visit.
 *
 * @param id       {@code <surveyId>.r<round>.<team>}
 * @param surveyId the survey
 * @param round    the round whose results the notes discuss
 * @param team     the team's key ({@code g-<platform group id>})
 * @param notes    the notes by item (a building block's or statement's id), in the order written; blank notes are dropped
 * @param authors  the author of each note by item; a note written before authors were recorded has none
 */
public record TeamDiscussion(String id, String surveyId, int round, String team, Map<String, String> notes,
                             Map<String, PersonId> authors) {

    /** The longest note. */
    public static final int MAX_NOTE = 4000;

    /** The most items with notes. */
    public static final int MAX_ITEMS = 60;

    /** @throws IllegalArgumentException if the id does not fit, an item is not an id, or a note is too long */
    public TeamDiscussion {
        Require.id("surveyId", surveyId);
        Require.atLeast("round", round, 1);
        Require.id("team", team);
        if (!idOf(surveyId, round, team).equals(id)) {
            throw new IllegalArgumentException("id must be " + idOf(surveyId, round, team) + ": " + id);
        }
        Require.nonNull("notes", notes);
        if (notes.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " notes: " + notes.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        notes.forEach((item, text) -> {
            Require.id("notes item", item);
            Require.maxLength("notes[" + item + "]", Require.nonNull("note", text), MAX_NOTE);
            if (!text.isBlank()) {
                copy.put(item, text);
            }
        });
        notes = java.util.Collections.unmodifiableMap(copy);
        Require.nonNull("authors", authors);
        Map<String, PersonId> kept = new LinkedHashMap<>();
        authors.forEach((item, author) -> {
            Require.nonNull("author", author);
            if (copy.containsKey(item)) {
                kept.put(item, author);  // a dropped (blank) note drops its author
            }
        });
        authors = java.util.Collections.unmodifiableMap(kept);
    }

    /** Notes without recorded authors (as kept before authors were). */
    public TeamDiscussion(String id, String surveyId, int round, String team, Map<String, String> notes) {
        this(id, surveyId, round, team, notes, Map.of());
    }

    /** The id of a team's notes on a round. */
    public static String idOf(String surveyId, int round, String team) {
        return surveyId + ".r" + round + "." + team;
    }

    /** No notes yet. */
    public static TeamDiscussion none(String surveyId, int round, String team) {
        return new TeamDiscussion(idOf(surveyId, round, team), surveyId, round, team, Map.of());
    }

    /** The note on an item, "" if none. */
    public String note(String item) {
        return notes.getOrDefault(item, "");
    }

    /** With these notes instead; the notes that stay as they were keep their authors. */
    public TeamDiscussion withNotes(Map<String, String> newNotes) {
        return new TeamDiscussion(id, surveyId, round, team, newNotes, authors);
    }

    /**
     * With these notes instead, written by {@code writer}: every note whose text changed is now
     * theirs; the others keep their authors.
     */
    public TeamDiscussion withNotes(Map<String, String> newNotes, PersonId writer) {
        Require.nonNull("writer", writer);
        Map<String, PersonId> next = new LinkedHashMap<>();
        Require.nonNull("notes", newNotes).forEach((item, text) -> {
            if (text != null && text.equals(notes.get(item)) && authors.containsKey(item)) {
                next.put(item, authors.get(item));
            } else if (text != null && !text.equals(notes.get(item))) {
                next.put(item, writer);
            }
        });
        return new TeamDiscussion(id, surveyId, round, team, newNotes, next);
    }

    /** Who wrote the note on an item, if it has a note and its author is recorded. */
    public Optional<PersonId> author(String item) {
        return Optional.ofNullable(authors.get(item));
    }

    /** Only the notes the person wrote. */
    public TeamDiscussion writtenBy(PersonId person) {
        Map<String, String> theirs = new LinkedHashMap<>();
        notes.forEach((item, text) -> {
            if (person.equals(authors.get(item))) {
                theirs.put(item, text);
            }
        });
        return new TeamDiscussion(id, surveyId, round, team, theirs, authors);
    }

    /** Without the notes the person wrote (the others' stay, with their authors). */
    public TeamDiscussion withoutNotesOf(PersonId person) {
        Map<String, String> rest = new LinkedHashMap<>();
        notes.forEach((item, text) -> {
            if (!person.equals(authors.get(item))) {
                rest.put(item, text);
            }
        });
        return new TeamDiscussion(id, surveyId, round, team, rest, authors);
    }

    /** The items with notes, in order. */
    public List<String> items() {
        return List.copyOf(notes.keySet());
    }
}

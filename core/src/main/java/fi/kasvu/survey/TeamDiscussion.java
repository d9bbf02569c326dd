package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's own notes on one round's results (seed 004: a team discusses each building block
 * after seeing its results). The notes belong to the team: only its members read and write them,
 * and they never reach a report, an export or a log. No person is recorded — neither who wrote
 * what nor who is in the team; membership is the platform's, checked at every visit.
 *
 * @param id       {@code <surveyId>.r<round>.<team>}
 * @param surveyId the survey
 * @param round    the round whose results the notes discuss
 * @param team     the team's key ({@code g-<platform group id>})
 * @param notes    the notes by item (a building block's or statement's id), in the order written; blank notes are dropped
 */
public record TeamDiscussion(String id, String surveyId, int round, String team, Map<String, String> notes) {

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

    /** With these notes instead. */
    public TeamDiscussion withNotes(Map<String, String> newNotes) {
        return new TeamDiscussion(id, surveyId, round, team, newNotes);
    }

    /** The items with notes, in order. */
    public List<String> items() {
        return List.copyOf(notes.keySet());
    }
}

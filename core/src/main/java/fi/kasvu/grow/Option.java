package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * One alternative of the Options phase, with the coachee's notes, pros and cons, ratings and
 * whether it was chosen.
 *
 * @param id          unique within the conversation ({@code option-1}, …)
 * @param text        the alternative in a few words
 * @param notes       free notes ("" if none)
 * @param pros        what speaks for it
 * @param cons        what speaks against it
 * @param impact      how much it would help, 1..5, or null if not rated
 * @param feasibility how doable it is, 1..5, or null if not rated
 * @param chosen      whether the coachee chose it
 */
public record Option(String id, String text, String notes, List<String> pros, List<String> cons,
                     Integer impact, Integer feasibility, boolean chosen) {

    /** The lowest and highest rating. */
    public static final int MIN_RATING = 1, MAX_RATING = 5;

    /**
     * @throws IllegalArgumentException if the id or text is blank, a text is too long, or a rating
     *                                  lies outside 1..5 (naming the field and value)
     */
    public Option {
        Require.id("option.id", id);
        Require.nonBlank("option.text", text);
        notes = Require.text("option.notes", notes);
        pros = nonBlankItems("option.pros", pros);
        cons = nonBlankItems("option.cons", cons);
        if (impact != null) {
            Require.range("option.impact", impact, MIN_RATING, MAX_RATING);
        }
        if (feasibility != null) {
            Require.range("option.feasibility", feasibility, MIN_RATING, MAX_RATING);
        }
    }

    /** A new, unrated, unchosen option. */
    public static Option of(String id, String text) {
        return new Option(id, text, "", List.of(), List.of(), null, null, false);
    }

    /** This option with another text. */
    public Option withText(String newText) {
        return new Option(id, newText, notes, pros, cons, impact, feasibility, chosen);
    }

    /** This option with other notes. */
    public Option withNotes(String newNotes) {
        return new Option(id, text, newNotes, pros, cons, impact, feasibility, chosen);
    }

    /** This option with other pros and cons. */
    public Option withProsAndCons(List<String> newPros, List<String> newCons) {
        return new Option(id, text, notes, newPros, newCons, impact, feasibility, chosen);
    }

    /**
     * This option rated (either rating may be null for "not rated").
     *
     * @throws IllegalArgumentException if a rating lies outside 1..5
     */
    public Option rated(Integer newImpact, Integer newFeasibility) {
        return new Option(id, text, notes, pros, cons, newImpact, newFeasibility, chosen);
    }

    /** This option chosen or not. */
    public Option withChosen(boolean isChosen) {
        return new Option(id, text, notes, pros, cons, impact, feasibility, isChosen);
    }

    static List<String> nonBlankItems(String field, List<String> items) {
        List<String> checked = new ArrayList<>();
        List<String> copy = Require.list(field, items);
        for (int i = 0; i < copy.size(); i++) {
            checked.add(Require.nonBlank(field + "[" + i + "]", copy.get(i)));
        }
        return List.copyOf(checked);
    }
}

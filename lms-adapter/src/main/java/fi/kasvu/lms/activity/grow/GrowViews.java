package fi.kasvu.lms.activity.grow;

import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Frame;
import fi.kasvu.lms.web.Views.Group;
import fi.kasvu.lms.web.Views.Item;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.Views.Section;
import fi.kasvu.lms.web.Views.Step;
import java.util.List;

/** The models of the GROW exercise's own templates ({@code src/main/jte/grow/}): plain, localized values. */
public final class GrowViews {

    private GrowViews() {
    }

    /**
     * One phase of the GROW exercise.
     *
     * @param frame        the shared frame
     * @param phaseKey     the phase's key
     * @param heading      the phase's heading
     * @param intro        what the phase is about
     * @param steps        the phase navigation
     * @param errors       what keeps the phase from completing or was not saved (empty if nothing)
     * @param action       where the form posts
     * @param autosaveUrl  where autosave posts
     * @param draftKey     the key of unsaved drafts kept in the browser
     * @param sections     the form's sections
     * @param hasPrevious  whether there is a phase before
     * @param nextLabel    the label of the "continue" button
     */
    public record PhaseView(Frame frame, String phaseKey, String heading, String intro, List<Step> steps,
                            List<Message> errors, String action, String autosaveUrl, String draftKey,
                            List<Section> sections, boolean hasPrevious, String nextLabel) {
    }

    /**
     * One action on the summary, with its check-in form once the exercise is complete.
     *
     * @param what    what will be done
     * @param who     who does it ("" for the learner)
     * @param due     by when (formatted, "" if no date)
     * @param status  open, done or dropped (localized)
     * @param notes   progress notes, each "date: text"
     * @param checkIn the check-in fields (empty before completion)
     */
    public record ActionSummary(String what, String who, String due, String status, List<String> notes,
                                Group checkIn) {
    }

    /**
     * The summary of the learner's exercise.
     *
     * @param frame      the shared frame
     * @param steps      the phase navigation
     * @param errors     what keeps the exercise from completing (after an attempt), or field errors
     * @param goal       the goal's items
     * @param insight    the essential insight ("" if none)
     * @param chosen     the chosen options
     * @param actions    the actions
     * @param commitment the commitment ("" if not said)
     * @param followUps  planned and held follow-ups, formatted
     * @param complete   whether the exercise is complete
     * @param scoreNote  what happened to the score ("" if nothing to say)
     * @param scoreState {@code sent}, {@code pending} or "" (for styling)
     * @param sharing    the share checkboxes, one per phase
     * @param jsonUrl    the JSON download link
     * @param notice     a confirmation of the last change ("" for none)
     */
    public record SummaryView(Frame frame, List<Step> steps, List<Message> errors, List<Item> goal, String insight,
                              List<OptionSummary> chosen, List<ActionSummary> actions, String commitment,
                              List<String> followUps, boolean complete, String scoreNote, String scoreState,
                              List<Field> sharing, String jsonUrl, String notice, boolean planOffered) {
    }

    /**
     * A chosen option on the summary.
     *
     * @param text        what the option is
     * @param notes       the learner's notes ("" for none)
     * @param pros        the pros, one an item
     * @param cons        the cons, one an item
     * @param impact      the impact rating, formatted ("" if not rated)
     * @param feasibility the feasibility rating, formatted ("" if not rated)
     */
    public record OptionSummary(String text, String notes, List<String> pros, List<String> cons, String impact,
                                String feasibility) {

        /** Whether anything but the text was written or rated. */
        public boolean hasDetails() {
            return !notes.isBlank() || !pros.isEmpty() || !cons.isEmpty() || !impact.isEmpty() || !feasibility.isEmpty();
        }
    }
}

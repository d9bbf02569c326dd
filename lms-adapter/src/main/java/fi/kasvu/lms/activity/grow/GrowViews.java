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
                            List<Section> sections, boolean hasPrevious, String nextLabel, CoachBox coach,
                            String coachingLink) {
    }

    /**
     * Who coaches the learner in a two-party conversation, on the learner's own pages.
     *
     * @param text     "your coach: …", "not chosen yet", or that the coach left the course
     * @param link     the coach page's label
     * @param href     the coach page
     * @param warning  whether the text asks the learner to act (no coach, or the coach left)
     */
    public record CoachBox(String text, String link, String href, boolean warning) {
    }

    /**
     * The coachee's page for choosing their coach.
     *
     * @param frame   the shared frame
     * @param intro   what the coach sees and does not see
     * @param errors  what was wrong with the last choice
     * @param notice  a confirmation of the last change ("" for none)
     * @param current who coaches now
     * @param coach   the coach select
     * @param was     the coach's person id when the page was drawn ("" for none), to catch a stale tab
     * @param back    the way back to the conversation
     * @param canSave whether anyone can be chosen (the roster is available)
     */
    public record CoachView(Frame frame, String intro, List<Message> errors, String notice, CoachBox current,
                            Field coach, String was, String back, boolean canSave) {
    }

    /**
     * One conversation the learner coaches, in their list.
     *
     * @param name     the coachee's name
     * @param phase    the phase reached, or "completed"
     * @param href     the coach's page of the conversation
     * @param label    the link's accessible name
     */
    public record CoachedRow(String name, String phase, String href, String label) {
    }

    /**
     * The coach's pages: the list of conversations they coach, or one conversation with their notes.
     *
     * @param frame      the shared frame
     * @param heading    the page heading
     * @param intro      what the coach sees and that their notes are theirs alone
     * @param errors     what was wrong (a stale tab, too long notes)
     * @param notice     a confirmation ("" for none)
     * @param rows       the conversations coached (list page)
     * @param ownHref    the learner's own conversation ("" if none yet)
     * @param startOwn   where "start my own conversation" posts ("" when they have one)
     * @param progress   the coachee's progress, as label/value items (detail page)
     * @param shared     what the coachee shared, phase by phase (detail page)
     * @param notShared  which phases are not shared ("" if every phase is)
     * @param notes      the private notes field (null on the list page or when no longer coach)
     * @param notesAction where the notes post ("" for none)
     * @param back       the link back to the list ("" on the list)
     * @param suggestion the coach's suggested option (null where the coach cannot suggest)
     * @param suggestAction where a suggestion posts ("" for none)
     */
    public record CoachingView(Frame frame, String heading, String intro, List<Message> errors, String notice,
                               List<CoachedRow> rows, String ownHref, String startOwn, List<Item> progress,
                               List<fi.kasvu.lms.web.Views.SharedPart> shared, String notShared, Field notes,
                               String notesAction, String back, Field suggestion, String suggestAction) {
    }

    /**
     * One row of the teacher's pairing page: a learner of the roster and their coach.
     *
     * @param name    the learner's name
     * @param subject the learner's platform id
     * @param coach   the coach select for them
     * @param was     their coach's person id when the page was drawn ("" for none)
     * @param label   the save button's accessible name
     * @param row     the row's number, naming its select
     */
    public record PairRow(String name, String subject, Field coach, String was, String label, String row) {
    }

    /**
     * The teacher's pairing page.
     *
     * @param frame  the shared frame
     * @param intro  what pairing does
     * @param errors what was wrong with the last pair
     * @param notice a confirmation ("" for none)
     * @param rows   one per learner of the roster
     * @param action where each pair posts
     * @param back   the progress page
     */
    public record PairsView(Frame frame, String intro, List<Message> errors, String notice, List<PairRow> rows,
                            String action, String back) {
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
                              List<Field> sharing, String jsonUrl, String notice, boolean planOffered,
                              CoachBox coach, String coachingLink) {

        /** Whether the conversation is held with a coach (sharing reaches the coach too). */
        public boolean twoParty() {
            return coach != null;
        }
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

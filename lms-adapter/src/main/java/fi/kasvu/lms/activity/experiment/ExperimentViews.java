package fi.kasvu.lms.activity.experiment;

import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Frame;
import fi.kasvu.lms.web.Views.Item;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.Views.Step;
import java.util.List;

/** The models of the team experiment's templates: plain, already-translated values. */
public final class ExperimentViews {

    private ExperimentViews() {
    }

    /**
     * A shared text field with the hash of the text the page showed and, after a clash, the other member's text.
     *
     * @param field  the field
     * @param base   the hash of the stored text the page was drawn from
     * @param theirs the other member's stored text after a clash, or null
     * @param theirsBase the hash of their text (sent as the new base when the member keeps their merge)
     */
    public record TeamField(Field field, String base, String theirs, String theirsBase) {
        /** Whether this field clashed with another member's change. */
        public boolean conflict() {
            return theirs != null;
        }
    }

    /**
     * One contribution in a list (a picture entry, an observation).
     *
     * @param id        its id
     * @param label     its kind or date
     * @param text      the text
     * @param author    "you" or "a team member" in the page language
     * @param removable whether the reader may remove it
     * @param note      a marker such as "team only" ("" for none)
     */
    public record Entry(String id, String label, String text, String author, boolean removable, String note) {
    }

    /**
     * One success criterion on the evaluation page.
     *
     * @param id        the criterion id
     * @param criterion its text
     * @param verdict   the verdict field (radio)
     * @param evidence  the evidence field
     */
    public record CriterionRow(String id, String criterion, Field verdict, Field evidence) {
    }

    /**
     * A step page.
     *
     * @param frame      the frame
     * @param steps      the step navigation
     * @param heading    the step's heading
     * @param intro      what the step is for
     * @param questions  the guiding questions
     * @param team       the team's name and members line
     * @param notice     a notice at the top ("" for none)
     * @param errors     the error summary
     * @param editable   whether the team is at this step (otherwise it is shown read-only)
     * @param action     where the form posts
     * @param autosave   the autosave address
     * @param fields     the shared text fields
     * @param entries    the list of contributions (picture entries or observations)
     * @param addFields  the fields to add a contribution
     * @param addLabel   the add button's label (null: no add form)
     * @param criteria   the evaluation's criteria
     * @param extraFields other fields of the step's form (evaluation's learned, the decision's choice and reasons)
     * @param done       what the team decided or recorded, read-only
     * @param nextLabel  the label of the button that moves the team on (null: none)
     * @param nextHint   what moving on means
     * @param libraryHref the library's address
     * @param nextAction  the {@code do} value of the button that moves on
     * @param addAction   the {@code do} value of the add button
     * @param entriesHeading the heading of the contributions
     */
    public record StepView(Frame frame, List<Step> steps, String heading, String intro, List<String> questions,
                           String team, String notice, List<Message> errors, boolean editable, String action,
                           String autosave, List<TeamField> fields, List<Entry> entries, List<Field> addFields,
                           String addLabel, List<CriterionRow> criteria, List<Field> extraFields, List<Item> done,
                           String nextLabel, String nextHint, String libraryHref, String nextAction,
                           String addAction, String entriesHeading) {
    }

    /**
     * The sharing page: the reminder, the choices and the preview of exactly what readers will see.
     *
     * @param frame    the frame
     * @param steps    the step navigation
     * @param team     the team line
     * @param notice   a notice ("" for none)
     * @param errors   the error summary
     * @param action   where the form posts
     * @param fields   the level, tags and reminder fields
     * @param preview  the entry as readers will see it, or null before a preview
     * @param shared   whether the case is shared already
     * @param libraryHref the library's address
     */
    public record ShareView(Frame frame, List<Step> steps, String team, String notice, List<Message> errors,
                            String action, List<Field> fields, Preview preview, boolean shared, String libraryHref) {
    }

    /**
     * A library entry as its readers see it.
     *
     * @param title   the title
     * @param kind    its kind
     * @param level   who can read it
     * @param summary the summary
     * @param body    the body
     * @param tags    the tags
     * @param blocks  the building blocks
     */
    public record Preview(String title, String kind, String level, String summary, String body, List<String> tags,
                          List<String> blocks) {
    }

    /**
     * The page of a learner without a team.
     *
     * @param frame    the frame
     * @param personal whether they may start a personal experiment
     * @param action   where starting one posts
     * @param libraryHref the library's address
     */
    public record NoTeamView(Frame frame, boolean personal, String action, String libraryHref) {
    }

    /**
     * What a refused post brought, so that nothing typed is lost.
     *
     * @param frame   the frame
     * @param heading the heading
     * @param message what happened and what to do
     * @param kept    the posted texts, label and text
     * @param back    where to go on
     */
    public record KeptView(Frame frame, String heading, String message, List<Item> kept, String back) {
    }

    /**
     * One team on the organiser's pages.
     *
     * @param number   the team's number
     * @param name     its name
     * @param members  the members' names
     * @param step     its current step
     * @param decision its decision ("" before one)
     * @param last     when it was last active
     */
    public record TeamRow(int number, String name, List<String> members, String step, String decision, String last) {
    }

    /**
     * One person on the organiser's team page.
     *
     * @param field the team choice
     */
    public record PersonRow(String name, Field field) {
    }

    /**
     * The organiser's teams page.
     *
     * @param frame      the frame
     * @param notice     a notice ("" for none)
     * @param errors     the error summary
     * @param teams      the teams
     * @param people     everyone with their team choice
     * @param action     where the forms post
     * @param size       the team size field
     * @param groupsNote what is known of course groups
     * @param chart      the chart of teams per step
     * @param progressHref the generic progress view
     */
    public record TeamsView(Frame frame, String notice, List<Message> errors, List<TeamRow> teams,
                            List<PersonRow> people, String action, Field size, Field byGroup,
                            String importError, String groupsNote, Chart chart,
                            String progressHref) {
    }

    /**
     * A server-drawn bar chart with its text alternative.
     *
     * @param title the chart's title
     * @param text  the same figures as a sentence
     * @param width the drawing's width
     * @param bars  the bars
     */
    public record Chart(String title, String text, int width, List<fi.kasvu.lms.web.Views.Bar> bars) {
    }

}

package fi.kasvu.lms.pages;

import java.util.List;

/**
 * The models the JTE templates render: plain values, already localized and checked, so that the
 * templates hold no logic beyond loops and conditions. Confidential content reaches a teacher's
 * model only through core's {@code ConversationView.SharedView}.
 */
public final class Views {

    private Views() {
    }

    /**
     * What every page shares: language, title, links and the CSRF token.
     *
     * @param texts          the page texts
     * @param title          the page title (without the product name)
     * @param context        the course and activity, shown in the header ("" for none)
     * @param base           the session's URL prefix ("" on pages without a session)
     * @param csrf           the CSRF token ("" on pages without a session)
     * @param staticBase     the URL prefix of the stylesheet and script
     * @param languageSwitch whether to offer the language switch
     * @param back           the path the language switch returns to
     */
    public record Frame(PageTexts texts, String title, String context, String base, String csrf, String staticBase,
                        boolean languageSwitch, String back) {

        /** The page language's code, for the {@code lang} attribute. */
        public String lang() {
            return texts.language().code();
        }

        /** A text of the page bundles. */
        public String t(String key, Object... arguments) {
            return texts.t(key, arguments);
        }

        /** Whether the page is in the language of the code. */
        public boolean isLanguage(String code) {
            return texts.language().code().equals(code);
        }
    }

    /**
     * One choice of a select or radio group.
     *
     * @param value    the submitted value
     * @param label    what the user reads
     * @param selected whether it is selected
     * @param hint     a longer description ("" for none)
     */
    public record Choice(String value, String label, boolean selected, String hint) {
    }

    /**
     * One form field with its label, hint, value and (if any) the message of what was wrong.
     *
     * @param name      the submitted name
     * @param label     the visible label
     * @param hint      a hint under the label ("" for none)
     * @param value     the current value
     * @param kind      {@code textarea}, {@code text}, {@code date}, {@code number}, {@code select} or {@code checkbox}
     * @param maxLength the most characters accepted (0 for none)
     * @param error     the message of what was wrong, or null
     * @param choices   the choices of a select
     * @param checked   whether a checkbox is checked
     * @param autosave  whether the field saves as the user types
     */
    public record Field(String name, String label, String hint, String value, String kind, int maxLength,
                        String error, List<Choice> choices, boolean checked, boolean autosave) {

        /** The element id: the name with dots turned into dashes. */
        public String id() {
            return "f-" + name.replace('.', '-');
        }

        /** The ids the control is described by: its hint and its error message. */
        public String describedBy() {
            return (hint.isEmpty() ? "" : id() + "-hint ") + id() + "-error";
        }

        /** Whether the field has an error. */
        public boolean invalid() {
            return error != null;
        }
    }

    /**
     * Fields that belong together (one option, one action), shown as a fieldset when it has a legend.
     *
     * @param legend the group's legend, or null for none
     * @param fields the fields
     */
    public record Group(String legend, List<Field> fields) {
    }

    /**
     * A part of a form with its own heading.
     *
     * @param id        the heading's id
     * @param heading   the heading
     * @param hint      a paragraph under the heading ("" for none)
     * @param groups    the field groups
     * @param addLabel  the label of an "add" button, or null for none
     * @param addValue  the value the add button submits as {@code do}
     */
    public record Section(String id, String heading, String hint, List<Group> groups, String addLabel, String addValue) {
    }

    /**
     * A step of the phase navigation.
     *
     * @param label   the phase's name
     * @param href    the link, or null if the phase cannot be visited yet
     * @param current whether it is the page's phase
     * @param done    whether it is completed
     */
    public record Step(String label, String href, boolean current, boolean done) {
    }

    /**
     * A message in the error summary, linking to its field.
     *
     * @param target  the link to the field it belongs to ({@code #f-goal-measures}, or another page's address)
     * @param message the message
     */
    public record Message(String target, String message) {
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
     * A labelled value on the summary or in a teacher's view.
     *
     * @param label the label
     * @param value the value
     */
    public record Item(String label, String value) {
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
                              List<Field> sharing, String jsonUrl, String notice) {
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

    /**
     * The teacher's activity picker.
     *
     * @param frame     the shared frame
     * @param errors    what was wrong with the last submission
     * @param templates the GROW templates to choose from
     * @param title     the title field
     * @param minimum   the minimum-options field
     * @param language  the language select
     * @param graded    the graded checkbox
     */
    public record PickerView(Frame frame, List<Message> errors, List<Choice> templates, Field title, Field minimum,
                             Field language, Field graded) {
    }

    /**
     * The page that returns the picker's choice to the platform.
     *
     * @param frame     the shared frame
     * @param returnUrl the platform's deep-linking return URL
     * @param jwt       the signed response
     * @param chosen    what was chosen, for the learner-readable confirmation
     */
    public record ReturnView(Frame frame, String returnUrl, String jwt, String chosen) {
    }

    /**
     * One learner's row in the teacher's progress view.
     *
     * @param name         the learner's name
     * @param phase        the phase reached ("" if not started)
     * @param complete     completed or not (localized)
     * @param lastActivity when they last worked on it ("" if never)
     * @param shared       what the learner shared, phase by phase (empty: nothing shared)
     */
    public record LearnerRow(String name, String phase, String complete, String lastActivity,
                             List<SharedPart> shared) {
    }

    /**
     * One shared phase of a learner.
     *
     * @param phase the phase's name
     * @param items its content
     */
    public record SharedPart(String phase, List<Item> items) {
    }

    /**
     * One bar of the progress chart.
     *
     * @param label  what it counts
     * @param count  how many learners
     * @param y      the bar's top (SVG units)
     * @param height the bar's height (SVG units)
     * @param x      the bar's left edge
     */
    public record Bar(String label, int count, int x, int y, int height) {
    }

    /**
     * The teacher's progress view of an activity.
     *
     * @param frame     the shared frame
     * @param rows      every learner
     * @param bars      the chart's bars
     * @param chartText the chart's text alternative
     * @param maxCount  the chart's scale
     */
    public record ProgressView(Frame frame, List<LearnerRow> rows, List<Bar> bars, String chartText, int maxCount) {
    }

    /**
     * An error page: what happened and what to do.
     *
     * @param frame   the shared frame
     * @param heading what happened
     * @param message what to do
     */
    public record ErrorView(Frame frame, String heading, String message) {
    }
}

package fi.kasvu.lms.web;

import java.util.ArrayList;
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
     * @param learner        whether a learner reads the page
     * @param scoreNote      where the learner's score stands, shown on every page of a graded activity once a
     *                       score is recorded ("" for none)
     * @param scoreState     the score state's code, for styling ("" for none)
     */
    public record Frame(PageTexts texts, String title, String context, String base, String csrf, String staticBase,
                        boolean languageSwitch, String back, boolean learner, String scoreNote, String scoreState) {

        /** A frame without a score note. */
        public Frame(PageTexts texts, String title, String context, String base, String csrf, String staticBase,
                     boolean languageSwitch, String back, boolean learner) {
            this(texts, title, context, base, csrf, staticBase, languageSwitch, back, learner, "", "");
        }

        /** This frame with the learner's score note. */
        public Frame withScore(String note, String state) {
            return new Frame(texts, title, context, base, csrf, staticBase, languageSwitch, back, learner,
                    note == null ? "" : note, state == null ? "" : state);
        }

        /** This frame without a score note (for a page that shows the score itself). */
        public Frame withoutScore() {
            return withScore("", "");
        }

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
     * A labelled value on the summary or in a teacher's view.
     *
     * @param label the label
     * @param value the value
     */
    public record Item(String label, String value) {
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

        /** The most characters a label line holds under its bar before the next word wraps. */
        static final int LINE = 11;

        /**
         * The label wrapped into lines that fit under the bar (a single word longer than a line
         * stays whole), so that neighbouring labels never overlap in any language.
         */
        public List<LabelLine> labelLines() {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : label.trim().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > LINE) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
            List<LabelLine> placed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                placed.add(new LabelLine(lines.get(i), i == 0 ? 0 : 15));
            }
            return placed;
        }
    }

    /**
     * One line of a chart label.
     *
     * @param text the words on the line
     * @param dy   how far below the previous line it sits (SVG units)
     */
    public record LabelLine(String text, int dy) {
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

    /**
     * The teacher's activity picker: the kinds to choose from, or one kind's settings form.
     *
     * @param frame           the shared frame
     * @param errors          what was wrong with the last submission
     * @param kinds           every kind (value: the link to its form), when no kind is chosen yet
     * @param kindName        the chosen kind's name ("" while choosing)
     * @param kindDescription the chosen kind's description
     * @param action          where the form posts
     * @param fields          the kind's own settings
     * @param title           the title field
     * @param language        the language select
     * @param graded          the graded checkbox (null for a kind that is never graded)
     */
    public record PickerView(Frame frame, List<Message> errors, List<Choice> kinds, String kindName,
                             String kindDescription, String action, List<Field> fields, Field title, Field language,
                             Field graded) {
    }

    /**
     * One row of the organiser's progress view.
     *
     * @param name   the person's or team's name
     * @param cells  the values of the activity's columns
     * @param score  where the person's score stands (localized; "" when not graded)
     * @param shared what was shared, part by part (empty: nothing shared)
     * @param resendSubject the learner's platform user id when their score can be sent again, else ""
     * @param members each member's score of a team's row (empty for a person's row)
     */
    public record ProgressRow(String name, List<String> cells, String score, List<SharedPart> shared,
                              String resendSubject, List<MemberScore> members) {
        /** Copies the list. */
        public ProgressRow {
            members = List.copyOf(members);
        }

        /** A person's row. */
        public ProgressRow(String name, List<String> cells, String score, List<SharedPart> shared,
                           String resendSubject) {
            this(name, cells, score, shared, resendSubject, List.of());
        }

        /** A row without a re-send button. */
        public ProgressRow(String name, List<String> cells, String score, List<SharedPart> shared) {
            this(name, cells, score, shared, "");
        }

        /** Whether the organiser can send this learner's score again (it was refused or superseded). */
        public boolean resend() {
            return !resendSubject.isEmpty();
        }
    }

    /**
     * One team member's score in a team's row of the progress view.
     *
     * @param name          the member's name
     * @param score         where their score stands (localized)
     * @param resendSubject their platform user id when their score can be sent again, else ""
     */
    public record MemberScore(String name, String score, String resendSubject) {
        /** Whether the organiser can send this member's score again. */
        public boolean resend() {
            return !resendSubject.isEmpty();
        }
    }

    /**
     * The organiser's progress view of an activity.
     *
     * @param frame      the shared frame
     * @param intro      what the organiser sees and does not see
     * @param columns    the activity's column headings
     * @param graded     whether a score column is shown
     * @param rows       every person or team
     * @param chartTitle the chart's title
     * @param bars       the chart's bars
     * @param chartText  the chart's text alternative
     * @param notice     what the organiser's last action did ("" for nothing)
     */
    public record ProgressView(Frame frame, String intro, List<String> columns, boolean graded, List<ProgressRow> rows,
                               String chartTitle, List<Bar> bars, String chartText, String notice, List<Item> links) {
        /** A view without links to the kind's own organiser pages. */
        public ProgressView(Frame frame, String intro, List<String> columns, boolean graded, List<ProgressRow> rows,
                            String chartTitle, List<Bar> bars, String chartText, String notice) {
            this(frame, intro, columns, graded, rows, chartTitle, bars, chartText, notice, List.of());
        }

        /** A view without a notice. */
        public ProgressView(Frame frame, String intro, List<String> columns, boolean graded, List<ProgressRow> rows,
                            String chartTitle, List<Bar> bars, String chartText) {
            this(frame, intro, columns, graded, rows, chartTitle, bars, chartText, "");
        }
    }
}

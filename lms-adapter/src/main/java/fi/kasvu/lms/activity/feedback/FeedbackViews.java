package fi.kasvu.lms.activity.feedback;

import fi.kasvu.lms.web.Views;
import java.util.List;

/** The models of the 360 pages: plain, already translated values. */
public final class FeedbackViews {

    private FeedbackViews() {
    }

    /**
     * One statement to rate.
     *
     * @param name    the submitted name ({@code r.<statement id>})
     * @param text    the statement
     * @param choices 1..5 and "cannot say"
     * @param error   what was wrong, or null
     */
    public record StatementField(String name, String text, List<Views.Choice> choices, String error) {
        /** The fieldset's id. */
        public String id() {
            return "f-" + name.replace('.', '-');
        }
    }

    /**
     * The statements of one theme.
     *
     * @param title      the theme
     * @param statements its statements
     */
    public record ThemeFields(String title, List<StatementField> statements) {
    }

    /**
     * A link to the same page in another language (public pages, which have no session to change).
     *
     * @param code    the language code
     * @param label   the language's own name
     * @param href    the link
     * @param current whether the page is in it
     */
    public record LanguageLink(String code, String label, String href, boolean current) {
    }

    /**
     * The answer form: the subject's own assessment, a roster rater's or a link rater's.
     *
     * @param frame            the page frame
     * @param errors           what was wrong with the last submission
     * @param heading          the page heading
     * @param intro            who is assessed and how the answers are used
     * @param action           where the form posts
     * @param csrf             the CSRF token ("" on the public page)
     * @param themes           the statements, theme by theme
     * @param strengths        the strengths comment
     * @param developmentAreas the development comment
     * @param submit           the submit button's label
     * @param languages        language links (public page only; empty otherwise)
     * @param back             a link back ("" for none)
     */
    public record AnswerView(Views.Frame frame, List<Views.Message> errors, String heading, String intro, String action,
                             String csrf, List<ThemeFields> themes, Views.Field strengths,
                             Views.Field developmentAreas, String submit, List<LanguageLink> languages, String back) {
    }

    /**
     * A short page for a link rater: thanks, or why the link no longer works.
     *
     * @param frame     the page frame
     * @param heading   the heading
     * @param text      the explanation
     * @param languages language links
     */
    public record MessageView(Views.Frame frame, String heading, String text, List<LanguageLink> languages) {
    }

    /**
     * Invited and answered in one rater group.
     *
     * @param group    the group's name
     * @param invited  live invitations
     * @param answered answers
     */
    public record CountRow(String group, int invited, int answered) {
    }

    /**
     * An assessment the learner was asked to give.
     *
     * @param name  whom to assess
     * @param href  the answer page
     * @param until until when it can be answered
     */
    public record ToRate(String name, String href, String until) {
    }

    /**
     * A live invitation as listed to the subject or the teacher: who (or "a link") and the group,
     * never whether it was answered.
     *
     * @param label whom and into which group
     * @param id    the invitation's id, which a withdrawal names
     */
    public record Invited(String label, String id) {
    }

    /**
     * One learner on the teacher's page.
     *
     * @param name        the learner's name
     * @param subject     the learner's platform user id, which the forms name
     * @param started     whether the learner has an assessment in this activity
     * @param invited     invitations in total
     * @param answered    answers in total
     * @param closed      whether the assessment is closed
     * @param invitations the live roster invitations, each withdrawable (whom and the group only)
     */
    public record SubjectRow(String name, String subject, boolean started, int invited, int answered,
                             boolean closed, List<Invited> invitations) {
    }

    /**
     * The teacher's 360 page: invite raters for a learner from the roster, withdraw an invitation,
     * close a learner's round. Never an answer or a report.
     *
     * @param frame    the page frame
     * @param errors   what was wrong with the last submission
     * @param notice   what just happened ("" for nothing)
     * @param rows     one row per learner of the roster (or known from the activity)
     * @param subject  the select of whose assessment to invite for
     * @param rater    the roster select of whom to invite
     * @param group    the rater group select
     * @param progress the progress page's address
     */
    public record ManageView(Views.Frame frame, List<Views.Message> errors, String notice, List<SubjectRow> rows,
                             Views.Field subject, Views.Field rater, Views.Field group, String progress) {
    }

    /**
     * The learner's 360 home: their own assessment (invitations, counts, closing, the report) and the
     * assessments they were asked to give.
     *
     * @param frame         the page frame
     * @param errors        what was wrong with the last submission
     * @param notice        what just happened ("" for nothing)
     * @param closed        whether the learner's assessment is closed
     * @param selfAnswered  whether the learner gave their own assessment
     * @param consent       the supervisor consent checkbox (null once it can no longer be given)
     * @param consentNote   how the supervisor's answers will be shown
     * @param rater         the roster select of whom to invite
     * @param group         the rater group select for a roster invitation
     * @param linkGroup     the rater group select for a link
     * @param invited       the live invitations (roster people and links) with their group, each withdrawable
     *                      (never whether they answered)
     * @param issuedLink    a link just made, shown once ("" for none)
     * @param linkUntil     until when the link works
     * @param counts        invited and answered per group
     * @param answered      answers in total
     * @param canClose      whether closing is offered
     * @param toRate        the assessments the learner was asked to give
     */
    public record HomeView(Views.Frame frame, List<Views.Message> errors, String notice, boolean closed,
                           boolean selfAnswered, Views.Field consent, String consentNote, Views.Field rater,
                           Views.Field group, Views.Field linkGroup, List<Invited> invited, String issuedLink,
                           String linkUntil, List<CountRow> counts, int answered, boolean canClose,
                           List<ToRate> toRate) {
    }

    /**
     * One statement's row in a theme chart and its table.
     *
     * @param number   the statement's number in the theme (the chart's label)
     * @param text     the statement
     * @param y        the row's centre (SVG units)
     * @param self     the subject's rating ("" if none)
     * @param selfX    where the self marker sits (negative: none)
     * @param others   the others' mean, formatted ("" if not shown)
     * @param spread   the others' spread, formatted ("" if not shown)
     * @param raters   how many raters the figure rests on ("" if not shown)
     * @param meanX    where the others' mean sits (negative: none)
     * @param lowX     the spread bar's left end
     * @param highX    the spread bar's right end
     * @param groups   the figures of groups shown apart ("Peers 3.7 (±0.5, 4 raters)"), formatted
     */
    public record ChartRow(int number, String text, int y, String self, int selfX, String others, String spread,
                           String raters, int meanX, int lowX, int highX, List<String> groups) {
        /** The self marker's diamond, as SVG polygon points. */
        public String diamond() {
            return (selfX) + "," + (y - 8) + " " + (selfX + 8) + "," + y + " " + selfX + "," + (y + 8) + " "
                    + (selfX - 8) + "," + y;
        }
    }

    /**
     * The chart of one theme: self against the others' mean and spread, and its text alternative.
     *
     * @param id      the heading's id
     * @param title   the theme
     * @param summary the theme's means in words
     * @param height  the SVG's height
     * @param rows    one row per statement
     * @param ticks   the scale's tick positions (x) for 1..5
     */
    public record ThemeChart(String id, String title, String summary, int height, List<ChartRow> rows, List<Integer> ticks) {
    }

    /**
     * One of the largest gaps.
     *
     * @param statement the statement
     * @param text      self, others and the difference in words
     */
    public record GapRow(String statement, String text) {
    }

    /**
     * A statement the subject may pick as a development plan's goal.
     *
     * @param id      the statement id
     * @param text    the statement
     * @param checked whether it is suggested
     */
    public record PlanChoice(String id, String text, boolean checked) {
    }

    /**
     * The subject's report.
     *
     * @param frame       the page frame
     * @param errors      what was wrong with the last submission
     * @param notice      what just happened
     * @param basis       which groups the figures rest on, what was merged or left out
     * @param charts      one chart per theme
     * @param gaps        the largest gaps
     * @param strengths   the raters' strengths comments, unattributed
     * @param development the raters' development comments, unattributed
     * @param own         the subject's own comments
     * @param shared      whether the report is shared with the teacher
     * @param planChoices statements to make plan goals from
     */
    public record ReportView(Views.Frame frame, List<Views.Message> errors, String notice, List<String> basis,
                             List<ThemeChart> charts, List<GapRow> gaps, List<String> strengths,
                             List<String> development, List<String> own, boolean shared, List<PlanChoice> planChoices) {
    }
}

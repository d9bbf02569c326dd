package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.web.Views;
import java.util.List;

/** The survey pages' models: plain, localized values. */
public final class SurveyViews {

    private SurveyViews() {
    }

    /**
     * One statement on the 1–5 scale.
     *
     * @param id    the question id
     * @param name  the submitted parameter's name
     * @param text  the statement
     * @param value the chosen value ("" for none)
     * @param error what was wrong, or null
     */
    public record Statement(String id, String name, String text, String value, String error) {
        /** The element id of the fieldset. */
        public String domId() {
            return "f-" + name.replace('.', '-');
        }

        /** Whether the value is the given one. */
        public boolean is(int scale) {
            return value.equals(Integer.toString(scale));
        }
    }

    /**
     * A building block (or, in a pulse survey, all statements) with its optional comment.
     *
     * @param id         the heading's id
     * @param heading    the block's name ("" for none)
     * @param statements its statements
     * @param comment    the comment field, or null
     */
    public record Block(String id, String heading, List<Statement> statements, Views.Field comment) {
    }

    /**
     * The learner's form.
     *
     * @param frame       the shared frame
     * @param errors      what was wrong, linked to the fields
     * @param notice      a status line ("" for none)
     * @param open        whether a round is open
     * @param round       the open round's number (0 when none)
     * @param answered    whether the learner has answered the round
     * @param blocks      the statements by block
     * @param unit        the unit select, or null when the organiser gave no units
     * @param ballotKey   a fresh random key; the browser keeps its own instead if it has one
     * @param storageKey  the browser storage entry that keeps the key for this round
     * @param scale       the scale's five labels
     * @param resultsHref the published results' link ("" when none)
     */
    public record AnswerView(Views.Frame frame, List<Views.Message> errors, String notice, boolean open, int round,
                             boolean answered, List<Block> blocks, Views.Field unit, String ballotKey,
                             String storageKey, List<String> scale, String resultsHref) {
    }

    /**
     * One round in the organiser's list.
     *
     * @param number      the round
     * @param opened      the day it opened
     * @param closed      the day it closed ("" while open)
     * @param respondents how many have answered
     * @param resultsHref the results' link ("" while open)
     * @param published   whether learners see its results
     */
    public record RoundRow(int number, String opened, String closed, int respondents, String resultsHref,
                           boolean published) {
    }

    /**
     * The organiser's page: rounds, and what can be done.
     *
     * @param frame   the shared frame
     * @param notice  a status line ("" for none)
     * @param errors  what was refused
     * @param intro   what the organiser sees and does not see
     * @param rounds  every round, newest first
     * @param canOpen whether a round can be opened (none is open)
     * @param open    the open round's number (0 for none)
     */
    public record ManageView(Views.Frame frame, String notice, List<Views.Message> errors, String intro,
                             List<RoundRow> rounds, boolean canOpen, int open) {
    }

    /**
     * A link to another round's results.
     *
     * @param label   the round's name
     * @param href    the link
     * @param current whether it is the page's round
     */
    public record RoundLink(String label, String href, boolean current) {
    }

    /**
     * One row of a figures table.
     *
     * @param item    the block or statement
     * @param answers how many answers
     * @param mean    the mean, written out
     * @param agree   the share agreeing, written out
     * @param counts  the answers per value 1..5
     */
    public record FigureRow(String item, int answers, String mean, String agree, List<Integer> counts) {
    }

    /**
     * A shown group's table of figures.
     *
     * @param id          the caption's id
     * @param label       the group
     * @param respondents how many answered
     * @param rows        its figures
     */
    public record FigureTable(String id, String label, int respondents, List<FigureRow> rows) {
    }

    /**
     * The results of a closed round.
     *
     * @param frame       the shared frame
     * @param errors      what was refused
     * @param notice      a status line ("" for none)
     * @param organiser   whether the organiser is reading (publishing and exports)
     * @param round       the round
     * @param closed      the day it closed, written out
     * @param rounds      every closed round (published ones for learners)
     * @param everyone    whether anything is shown (at least three answered)
     * @param overall     the distribution chart for everyone, or null
     * @param trend       the indicator's trend, or null
     * @param breakdown   the means by group, or null when no unit is shown
     * @param tables      the figures of every shown group
     * @param hidden      units that show nothing
     * @param comments    comments per block
     * @param published   whether the round is published
     * @param csvHref     the CSV export ("" for learners)
     * @param xlsxHref    the XLSX export ("" for learners)
     * @param trendRows   the trend written out: round and value
     * @param teamHref    the reader's team discussion page ("" if the reader has no team here)
     */
    public record ResultsView(Views.Frame frame, List<Views.Message> errors, String notice, boolean organiser,
                              int round, String closed, List<RoundLink> rounds, boolean everyone,
                              SurveyCharts.Stacked overall, SurveyCharts.Line trend, SurveyCharts.Breakdown breakdown,
                              List<FigureTable> tables, List<String> hidden, List<SurveyFigures.Comments> comments,
                              boolean published, String csvHref, String xlsxHref, List<Views.Item> trendRows,
                              String teamHref) {
    }

    /**
     * A team's notes page.
     *
     * @param frame      the frame
     * @param errors     problems, each pointing at its field
     * @param notice     what was just done ("" for nothing)
     * @param round      the round discussed
     * @param team       the team's key
     * @param version    the notes' stored version the form was made from (0 if none yet)
     * @param teams      the reader's teams to switch between (empty if only one)
     * @param teamShown  whether the team's own figures may be shown
     * @param items      one row per block or statement
     * @param resultsHref the round's results page
     */
    public record TeamView(Views.Frame frame, List<Views.Message> errors, String notice, int round, String team,
                           long version, List<Views.Choice> teams, boolean teamShown, List<TeamItem> items,
                           String resultsHref) {
    }

    /**
     * A block or statement on the team's page.
     *
     * @param id       its element id
     * @param label    its name
     * @param team     the team's figure, or "not shown"
     * @param everyone everyone's figure, or "not shown"
     * @param note     the team's note on it
     */
    public record TeamItem(String id, String label, String team, String everyone, Views.Field note) {
    }
}

package fi.kasvu.lms.web;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.TenantId;
import java.util.List;
import java.util.Map;

/**
 * One kind of coaching activity a teacher can place in a course (GROW exercise, team experiment,
 * peer groups, survey, …): what the picker offers and how its settings travel as custom
 * parameters, how a learner enters it, its pages, the organiser's progress view, and what
 * completion means. An implementation talks to core's services and ports only; it answers every
 * request with an {@link Answer} and never touches the servlet.
 *
 * <p>Adding a kind: a package {@code fi.kasvu.lms.activity.<kind>} with a class implementing this,
 * its templates under {@code src/main/jte/<kind>/}, its texts in
 * {@code fi/kasvu/lms/activity/<kind>/messages_fi|sv|en.properties}, and one line in
 * {@code ToolApplication} where the kinds are registered.
 */
public interface Activity {

    /** The kind's stable id ({@code grow}), sent as the custom parameter {@code kasvu_kind}; lower case, digits, dashes. */
    String kind();

    /** The kind's name in the picker. */
    LocalizedText name();

    /** One or two sentences on what learners do, in the picker. */
    LocalizedText description();

    /** The base name of the kind's text bundles ({@code fi.kasvu.lms.activity.grow.messages}). */
    String texts();

    // ---- placing: picker settings <-> custom parameters ----

    /**
     * The picker's fields for this kind's own settings (the title, language and grading are the
     * web layer's), filled from a submitted form (empty: the defaults), with the errors of a refused submission.
     */
    List<Views.Field> settingsFields(PageTexts texts, Map<String, String> form, Map<String, String> errors);

    /**
     * The kind's settings from the picker's form, validated: the custom parameters to place, or
     * the message of each field that was wrong (keyed by field name).
     */
    Settings readForm(Map<String, String> form, PageTexts texts);

    /**
     * The kind's settings from a launch's custom parameters (keys lower case), validated the same
     * way; anything missing or unreadable becomes its default, so an activity placed by hand
     * still opens. {@code readCustom(readForm(f).custom())} gives back the same parameters.
     */
    Map<String, String> readCustom(Map<String, String> custom);

    /** The title to use when the teacher gave none. */
    String defaultTitle(Map<String, String> settings, Language language);

    /** The gradebook column's resource id for these settings ({@code grow:personal-development}). */
    String resourceId(Map<String, String> settings);

    // ---- learners ----

    /**
     * Finds or starts the learner's document in the session's activity (a learner's own
     * conversation, their team's experiment, …) and says where their first page is.
     *
     * @throws java.util.NoSuchElementException if the learner cannot enter (a learner without a team)
     */
    Entry enter(PageSession session);

    /**
     * Answers a request under the session's base for this kind (learner or organiser, see
     * {@link PageSession#role()}); {@link Answer#notFound()} for a path it does not know.
     */
    Answer handle(Call call);

    // ---- organisers ----

    /** The organiser's first page, relative to the session's base ({@code progress}). */
    String organiserHome();

    /**
     * The organiser's progress view: one row per known person (or per team), the chart's data,
     * and only what participants chose to share.
     *
     * @param people every known participant of the activity: platform user id → name ("" if unknown)
     */
    Progress progress(PageSession session, Map<String, String> people, PageTexts texts);

    /**
     * Links the progress page offers to the kind's own organiser pages: each item's label is the
     * link text, its value the path relative to the session's base ({@code pairs}). None by default.
     */
    default List<Views.Item> organiserLinks(PageSession session, PageTexts texts) {
        return List.of();
    }

    // ---- completion ----

    /**
     * Whether the document is complete, and its score, read from the store (the score sweeper
     * asks this for documents whose completion has not been scored yet).
     */
    Completion completion(TenantId tenant, String documentId);

    /**
     * Whether the session's document is complete as the session's placement counts it (its
     * settings may say what counts as done), and its score. The web layer and the score sweeper
     * ask this; by default it is {@link #completion(TenantId, String)}.
     */
    default Completion completion(PageSession session) {
        return completion(session.tenant(), session.documentId());
    }

    /**
     * The platform user ids (LTI {@code sub}) whose score one completion of the document gives,
     * besides the learner whose request completed it: every member of a team, say. The web layer
     * publishes the completion's score for each of them on the session's line item, and the score
     * sweeper does so again for any it finds unrecorded, so a member who never comes back is
     * scored too, and what was recorded survives a restart (it is the stored score state).
     * By default nobody else: a document of one learner.
     */
    default List<String> scoredSubjects(TenantId tenant, String documentId) {
        return List.of();
    }

    /**
     * Whether the kind is ever graded: when it is not (a library), the picker offers no
     * "graded" choice and its placements are never graded. By default every kind may be graded.
     */
    default boolean gradable() {
        return true;
    }

    /**
     * What the picker's form gave.
     *
     * @param custom the custom parameters to place (empty when refused)
     * @param errors each wrong field's message (empty when accepted)
     */
    record Settings(Map<String, String> custom, Map<String, String> errors) {
        /** Copies both maps. */
        public Settings {
            custom = Map.copyOf(custom);
            errors = Map.copyOf(errors);
        }

        /** Accepted settings. */
        public static Settings accepted(Map<String, String> custom) {
            return new Settings(custom, Map.of());
        }

        /** Refused settings. */
        public static Settings refused(Map<String, String> errors) {
            return new Settings(Map.of(), errors);
        }

        /** Whether the form was accepted. */
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /**
     * Where a learner enters.
     *
     * @param documentId their document's id
     * @param language   the language the document is in (the pages switch to it)
     * @param path       their first page, relative to the session's base
     */
    record Entry(String documentId, Language language, String path) {
    }

    /**
     * Completion and score of one document.
     *
     * @param complete whether it is complete
     * @param score    the score given (0 when not complete)
     * @param maximum  the score's maximum
     */
    record Completion(boolean complete, double score, double maximum) {
        /** Not complete. */
        public static Completion notYet() {
            return new Completion(false, 0, 1);
        }

        /** Complete with full points. */
        public static Completion full() {
            return new Completion(true, 1, 1);
        }
    }

    /**
     * The organiser's progress view of one activity.
     *
     * @param columns the table's column headings after the name
     * @param rows    one row per person or team
     * @param chart   the chart's bars
     * @param intro   what the organiser sees and does not see
     */
    record Progress(List<String> columns, List<Row> rows, List<Views.Bar> chart, String chartTitle, String intro) {
        /** Copies the lists. */
        public Progress {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            chart = List.copyOf(chart);
        }
    }

    /**
     * One row of the progress view.
     *
     * @param subject the platform user id it is about ("" for a team's row)
     * @param name    the person's or team's name
     * @param cells   one value per column
     * @param shared  what was shared with the organiser, part by part
     * @param complete whether the row's document is complete (a score can exist only then)
     * @param scored   for a team's row: the platform user ids its document scores (its members, as
     *                 {@link #scoredSubjects}), each with the name to show ("" if unknown); the
     *                 progress view then shows each member's score state. Empty for a person's row.
     */
    record Row(String subject, String name, List<String> cells, List<Views.SharedPart> shared, boolean complete,
               Map<String, String> scored) {
        /** Copies the lists. */
        public Row {
            cells = List.copyOf(cells);
            shared = List.copyOf(shared);
            scored = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scored));
        }

        /** A row whose document scores nobody but its subject (if any). */
        public Row(String subject, String name, List<String> cells, List<Views.SharedPart> shared, boolean complete) {
            this(subject, name, cells, shared, complete, Map.of());
        }
    }
}

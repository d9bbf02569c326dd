package fi.kasvu.lms.activity.feedback;

import fi.kasvu.common.Language;
import fi.kasvu.feedback.Answers;
import fi.kasvu.feedback.CompetenceSet;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 360 answer form, both ways: the fields for a set of statements (filled from answers or a
 * refused submission) and the submitted values read into {@link Answers}, with a message per wrong
 * field so that nothing typed is lost.
 */
final class AnswerForm {

    /** The most characters of each comment. */
    static final int MAX_COMMENT = 2000;

    static final String STRENGTHS = "strengths", DEVELOPMENT = "development";

    private AnswerForm() {
    }

    /**
     * What a submission gave.
     *
     * @param answers the answers, or null when something was wrong
     * @param values  every submitted value, to show again
     * @param errors  each wrong field's message, by field name
     */
    record Read(Answers answers, Map<String, String> values, Map<String, String> errors) {
    }

    static Read read(CompetenceSet set, Map<String, String> parameters, PageTexts t) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (CompetenceStatement statement : set.statements()) {
            String name = "r." + statement.id();
            String value = parameters.getOrDefault(name, "").strip();
            values.put(name, value);
            if (value.isEmpty()) {
                continue;
            }
            if (value.matches("[1-5]")) {
                ratings.put(statement.id(), Integer.parseInt(value));
            } else {
                errors.put(name, t.t("answer.error.rating", statement.text().in(t.language())));
            }
        }
        for (String name : List.of(STRENGTHS, DEVELOPMENT)) {
            String value = parameters.getOrDefault(name, "");
            values.put(name, value);
            if (value.length() > MAX_COMMENT) {
                errors.put(name, t.t("answer.error.tooLong", t.t("answer." + name), MAX_COMMENT, value.length()));
            }
        }
        if (errors.isEmpty() && ratings.isEmpty() && values.get(STRENGTHS).isBlank()
                && values.get(DEVELOPMENT).isBlank()) {
            errors.put("r." + set.statements().get(0).id(), t.t("answer.error.empty"));
        }
        Answers answers = errors.isEmpty() ? new Answers(ratings, values.get(STRENGTHS), values.get(DEVELOPMENT)) : null;
        return new Read(answers, values, errors);
    }

    /** The submitted values of stored answers. */
    static Map<String, String> values(Answers answers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (answers != null) {
            answers.ratings().forEach((id, rating) -> values.put("r." + id, Integer.toString(rating)));
            values.put(STRENGTHS, answers.strengths());
            values.put(DEVELOPMENT, answers.developmentAreas());
        }
        return values;
    }

    static List<FeedbackViews.ThemeFields> themes(CompetenceSet set, Map<String, String> values,
                                                  Map<String, String> errors, PageTexts t) {
        Language language = t.language();
        List<FeedbackViews.ThemeFields> themes = new ArrayList<>();
        for (CompetenceTheme theme : set.themes()) {
            List<FeedbackViews.StatementField> fields = new ArrayList<>();
            for (CompetenceStatement statement : theme.statements()) {
                String name = "r." + statement.id();
                String value = values.getOrDefault(name, "");
                List<Views.Choice> choices = new ArrayList<>();
                for (int rating = 1; rating <= 5; rating++) {
                    choices.add(new Views.Choice(Integer.toString(rating), t.t("answer.scale." + rating),
                            value.equals(Integer.toString(rating)), ""));
                }
                choices.add(new Views.Choice("", t.t("answer.scale.none"), value.isEmpty(), ""));
                fields.add(new FeedbackViews.StatementField(name, statement.text().in(language), choices,
                        errors.get(name)));
            }
            themes.add(new FeedbackViews.ThemeFields(theme.title().in(language), fields));
        }
        return themes;
    }

    static Views.Field comment(String name, Map<String, String> values, Map<String, String> errors, PageTexts t) {
        return new Views.Field(name, t.t("answer." + name), t.t("answer." + name + ".hint"),
                values.getOrDefault(name, ""), "textarea", MAX_COMMENT, errors.get(name), List.of(), false, false);
    }

    /** The error summary's messages, linking to their fields. */
    static List<Views.Message> messages(Map<String, String> errors) {
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((name, message) -> messages.add(new Views.Message(
                "#f-" + name.replace('.', '-'), message)));
        return messages;
    }
}

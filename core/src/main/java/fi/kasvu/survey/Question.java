package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import java.util.List;

/** A survey question: a Likert statement (1–5), a single choice, or free text. */
public sealed interface Question {

    /** Unique within the survey. */
    String id();

    /** The question or statement as the respondent reads it. */
    LocalizedText text();

    /**
     * A statement answered on a scale from 1 (strongly disagree) to 5 (strongly agree).
     *
     * @param id          unique within the survey
     * @param text        the statement
     * @param element     the culture element it belongs to, or null for a statement outside the six
     * @param agencyAdded whether an agency added it to the standard questionnaire
     */
    record Likert(String id, LocalizedText text, CultureElement element, boolean agencyAdded) implements Question {
        /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the text is missing */
        public Likert {
            Require.id("id", id);
            Require.nonNull("text", text);
        }
    }

    /**
     * A question with one answer out of at least two options.
     *
     * @param id      unique within the survey
     * @param text    the question
     * @param options the options, with distinct ids
     */
    record SingleChoice(String id, LocalizedText text, List<Option> options) implements Question {
        /** @throws IllegalArgumentException if there are fewer than two options or their ids repeat */
        public SingleChoice {
            Require.id("id", id);
            Require.nonNull("text", text);
            options = Require.list("options", options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("options must have at least 2 entries: " + options.size());
            }
            if (options.stream().map(Option::id).distinct().count() != options.size()) {
                throw new IllegalArgumentException("options must have distinct ids: " + options.stream().map(Option::id).toList());
            }
        }

        /** Whether one of the options has this id. */
        public boolean hasOption(String optionId) {
            return options.stream().anyMatch(option -> option.id().equals(optionId));
        }
    }

    /**
     * One option of a single-choice question.
     *
     * @param id    unique within the question
     * @param label what the respondent reads
     */
    record Option(String id, LocalizedText label) {
        /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the label is missing */
        public Option {
            Require.id("id", id);
            Require.nonNull("label", label);
        }
    }

    /**
     * An open question; answers are shown only unattributed (see {@link SurveyResults}).
     *
     * @param id   unique within the survey
     * @param text the question
     */
    record FreeText(String id, LocalizedText text) implements Question {
        /** @throws IllegalArgumentException if the id is invalid; NullPointerException if the text is missing */
        public FreeText {
            Require.id("id", id);
            Require.nonNull("text", text);
        }
    }
}

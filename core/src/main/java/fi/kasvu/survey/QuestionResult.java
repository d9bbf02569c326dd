package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.Map;

/** The figure for one question in one group, or the fact that it is withheld. */
public sealed interface QuestionResult {

    /** The question. */
    String questionId();

    /**
     * A Likert statement's figure.
     *
     * @param questionId    the statement
     * @param answered      how many answered it (at least the threshold)
     * @param mean          the mean value, 1..5
     * @param agreeingShare the share of 4 and 5 answers, 0..1
     * @param distribution  how many answered 1, 2, 3, 4 and 5
     */
    record Scale(String questionId, int answered, double mean, double agreeingShare, List<Integer> distribution)
            implements QuestionResult {
        /** @throws IllegalArgumentException if the distribution does not have five counts */
        public Scale {
            Require.id("questionId", questionId);
            distribution = Require.list("distribution", distribution);
            if (distribution.size() != 5) {
                throw new IllegalArgumentException("distribution must have 5 counts: " + distribution.size());
            }
        }
    }

    /**
     * A single-choice question's counts per option.
     *
     * @param questionId the question
     * @param answered   how many answered it
     * @param counts     answers per option id, including options nobody chose
     */
    record Choices(String questionId, int answered, Map<String, Integer> counts) implements QuestionResult {
        /** Copies the counts. */
        public Choices {
            Require.id("questionId", questionId);
            counts = Map.copyOf(counts);
        }
    }

    /**
     * Free-text answers, in alphabetical order and never linked to a respondent or a smaller group.
     *
     * @param questionId the question
     * @param texts      the answers
     */
    record Texts(String questionId, List<String> texts) implements QuestionResult {
        /** Copies the texts. */
        public Texts {
            Require.id("questionId", questionId);
            texts = Require.list("texts", texts);
        }
    }

    /**
     * No figure: too few answered in the group, or showing it would let a small group be
     * worked out from other figures, or (for free text) the group is not the top of the report.
     *
     * @param questionId the question
     */
    record Withheld(String questionId) implements QuestionResult {
        /** @throws IllegalArgumentException if the id is invalid */
        public Withheld {
            Require.id("questionId", questionId);
        }
    }
}

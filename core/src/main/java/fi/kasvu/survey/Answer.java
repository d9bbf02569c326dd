package fi.kasvu.survey;

import fi.kasvu.common.Require;

/** One answer in a response, to the question with {@link #questionId()}. */
public sealed interface Answer {

    /** The question answered. */
    String questionId();

    /**
     * A Likert value: 1 strongly disagree … 5 strongly agree.
     *
     * @param questionId the statement
     * @param value      1..5
     */
    record Scale(String questionId, int value) implements Answer {
        /** The lowest Likert value. */
        public static final int MIN = 1;
        /** The highest Likert value. */
        public static final int MAX = 5;

        /** @throws IllegalArgumentException if the value is not 1..5, naming it */
        public Scale {
            Require.id("questionId", questionId);
            Require.range("value", value, MIN, MAX);
        }

        /** Whether the answer agrees (4 or 5). */
        public boolean agrees() {
            return value >= 4;
        }
    }

    /**
     * The option chosen in a single-choice question.
     *
     * @param questionId the question
     * @param optionId   the option chosen
     */
    record Chosen(String questionId, String optionId) implements Answer {
        /** @throws IllegalArgumentException if an id is invalid */
        public Chosen {
            Require.id("questionId", questionId);
            Require.id("optionId", optionId);
        }
    }

    /**
     * A free-text answer.
     *
     * @param questionId the question
     * @param text       the answer, at most {@link #MAX_CHARS} characters
     */
    record Text(String questionId, String text) implements Answer {
        /** The longest free-text answer accepted. */
        public static final int MAX_CHARS = 2_000;

        /** @throws IllegalArgumentException if the text is blank or too long */
        public Text {
            Require.id("questionId", questionId);
            Require.nonBlank("text", text);
            Require.maxLength("text", text, MAX_CHARS);
        }
    }
}

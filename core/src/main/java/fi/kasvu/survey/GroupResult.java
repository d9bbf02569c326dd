package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.Optional;

/** A group's results in one round: figures, or nothing at all. */
public sealed interface GroupResult {

    /** The group. */
    GroupRef group();

    /**
     * The group's figures.
     *
     * @param group       the group
     * @param respondents how many in the group answered the round
     * @param questions   one result per question, in the survey's order
     */
    record Shown(GroupRef group, int respondents, List<QuestionResult> questions) implements GroupResult {
        /** Copies the results. */
        public Shown {
            Require.nonNull("group", group);
            questions = Require.list("questions", questions);
        }

        /** The result for one question. */
        public Optional<QuestionResult> question(String questionId) {
            return questions.stream().filter(result -> result.questionId().equals(questionId)).findFirst();
        }
    }

    /**
     * No figure for the group, not even whether anyone in it answered.
     *
     * @param group the group
     */
    record Hidden(GroupRef group) implements GroupResult {
        /** @throws NullPointerException if the group is null */
        public Hidden {
            Require.nonNull("group", group);
        }
    }
}

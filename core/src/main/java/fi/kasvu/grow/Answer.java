package fi.kasvu.grow;

import fi.kasvu.common.Require;

/**
 * The coachee's answer to one coaching question of the question bank.
 *
 * @param phase       the phase the question belongs to
 * @param questionKey the question's key in the bank, such as {@code grow.reality.2}
 * @param text        the answer, never blank (an erased answer is removed instead)
 */
public record Answer(Phase phase, String questionKey, String text) {

    /**
     * @throws NullPointerException     if the phase is null
     * @throws IllegalArgumentException if the key is not an identifier or the text is blank or too long
     */
    public Answer {
        Require.nonNull("answer.phase", phase);
        Require.id("answer.questionKey", questionKey);
        Require.nonBlank("answer.text", text);
    }
}

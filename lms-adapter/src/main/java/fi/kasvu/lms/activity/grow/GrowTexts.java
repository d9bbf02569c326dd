package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.Language;
import fi.kasvu.common.Problem;
import fi.kasvu.grow.Phase;
import fi.kasvu.i18n.GrowMessages;
import fi.kasvu.i18n.Question;
import java.util.List;
import java.util.Optional;

/**
 * The coaching questions, phase names and rule-problem messages of core's question bank and
 * {@link GrowMessages}: the pages show core's texts, never their own copies.
 */
final class GrowTexts {

    /** How many of a phase's questions the exercise page offers (the template's own first). */
    static final int QUESTIONS_PER_PHASE = 3;

    private static final fi.kasvu.common.LocalizedText COACH_MISSING = fi.kasvu.common.LocalizedText.of(
            "Tämä keskustelu käydään valmentajan kanssa. Valitse valmentajasi – esihenkilösi tai perehdyttäjäsi – kurssin osallistujista ennen kuin jatkat.",
            "Det här samtalet förs med en coach. Välj din coach – din chef eller introduktör – bland kursens deltagare innan du fortsätter.",
            "This conversation is held with a coach. Choose your coach – your supervisor or onboarder – from the course's participants before you continue.");

    private GrowTexts() {
    }

    /**
     * One coaching question.
     *
     * @param key  the question's key in the bank, stored with the answer
     * @param text the question in the page's language
     */
    record QuestionText(String key, String text) {
    }

    /** The questions the exercise offers in a phase of a template. */
    static List<QuestionText> questions(String templateId, Phase phase, Language language) {
        return QuestionSource.current().forTemplate(templateId, phase).stream().limit(QUESTIONS_PER_PHASE)
                .map(q -> new QuestionText(q.key(), q.in(language))).toList();
    }

    /** The text of a question by its key, if the bank has it. */
    static Optional<String> question(String key, Language language) {
        return QuestionSource.current().question(key).map((Question q) -> q.in(language));
    }

    /** The friendly message of a rule problem, its arguments filled in. */
    static String problem(Problem problem, Language language) {
        if (problem instanceof fi.kasvu.grow.GrowProblem.CoachMissing) {
            // Core offers switching to working alone; in the LMS the template decides, so only the coach is asked for.
            return COACH_MISSING.in(language);
        }
        return GrowMessages.message(problem, language);
    }

    /** A phase's name. */
    static String phase(Phase phase, Language language) {
        return GrowMessages.phase(phase, language);
    }
}

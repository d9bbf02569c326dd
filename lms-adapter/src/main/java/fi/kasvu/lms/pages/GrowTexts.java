package fi.kasvu.lms.pages;

import fi.kasvu.common.Language;
import fi.kasvu.common.Problem;
import fi.kasvu.grow.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coaching questions shown in each phase and the friendly text of each rule problem, in the
 * page's language.
 */
final class GrowTexts {

    /** How many of a phase's questions the exercise page offers. */
    static final int QUESTIONS_PER_PHASE = 3;

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
        PageTexts texts = PageTexts.in(language);
        List<QuestionText> questions = new ArrayList<>();
        for (int i = 1; i <= QUESTIONS_PER_PHASE; i++) {
            String key = "grow." + phase.key() + "." + i;
            if (texts.has("question." + key)) {
                questions.add(new QuestionText(key, texts.t("question." + key)));
            }
        }
        return questions;
    }

    /** The friendly message of a rule problem, its arguments filled in. */
    static String problem(Problem problem, Language language) {
        PageTexts texts = PageTexts.in(language);
        String key = "problem." + problem.code();
        String text = texts.has(key) ? texts.t(key) : texts.t("problem.other");
        for (Map.Entry<String, Object> argument : problem.arguments().entrySet()) {
            Object value = argument.getValue();
            if (argument.getKey().equals("phase") || argument.getKey().equals("completeFirst")) {
                value = phase(Phase.ofKey(String.valueOf(value)), language);
            }
            text = text.replace("{" + argument.getKey() + "}", String.valueOf(value));
        }
        return text;
    }

    /** A phase's name. */
    static String phase(Phase phase, Language language) {
        return PageTexts.in(language).t("phase." + phase.key());
    }
}

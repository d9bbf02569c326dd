package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.grow.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coaching questions, by set ({@code grow} for the general ones, a template id for a
 * template's own) and phase, in fi, sv and en. Immutable; {@link #builtIn()} is Kasvu's own bank,
 * and {@link #withFile} layers an agency's file over any bank.
 */
public final class QuestionBank {

    /** The set of general questions every template can use. */
    public static final String GENERAL = "grow";

    private static final String BUILT_IN_RESOURCE = "grow-questions.txt";
    private static final QuestionBank BUILT_IN = loadBuiltIn();

    private final Map<String, Question> questions;
    private final List<String> order;

    QuestionBank(Map<String, Question> questions) {
        this.questions = Map.copyOf(questions);
        this.order = List.copyOf(questions.keySet());
    }

    /** An empty bank, for agencies that bring every question themselves. */
    public static QuestionBank empty() {
        return new QuestionBank(new LinkedHashMap<>());
    }

    /** Kasvu's own questions: at least eight general ones per phase and each built-in template's own, in fi, sv and en. */
    public static QuestionBank builtIn() {
        return BUILT_IN;
    }

    /**
     * This bank with an agency's file applied over it: questions with the same key are replaced
     * (language by language), new keys are added, {@code @replace} lines drop a set's questions
     * of one phase first. The file format is described in {@code docs/question-bank.md}.
     *
     * @param source a name for the file in error messages (its path, say)
     * @throws QuestionBankException listing every bad line with its number, key and problem;
     *                               nothing is applied then
     * @throws UncheckedIOException  if the stream cannot be read
     */
    public QuestionBank withFile(String source, InputStream utf8) {
        return QuestionBankFile.apply(this, Require.nonNull("source", source), Require.nonNull("utf8", utf8));
    }

    /** The questions of a set in a phase, in file order. */
    public List<Question> questions(String set, Phase phase) {
        List<Question> result = new ArrayList<>();
        for (String key : order) {
            Question question = questions.get(key);
            if (question.set().equals(set) && question.phase() == phase) {
                result.add(question);
            }
        }
        return List.copyOf(result);
    }

    /** The questions for a template in a phase: the template's own first, then the general ones. */
    public List<Question> forTemplate(String templateId, Phase phase) {
        List<Question> result = new ArrayList<>(templateId.equals(GENERAL) ? List.of() : questions(templateId, phase));
        result.addAll(questions(GENERAL, phase));
        return List.copyOf(result);
    }

    /** The question with the key, if any. */
    public Optional<Question> question(String key) {
        return Optional.ofNullable(questions.get(key));
    }

    /** The text of the question with the key in the language (English if missing in it), if the key exists. */
    public Optional<String> text(String key, Language language) {
        return question(key).map(q -> q.in(language));
    }

    /** Every question, in file order. */
    public List<Question> all() {
        return order.stream().map(questions::get).toList();
    }

    Map<String, Question> asMap() {
        Map<String, Question> copy = new LinkedHashMap<>();
        order.forEach(key -> copy.put(key, questions.get(key)));
        return copy;
    }

    static Question merge(Question existing, String key, String set, Phase phase, Language language, String text) {
        Map<Language, String> texts = new LinkedHashMap<>();
        if (existing != null) {
            texts.putAll(existing.text().texts());
        }
        texts.put(language, text);
        return new Question(key, set, phase, new LocalizedText(texts));
    }

    private static QuestionBank loadBuiltIn() {
        try (InputStream in = QuestionBank.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in question bank missing: " + BUILT_IN_RESOURCE);
            }
            return QuestionBankFile.apply(empty(), BUILT_IN_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in question bank", e);
        }
    }
}

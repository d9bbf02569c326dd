package fi.kasvu.survey;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A questionnaire run in rounds: the work-culture self-assessment (the six elements plus an
 * agency's own statements) or a pulse survey of any questions. It checks responses against its
 * questions and open round.
 *
 * @param id           unique within the tenant
 * @param organisation the organisation running it; the storage context
 * @param kind         self-assessment or pulse
 * @param title        the survey's name
 * @param questions    the questions in order, with distinct ids
 * @param rounds       the rounds so far, numbered 1, 2, …, at most the last one open
 * @param created      when it was created
 */
public record Survey(String id, String organisation, Kind kind, LocalizedText title, List<Question> questions,
                     List<SurveyRound> rounds, Instant created) {

    /** What sort of survey it is. */
    public enum Kind {
        /** The work-culture self-assessment of the six elements (the VALOA workbook's questions). */
        CULTURE_SELF_ASSESSMENT,
        /** A pulse survey of any Likert, single-choice and free-text questions. */
        PULSE
    }

    /** The fewest statements each element has in a self-assessment. */
    public static final int MIN_STATEMENTS_PER_ELEMENT = 3;

    /**
     * @throws IllegalArgumentException if ids repeat, rounds are misnumbered or an earlier one is
     *                                  open, or a self-assessment has fewer than three statements for an element
     */
    public Survey {
        Require.id("id", id);
        Require.id("organisation", organisation);
        Require.nonNull("kind", kind);
        Require.nonNull("title", title);
        questions = Require.list("questions", questions);
        rounds = Require.list("rounds", rounds);
        Require.nonNull("created", created);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("questions must not be empty: []");
        }
        Set<String> ids = new HashSet<>();
        for (Question question : questions) {
            if (!ids.add(question.id())) {
                throw new IllegalArgumentException("questions must have distinct ids: " + question.id() + " repeats");
            }
        }
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).number() != i + 1) {
                throw new IllegalArgumentException("rounds[" + i + "].number must be " + (i + 1) + ": " + rounds.get(i).number());
            }
            if (i < rounds.size() - 1 && rounds.get(i).isOpen()) {
                throw new IllegalArgumentException("rounds[" + i + "] must be closed before a later round: open");
            }
            if (i > 0 && rounds.get(i).opened().isBefore(rounds.get(i - 1).closed())) {
                throw new IllegalArgumentException("rounds[" + i + "].opened must not be before the previous round closed ("
                        + rounds.get(i - 1).closed() + "): " + rounds.get(i).opened());
            }
        }
        if (kind == Kind.CULTURE_SELF_ASSESSMENT) {
            Map<CultureElement, Integer> perElement = new EnumMap<>(CultureElement.class);
            for (Question question : questions) {
                if (question instanceof Question.Likert likert && likert.element() != null) {
                    perElement.merge(likert.element(), 1, Integer::sum);
                }
            }
            for (CultureElement element : CultureElement.values()) {
                int count = perElement.getOrDefault(element, 0);
                if (count < MIN_STATEMENTS_PER_ELEMENT) {
                    throw new IllegalArgumentException("statements for " + element + " must be at least "
                            + MIN_STATEMENTS_PER_ELEMENT + ": " + count);
                }
            }
        }
    }

    /**
     * The self-assessment: Kasvu's standard statements followed by the agency's own, which are
     * marked as agency-added.
     *
     * @throws IllegalArgumentException if an agency statement reuses a standard id
     */
    public static Survey cultureSelfAssessment(String id, String organisation, LocalizedText title,
                                               List<Question.Likert> agencyStatements, Instant created) {
        List<Question> questions = new ArrayList<>(CultureStatements.all());
        Require.list("agencyStatements", agencyStatements).forEach(statement -> questions.add(
                new Question.Likert(statement.id(), statement.text(), statement.element(), true)));
        return new Survey(id, organisation, Kind.CULTURE_SELF_ASSESSMENT, title, questions, List.of(), created);
    }

    /** A pulse survey of the given questions. */
    public static Survey pulse(String id, String organisation, LocalizedText title, List<Question> questions,
                               Instant created) {
        return new Survey(id, organisation, Kind.PULSE, title, questions, List.of(), created);
    }

    /** The question with the id, if any. */
    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** The round with the number, if any. */
    public Optional<SurveyRound> round(int number) {
        return number >= 1 && number <= rounds.size() ? Optional.of(rounds.get(number - 1)) : Optional.empty();
    }

    /** The open round, if any. */
    public Optional<SurveyRound> openRound() {
        return rounds.isEmpty() || !rounds.get(rounds.size() - 1).isOpen()
                ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /** Opens the next round on the given day, unless one is open or the day precedes the last close. */
    public Result<Survey, SurveyProblem> openRound(LocalDate on) {
        Require.nonNull("on", on);
        if (openRound().isPresent()) {
            return Result.rejected(SurveyProblem.roundAlreadyOpen(rounds.size()));
        }
        if (!rounds.isEmpty() && on.isBefore(rounds.get(rounds.size() - 1).closed())) {
            return Result.rejected(SurveyProblem.dateBefore("opened", rounds.get(rounds.size() - 1).closed(), on));
        }
        return Result.accepted(withRounds(Stream.concat(rounds.stream(),
                Stream.of(new SurveyRound(rounds.size() + 1, on, null))).toList()));
    }

    /** Closes the open round on the given day; results become available. */
    public Result<Survey, SurveyProblem> closeRound(LocalDate on) {
        Require.nonNull("on", on);
        Optional<SurveyRound> open = openRound();
        if (open.isEmpty()) {
            return Result.rejected(SurveyProblem.noOpenRound());
        }
        if (on.isBefore(open.get().opened())) {
            return Result.rejected(SurveyProblem.dateBefore("closed", open.get().opened(), on));
        }
        List<SurveyRound> next = new ArrayList<>(rounds);
        next.set(next.size() - 1, new SurveyRound(open.get().number(), open.get().opened(), on));
        return Result.accepted(withRounds(next));
    }

    /** What is wrong with a response to this survey; empty when it can be accepted. */
    public List<SurveyProblem> check(SurveyResponse response) {
        List<SurveyProblem> problems = new ArrayList<>();
        if (!response.surveyId().equals(id)) {
            problems.add(SurveyProblem.otherSurvey(response.surveyId()));
        }
        Optional<SurveyRound> round = round(response.round());
        if (round.isEmpty()) {
            problems.add(SurveyProblem.unknownRound(response.round()));
        } else if (!round.get().isOpen()) {
            problems.add(SurveyProblem.roundState(response.round(), false));
        } else if (response.submitted().isBefore(round.get().opened())) {
            problems.add(SurveyProblem.dateBefore("submitted", round.get().opened(), response.submitted()));
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < response.answers().size(); i++) {
            Answer answer = response.answers().get(i);
            if (!answered.add(answer.questionId())) {
                problems.add(SurveyProblem.answeredTwice(i, answer.questionId()));
                continue;
            }
            Optional<Question> question = question(answer.questionId());
            if (question.isEmpty()) {
                problems.add(SurveyProblem.unknownQuestion(i, answer.questionId()));
            } else if (question.get() instanceof Question.Likert) {
                expect(problems, i, answer, answer instanceof Answer.Scale, "Likert 1..5");
            } else if (question.get() instanceof Question.SingleChoice choice) {
                expect(problems, i, answer, answer instanceof Answer.Chosen, "one option");
                if (answer instanceof Answer.Chosen chosen && !choice.hasOption(chosen.optionId())) {
                    problems.add(SurveyProblem.unknownOption(i, answer.questionId(), chosen.optionId()));
                }
            } else {
                expect(problems, i, answer, answer instanceof Answer.Text, "free text");
            }
        }
        return List.copyOf(problems);
    }

    private static void expect(List<SurveyProblem> problems, int index, Answer answer, boolean fits, String expected) {
        if (!fits) {
            problems.add(SurveyProblem.wrongAnswerType(index, answer.questionId(), expected));
        }
    }

    private Survey withRounds(List<SurveyRound> next) {
        return new Survey(id, organisation, kind, title, questions, next, created);
    }
}

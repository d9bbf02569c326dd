package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.Result;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyBallots;
import fi.kasvu.survey.SurveyProblem;
import fi.kasvu.survey.SurveyRound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's answer form: shows the open round's statements, takes a ballot, and on any
 * refusal shows the form again with everything the learner gave and a message per problem.
 */
final class AnswerPage {

    private final SurveyActivity activity;
    private final Call call;
    private final PageSession session;
    private final PageTexts t;
    private final Survey survey;

    AnswerPage(SurveyActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.session = call.session();
        this.t = call.texts();
        this.survey = activity.survey(session);
    }

    Answer show(String notice) {
        int round = survey.openRound().map(SurveyRound::number).orElse(0);
        return render(200, notice, Map.of(), new LinkedHashMap<>(), round, BallotKeys.next());
    }

    Answer post() {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        int round;
        try {
            round = Integer.parseInt(call.param("round"));
        } catch (NumberFormatException notANumber) {
            round = 0;
        }
        String key = call.param("ballot");
        List<fi.kasvu.survey.Answer> answers = new ArrayList<>();
        for (Question question : survey.questions()) {
            String name = "q." + question.id();
            String value = call.param(name).strip();
            given.put(name, call.param(name));
            if (question instanceof Question.Likert) {
                if (value.isEmpty()) {
                    continue;
                }
                if (!value.matches("[1-5]")) {
                    errors.put(name, t.t("answer.error.scale", question.text().in(t.language())));
                    continue;
                }
                answers.add(new fi.kasvu.survey.Answer.Scale(question.id(), Integer.parseInt(value)));
            } else if (question instanceof Question.FreeText) {
                String text = call.param(name).replace("\r\n", "\n").replace('\r', '\n');
                given.put(name, text);
                if (text.isBlank()) {
                    continue;
                }
                if (text.length() > SurveyActivity.MAX_COMMENT) {
                    errors.put(name, t.t("answer.error.long", SurveyActivity.MAX_COMMENT, text.length()));
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                    errors.put(name, t.t("answer.error.control"));
                } else {
                    answers.add(new fi.kasvu.survey.Answer.Text(question.id(), text.strip()));
                }
            }
        }
        List<String> units = activity.settings(session).units();
        String unit = call.param("unit");
        given.put("unit", unit);
        boolean unitKnown = unit.isEmpty()
                || unit.matches("u[1-9][0-9]?") && Integer.parseInt(unit.substring(1)) <= units.size();
        if (!unitKnown) {
            errors.put("unit", t.t("answer.error.unit"));
        }
        if (!SurveyBallots.validKey(key)) {
            errors.put("ballot", t.t("answer.error.key"));
            key = BallotKeys.next();
        }
        if (errors.isEmpty() && answers.isEmpty()) {
            errors.put(firstStatement(), t.t("answer.error.empty"));
        }
        int open = survey.openRound().map(SurveyRound::number).orElse(0);
        if (round == 0 || round != open) {
            errors.clear();
            errors.put("round", t.t(open == 0 ? "answer.error.closed" : "answer.error.newRound"));
            return render(409, "", errors, given, open, key);
        }
        if (!errors.isEmpty()) {
            return render(422, "", errors, given, round, key);
        }
        String label = activity.courseGroupKey(session).orElse(unit);
        RespondentGroup group = label.isEmpty() ? RespondentGroup.of(SurveyActivity.ORGANISATION)
                : RespondentGroup.of(SurveyActivity.ORGANISATION, label, null);
        Result<SurveyBallots.Outcome, SurveyProblem> cast = activity.ballots().cast(session.tenant(), survey.id(), round,
                key, session.person().value(), group, answers);
        if (!cast.isAccepted()) {
            boolean closed = cast.problems().stream().anyMatch(p -> p.code().equals("survey.round.closed"));
            errors.put("round", closed ? t.t("answer.error.closed")
                    : String.join(" ", cast.problems().stream().map(p -> SurveyActivity.problem(p, t)).toList()));
            return render(409, "", errors, given, open, key);
        }
        return switch (cast.orElseThrow()) {
            case COUNTED -> Answer.redirect(call.base() + "/survey/saved");
            case REPLACED -> Answer.redirect(call.base() + "/survey/replaced");
            case ANSWERED_ELSEWHERE -> {
                errors.put("round", t.t("answer.error.elsewhere"));
                yield render(409, "", errors, given, round, key);
            }
        };
    }

    private String firstStatement() {
        return survey.questions().stream().filter(q -> q instanceof Question.Likert).findFirst()
                .map(q -> "q." + q.id()).orElse("round");
    }

    private Answer render(int status, String notice, Map<String, String> errors, Map<String, String> given, int round,
                          String key) {
        List<Views.Message> messages = new ArrayList<>();
        errors.forEach((field, message) -> messages.add(new Views.Message(
                field.equals("round") || field.equals("ballot") ? "#answer-form" : "#f-" + field.replace('.', '-'),
                message)));
        List<SurveyViews.Block> blocks = new ArrayList<>();
        if (activity.isPulse()) {
            List<SurveyViews.Statement> statements = new ArrayList<>();
            for (Question question : survey.questions()) {
                statements.add(statement(question, given, errors));
            }
            blocks.add(new SurveyViews.Block("b-all", "", statements, null));
        } else {
            for (CultureElement element : CultureElement.values()) {
                List<SurveyViews.Statement> statements = new ArrayList<>();
                for (Question question : survey.questions()) {
                    if (question instanceof Question.Likert likert && likert.element() == element) {
                        statements.add(statement(question, given, errors));
                    }
                }
                String commentName = "q." + SurveyActivity.commentId(element);
                Views.Field comment = new Views.Field(commentName, t.t("answer.comment"), t.t("answer.comment.hint"),
                        given.getOrDefault(commentName, ""), "textarea", SurveyActivity.MAX_COMMENT,
                        errors.get(commentName), List.of(), false, false);
                blocks.add(new SurveyViews.Block("b-" + element.name().toLowerCase(java.util.Locale.ROOT),
                        element.title().in(t.language()), statements, comment));
            }
            List<SurveyViews.Statement> indicator = new ArrayList<>();
            for (Question question : survey.questions()) {
                if (question instanceof Question.Likert likert && likert.element() == null) {
                    indicator.add(statement(question, given, errors));
                }
            }
            if (!indicator.isEmpty()) {
                blocks.add(new SurveyViews.Block("b-indicator", t.t("answer.indicator"), indicator, null));
            }
        }
        List<String> units = activity.settings(session).units();
        Views.Field unitField = null;
        if (!units.isEmpty()) {
            List<Views.Choice> choices = new ArrayList<>();
            String chosen = given.getOrDefault("unit", "");
            choices.add(new Views.Choice("", t.t("answer.unit.none"), chosen.isEmpty(), ""));
            for (int i = 0; i < units.size(); i++) {
                choices.add(new Views.Choice("u" + (i + 1), units.get(i), chosen.equals("u" + (i + 1)), ""));
            }
            unitField = new Views.Field("unit", t.t("answer.unit"), t.t("answer.unit.hint"), chosen, "select", 0,
                    errors.get("unit"), choices, false, false);
        }
        boolean answered = round > 0 && activity.ballots().participated(session.tenant(), survey.id(), round,
                session.person().value());
        List<String> scale = List.of(t.t("scale.1"), t.t("scale.2"), t.t("scale.3"), t.t("scale.4"), t.t("scale.5"));
        return Answer.page(status, "survey/answer.jte", new SurveyViews.AnswerView(
                call.frame(session.placement().title(), "survey"), messages, notice, round > 0, round, answered, blocks,
                unitField, key, storageKey(round), scale,
                activity.publishedRounds(session.tenant(), survey.id()).isEmpty() ? "" : call.base() + "/results"));
    }

    /**
     * The browser storage entry of this person's key for the round: named per person, so that two
     * people on one shared computer never replace each other's answers.
     */
    private String storageKey(int round) {
        return "kasvu-ballot:" + survey.id() + ":" + round + ":"
                + Hashes.sha256Hex(survey.id() + "\n" + session.person().value(), 8);
    }

    private SurveyViews.Statement statement(Question question, Map<String, String> given, Map<String, String> errors) {
        String name = "q." + question.id();
        String value = given.getOrDefault(name, "");
        return new SurveyViews.Statement(question.id(), name, question.text().in(t.language()),
                value.matches("[1-5]") ? value : "", errors.get(name));
    }
}

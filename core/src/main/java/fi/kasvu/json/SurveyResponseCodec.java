package fi.kasvu.json;

import fi.kasvu.survey.Answer;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.SurveyResponse;
import java.util.List;

/** The JSON format of a {@link SurveyResponse}: kind {@code survey.response}, schema version 1. */
final class SurveyResponseCodec implements Codec<SurveyResponse> {

    /** Answer types as written in {@code answers[i].type}. */
    private enum AnswerType { SCALE, CHOSEN, TEXT }

    @Override
    public Class<SurveyResponse> type() {
        return SurveyResponse.class;
    }

    @Override
    public String kind() {
        return "survey.response";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(SurveyResponse r, JsonOut out) {
        out.string("id", r.id())
                .string("surveyId", r.surveyId())
                .number("round", r.round())
                .object("group", r.group(), (g, o) -> o.string("organisation", g.organisation())
                        .string("unit", g.unit()).string("team", g.team()))
                .date("submitted", r.submitted())
                .objects("answers", r.answers(), SurveyResponseCodec::writeAnswer);
    }

    private static void writeAnswer(Answer answer, JsonOut out) {
        if (answer instanceof Answer.Scale scale) {
            out.enumValue("type", AnswerType.SCALE).string("questionId", scale.questionId()).number("value", scale.value());
        } else if (answer instanceof Answer.Chosen chosen) {
            out.enumValue("type", AnswerType.CHOSEN).string("questionId", chosen.questionId())
                    .string("optionId", chosen.optionId());
        } else if (answer instanceof Answer.Text text) {
            out.enumValue("type", AnswerType.TEXT).string("questionId", text.questionId()).string("text", text.text());
        }
    }

    @Override
    public SurveyResponse read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "surveyId", "round", "group", "submitted", "answers");
        String id = in.string("id");
        String surveyId = in.string("surveyId");
        int round = in.integer("round");
        RespondentGroup group = in.object("group", g -> {
            g.allowOnly("organisation", "unit", "team");
            String organisation = g.string("organisation");
            String unit = g.optionalString("unit");
            String team = g.optionalString("team");
            return g.build(() -> new RespondentGroup(organisation, unit, team));
        });
        var submitted = in.date("submitted");
        List<Answer> answers = in.objects("answers", SurveyResponseCodec::readAnswer);
        return in.build(() -> new SurveyResponse(id, surveyId, round, group, submitted, answers));
    }

    private static Answer readAnswer(JsonCursor in) {
        AnswerType type = in.enumValue("type", AnswerType.class);
        String questionId = in.string("questionId");
        return switch (type) {
            case SCALE -> {
                in.allowOnly("type", "questionId", "value");
                int value = in.integer("value");
                yield in.buildAt("value", () -> new Answer.Scale(questionId, value));
            }
            case CHOSEN -> {
                in.allowOnly("type", "questionId", "optionId");
                String optionId = in.string("optionId");
                yield in.build(() -> new Answer.Chosen(questionId, optionId));
            }
            case TEXT -> {
                in.allowOnly("type", "questionId", "text");
                String text = in.string("text");
                yield in.buildAt("text", () -> new Answer.Text(questionId, text));
            }
        };
    }
}

package fi.kasvu.json;

import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyRound;
import java.time.Instant;
import java.util.List;

/** The JSON format of a {@link Survey}: kind {@code survey}, schema version 1. */
final class SurveyCodec implements Codec<Survey> {

    /** Question types as written in {@code questions[i].type}. */
    private enum QuestionType { LIKERT, SINGLE_CHOICE, FREE_TEXT }

    @Override
    public Class<Survey> type() {
        return Survey.class;
    }

    @Override
    public String kind() {
        return "survey";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(Survey s, JsonOut out) {
        out.string("id", s.id())
                .string("organisation", s.organisation())
                .enumValue("type", s.kind())
                .object("title", s.title(), CodecParts::writeLocalized)
                .objects("questions", s.questions(), SurveyCodec::writeQuestion)
                .objects("rounds", s.rounds(), (r, o) -> o.number("number", r.number())
                        .date("opened", r.opened()).date("closed", r.closed()))
                .instant("created", s.created());
    }

    private static void writeQuestion(Question question, JsonOut out) {
        if (question instanceof Question.Likert likert) {
            out.enumValue("type", QuestionType.LIKERT).string("id", likert.id())
                    .object("text", likert.text(), CodecParts::writeLocalized)
                    .enumValue("element", likert.element())
                    .bool("agencyAdded", likert.agencyAdded());
        } else if (question instanceof Question.SingleChoice choice) {
            out.enumValue("type", QuestionType.SINGLE_CHOICE).string("id", choice.id())
                    .object("text", choice.text(), CodecParts::writeLocalized)
                    .objects("options", choice.options(), (option, o) -> o.string("id", option.id())
                            .object("label", option.label(), CodecParts::writeLocalized));
        } else {
            out.enumValue("type", QuestionType.FREE_TEXT).string("id", question.id())
                    .object("text", question.text(), CodecParts::writeLocalized);
        }
    }

    @Override
    public Survey read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "organisation", "type", "title", "questions", "rounds", "created");
        String id = in.string("id");
        String organisation = in.string("organisation");
        Survey.Kind kind = in.enumValue("type", Survey.Kind.class);
        var title = in.object("title", CodecParts::readLocalized);
        List<Question> questions = in.objects("questions", SurveyCodec::readQuestion);
        List<SurveyRound> rounds = in.objects("rounds", r -> {
            r.allowOnly("number", "opened", "closed");
            int number = r.integer("number");
            var opened = r.date("opened");
            var closed = r.optionalDate("closed");
            return r.build(() -> new SurveyRound(number, opened, closed));
        });
        Instant created = in.instant("created");
        return in.build(() -> new Survey(id, organisation, kind, title, questions, rounds, created));
    }

    private static Question readQuestion(JsonCursor in) {
        QuestionType type = in.enumValue("type", QuestionType.class);
        String id = in.string("id");
        var text = in.object("text", CodecParts::readLocalized);
        return switch (type) {
            case LIKERT -> {
                in.allowOnly("type", "id", "text", "element", "agencyAdded");
                CultureElement element = in.optionalEnum("element", CultureElement.class);
                boolean agencyAdded = in.bool("agencyAdded", false);
                yield in.build(() -> new Question.Likert(id, text, element, agencyAdded));
            }
            case SINGLE_CHOICE -> {
                in.allowOnly("type", "id", "text", "options");
                List<Question.Option> options = in.objects("options", o -> {
                    o.allowOnly("id", "label");
                    String optionId = o.string("id");
                    var label = o.object("label", CodecParts::readLocalized);
                    return o.build(() -> new Question.Option(optionId, label));
                });
                yield in.build(() -> new Question.SingleChoice(id, text, options));
            }
            case FREE_TEXT -> {
                in.allowOnly("type", "id", "text");
                yield in.build(() -> new Question.FreeText(id, text));
            }
        };
    }
}

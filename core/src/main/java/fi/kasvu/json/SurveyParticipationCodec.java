package fi.kasvu.json;

import fi.kasvu.survey.SurveyParticipation;
import java.util.List;

/** The JSON format of a {@link SurveyParticipation}: kind {@code survey.participation}, schema version 1. */
final class SurveyParticipationCodec implements Codec<SurveyParticipation> {

    @Override
    public Class<SurveyParticipation> type() {
        return SurveyParticipation.class;
    }

    @Override
    public String kind() {
        return "survey.participation";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(SurveyParticipation p, JsonOut out) {
        out.string("id", p.id()).string("surveyId", p.surveyId()).number("round", p.round())
                .strings("people", p.people());
    }

    @Override
    public SurveyParticipation read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "surveyId", "round", "people");
        String id = in.string("id");
        String surveyId = in.string("surveyId");
        int round = in.integer("round");
        List<String> people = in.strings("people");
        return in.build(() -> new SurveyParticipation(id, surveyId, round, people));
    }
}

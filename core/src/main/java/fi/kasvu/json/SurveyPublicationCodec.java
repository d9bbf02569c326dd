package fi.kasvu.json;

import fi.kasvu.survey.SurveyPublication;
import java.util.List;

/** The JSON format of a {@link SurveyPublication}: kind {@code survey.publication}, schema version 1. */
final class SurveyPublicationCodec implements Codec<SurveyPublication> {

    @Override
    public Class<SurveyPublication> type() {
        return SurveyPublication.class;
    }

    @Override
    public String kind() {
        return "survey.publication";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(SurveyPublication p, JsonOut out) {
        out.string("id", p.id()).string("surveyId", p.surveyId())
                .strings("rounds", p.rounds().stream().map(String::valueOf).toList());
    }

    @Override
    public SurveyPublication read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "surveyId", "rounds");
        String id = in.string("id");
        String surveyId = in.string("surveyId");
        List<String> rounds = in.strings("rounds");
        return in.build(() -> new SurveyPublication(id, surveyId, rounds.stream().map(Integer::valueOf).toList()));
    }
}

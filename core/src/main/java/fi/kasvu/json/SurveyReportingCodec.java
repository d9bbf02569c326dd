package fi.kasvu.json;

import fi.kasvu.survey.SurveyReporting;
import java.util.List;

/**
 * The JSON format of a {@link SurveyReporting}: kind {@code survey.reporting}, schema version 1;
 * {@code courseId} is optional (absent in records kept before it was).
 */
final class SurveyReportingCodec implements Codec<SurveyReporting> {

    @Override
    public Class<SurveyReporting> type() {
        return SurveyReporting.class;
    }

    @Override
    public String kind() {
        return "survey.reporting";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(SurveyReporting r, JsonOut out) {
        out.string("id", r.id()).string("surveyId", r.surveyId()).string("course", r.course())
                .strings("units", r.units())
                .strings("published", r.published().stream().map(String::valueOf).toList())
                .string("courseId", r.courseId());
    }

    @Override
    public SurveyReporting read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "surveyId", "course", "units", "published", "courseId");
        String id = in.string("id");
        String surveyId = in.string("surveyId");
        String course = in.string("course");
        List<String> units = in.strings("units");
        List<String> published = in.strings("published");
        // Absent in records kept before the course id was (same schema version: an added optional field).
        String courseId = in.text("courseId");
        return in.build(() -> new SurveyReporting(id, surveyId, course, units,
                published.stream().map(Integer::valueOf).toList(), courseId));
    }
}

package fi.kasvu.survey;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.TreeSet;

/**
 * How a survey's results are reported: the names of the units respondents may state (responses
 * carry only {@code u1}, {@code u2}, …), the course it runs in, and which closed rounds the
 * organiser has published to the respondents. Published results are exactly the figures the
 * organiser sees: the same disclosure control applies.
 *
 * @param id        {@code <surveyId>.reporting}
 * @param surveyId  the survey
 * @param course    the course's name as the platform sent it ("" if not sent)
 * @param units     the units' names; unit {@code u<i>} is the i-th (from 1)
 * @param published the published rounds, ascending and distinct
 * @param courseId  the platform's course id (the LTI context id; "" if not known yet: kept before it was)
 */
public record SurveyReporting(String id, String surveyId, String course, List<String> units, List<Integer> published,
                              String courseId) {

    /** @throws IllegalArgumentException if the id does not fit the survey, a unit is blank or a round below 1 */
    public SurveyReporting {
        Require.id("surveyId", surveyId);
        if (!idOf(surveyId).equals(id)) {
            throw new IllegalArgumentException("id must be " + idOf(surveyId) + ": " + id);
        }
        Require.nonNull("course", course);
        Require.maxLength("course", course, 1000);
        units = Require.list("units", units);
        units.forEach(unit -> Require.id("units[]", unit));
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer round : Require.list("published", published)) {
            sorted.add(Require.atLeast("published[]", round, 1));
        }
        published = List.copyOf(sorted);
        Require.nonNull("courseId", courseId);
        Require.maxLength("courseId", courseId, 1000);
    }

    /** A record without a course id (as kept before the course id was). */
    public SurveyReporting(String id, String surveyId, String course, List<String> units, List<Integer> published) {
        this(id, surveyId, course, units, published, "");
    }

    /** The id of a survey's reporting record. */
    public static String idOf(String surveyId) {
        return surveyId + ".reporting";
    }

    /** Nothing published yet. */
    public static SurveyReporting of(String surveyId, String course, List<String> units) {
        return new SurveyReporting(idOf(surveyId), surveyId, course, units, List.of(), "");
    }

    /** Nothing published yet, in the course with this id. */
    public static SurveyReporting of(String surveyId, String course, String courseId, List<String> units) {
        return new SurveyReporting(idOf(surveyId), surveyId, course, units, List.of(), courseId);
    }

    /** Whether the round is published. */
    public boolean published(int round) {
        return published.contains(round);
    }

    /** With the round published or withdrawn. */
    public SurveyReporting publishing(int round, boolean shown) {
        TreeSet<Integer> next = new TreeSet<>(published);
        if (shown) {
            next.add(round);
        } else {
            next.remove(round);
        }
        return new SurveyReporting(id, surveyId, course, units, List.copyOf(next), courseId);
    }

    /** With other unit names and course (the placement's settings changed). */
    public SurveyReporting describing(String newCourse, List<String> newUnits) {
        return new SurveyReporting(id, surveyId, newCourse, newUnits, published, courseId);
    }

    /** With the course's id (a launch told it; a launch without one keeps what is known). */
    public SurveyReporting inCourse(String newCourseId) {
        return new SurveyReporting(id, surveyId, course, units, published, newCourseId);
    }
}

package fi.kasvu.feedback;

import java.util.Map;

/**
 * What a rater fills in, before the assessment files it under the rater's group: ratings and
 * the two open questions.
 *
 * @param ratings          statement id to 1..5; a statement left out is "cannot say"
 * @param strengths        what the subject does well ("" if nothing)
 * @param developmentAreas what the subject could develop ("" if nothing)
 */
public record Answers(Map<String, Integer> ratings, String strengths, String developmentAreas) {

    /** @throws IllegalArgumentException if a rating lies outside 1..5 or a text is too long */
    public Answers {
        RaterResponse checked = new RaterResponse("answers", RaterGroup.OTHERS, ratings, strengths, developmentAreas);
        ratings = checked.ratings();
        strengths = checked.strengths();
        developmentAreas = checked.developmentAreas();
    }

    /** Ratings only. */
    public static Answers of(Map<String, Integer> ratings) {
        return new Answers(ratings, "", "");
    }

    RaterResponse filedAs(String id, RaterGroup group) {
        return new RaterResponse(id, group, ratings, strengths, developmentAreas);
    }
}

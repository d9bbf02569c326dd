package fi.kasvu.feedback;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * One group's ratings of one statement: how many rated it, the mean, the spread, and how many
 * gave each value, ready for a chart.
 *
 * @param raters       how many rated the statement
 * @param mean         the mean rating, 1..5
 * @param spread       the standard deviation of the ratings (population), 0 when all agree
 * @param distribution how many gave 1, 2, 3, 4 and 5
 */
public record Figure(int raters, double mean, double spread, List<Integer> distribution) {

    /** @throws IllegalArgumentException if the distribution does not have five counts summing to the raters */
    public Figure {
        Require.atLeast("raters", raters, 1);
        distribution = Require.list("distribution", distribution);
        if (distribution.size() != 5 || distribution.stream().mapToInt(Integer::intValue).sum() != raters) {
            throw new IllegalArgumentException("distribution must have 5 counts summing to " + raters + ": " + distribution);
        }
    }

    /** The figure of the ratings. @throws IllegalArgumentException if there are none */
    static Figure of(List<Integer> ratings) {
        int[] counts = new int[5];
        double sum = 0;
        for (int rating : ratings) {
            counts[rating - 1]++;
            sum += rating;
        }
        double mean = sum / ratings.size();
        double squares = 0;
        for (int rating : ratings) {
            squares += (rating - mean) * (rating - mean);
        }
        return new Figure(ratings.size(), mean, Math.sqrt(squares / ratings.size()),
                java.util.Arrays.stream(counts).boxed().toList());
    }
}

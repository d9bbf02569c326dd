package fi.kasvu.survey;

/**
 * The fewest respondents a figure may describe: 3 by default, configurable upward, never below 3.
 *
 * @param minimum the fewest respondents behind any figure shown
 */
public record AnonymityThreshold(int minimum) {

    /** The legal floor and the default. */
    public static final int FLOOR = 3;

    /** @throws IllegalArgumentException if the minimum is below 3, naming it */
    public AnonymityThreshold {
        if (minimum < FLOOR) {
            throw new IllegalArgumentException("anonymity minimum must be at least " + FLOOR + ": " + minimum);
        }
    }

    /** The default threshold of three respondents. */
    public static AnonymityThreshold standard() {
        return new AnonymityThreshold(FLOOR);
    }

    /**
     * A threshold of the given minimum.
     *
     * @throws IllegalArgumentException if the minimum is below 3
     */
    public static AnonymityThreshold of(int minimum) {
        return new AnonymityThreshold(minimum);
    }
}

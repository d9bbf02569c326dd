package fi.kasvu.grow;

import java.util.Optional;

/** The four phases of a GROW conversation, in the order they are first visited. */
public enum Phase {
    /** What the coachee wants, from this conversation and beyond it. */
    GOAL,
    /** Where things stand now, and what is essential in it. */
    REALITY,
    /** Many alternatives first, then the chosen ones. */
    OPTIONS,
    /** The way forward: actions, commitment and follow-up. */
    WILL;

    /** The phase after this one, or empty after {@link #WILL}. */
    public Optional<Phase> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** The phase before this one, or empty before {@link #GOAL}. */
    public Optional<Phase> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    /** The phase's name in lower case, as used in question keys ({@code goal}, {@code reality}, …). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The phase of a lower- or upper-case key.
     *
     * @throws IllegalArgumentException naming the value if it is not a phase
     */
    public static Phase ofKey(String key) {
        if (key != null) {
            for (Phase phase : values()) {
                if (phase.name().equalsIgnoreCase(key.strip())) {
                    return phase;
                }
            }
        }
        throw new IllegalArgumentException("phase must be one of goal, reality, options, will: " + key);
    }
}

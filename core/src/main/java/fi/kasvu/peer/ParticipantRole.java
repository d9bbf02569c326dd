package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.Locale;

/**
 * What a participant is in the programme: a supervisor, an expert, a newcomer, or a role an
 * agency names itself (kept as written, upper-cased).
 *
 * @param name the role's name, such as {@code SUPERVISOR}
 */
public record ParticipantRole(String name) {

    /** A supervisor (esihenkilö): mentor in reverse mentoring, onboarder in a pool. */
    public static final ParticipantRole SUPERVISOR = new ParticipantRole("SUPERVISOR");
    /** An expert (asiantuntija). */
    public static final ParticipantRole EXPERT = new ParticipantRole("EXPERT");
    /** Someone who has just started in government: mentee in reverse mentoring. */
    public static final ParticipantRole NEWCOMER = new ParticipantRole("NEWCOMER");

    /**
     * Upper-cases the name.
     *
     * @throws IllegalArgumentException if the name is blank, too long or has control characters
     */
    public ParticipantRole {
        name = Require.id("role", name).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The role of a name in any case ({@code supervisor}, {@code Newcomer}).
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static ParticipantRole of(String name) {
        return new ParticipantRole(name);
    }

    @Override
    public String toString() {
        return name;
    }
}

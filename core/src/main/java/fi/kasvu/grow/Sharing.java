package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which phases the coachee chose to share with the coach, observers and teachers. Nothing is
 * shared unless the coachee shares it; progress (phase reached, completion, last activity) is
 * always visible, content never by default.
 *
 * @param phases the shared phases
 */
public record Sharing(Set<Phase> phases) {

    /** The default: everything private. */
    public static final Sharing PRIVATE = new Sharing(Set.of());

    /** @throws NullPointerException if the set or a phase is null */
    public Sharing {
        Require.nonNull("sharing.phases", phases);
        phases = phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
    }

    /** Whether the phase is shared. */
    public boolean shares(Phase phase) {
        return phases.contains(phase);
    }

    /** This sharing with the phase shared or not. */
    public Sharing with(Phase phase, boolean shared) {
        EnumSet<Phase> changed = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
        if (shared) {
            changed.add(Require.nonNull("phase", phase));
        } else {
            changed.remove(phase);
        }
        return new Sharing(changed);
    }
}

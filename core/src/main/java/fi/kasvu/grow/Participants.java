package fi.kasvu.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who takes part in a conversation: the coachee who owns it, an optional coach (a peer, a
 * supervisor or a group coach) and, in a peer triad, observers.
 *
 * @param coachee   the owner of the conversation
 * @param coach     the coach, or null when the coachee works alone
 * @param observers observers (peer triads), possibly empty
 */
public record Participants(PersonId coachee, PersonId coach, List<PersonId> observers) {

    /**
     * @throws NullPointerException     if the coachee is null
     * @throws IllegalArgumentException if one person holds two roles
     */
    public Participants {
        Require.nonNull("coachee", coachee);
        observers = Require.list("observers", observers);
        Set<PersonId> seen = new HashSet<>();
        seen.add(coachee);
        if (coach != null && !seen.add(coach)) {
            throw new IllegalArgumentException("coach must differ from the coachee: " + coach);
        }
        for (PersonId observer : observers) {
            if (!seen.add(observer)) {
                throw new IllegalArgumentException("observers must not repeat the coachee, the coach or each other: " + observer);
            }
        }
    }

    /** A coachee working alone. */
    public static Participants alone(PersonId coachee) {
        return new Participants(coachee, null, List.of());
    }

    /** A coachee with a coach. */
    public static Participants coached(PersonId coachee, PersonId coach) {
        return new Participants(coachee, Require.nonNull("coach", coach), List.of());
    }

    /** A peer triad: coach, coachee and one observer. */
    public static Participants triad(PersonId coach, PersonId coachee, PersonId observer) {
        return new Participants(coachee, Require.nonNull("coach", coach), List.of(Require.nonNull("observer", observer)));
    }

    /** The coach, if there is one. */
    public Optional<PersonId> coachIfAny() {
        return Optional.ofNullable(coach);
    }

    /** The person's role in this conversation, or empty if they take no part. */
    public Optional<PeerRole> roleOf(PersonId person) {
        if (coachee.equals(person)) {
            return Optional.of(PeerRole.COACHEE);
        }
        if (person != null && person.equals(coach)) {
            return Optional.of(PeerRole.COACH);
        }
        return observers.contains(person) ? Optional.of(PeerRole.OBSERVER) : Optional.empty();
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.List;

/**
 * The groups of earlier rounds, so that a new round can avoid putting the same people together.
 *
 * @param rounds each round's groups, each group as its members' ids
 */
public record PreviousRounds(List<List<List<PersonId>>> rounds) {

    /** @throws NullPointerException if a round, group or id is null */
    public PreviousRounds {
        rounds = Require.list("rounds", rounds).stream()
                .map(round -> Require.list("round", round).stream().map(group -> Require.list("group", group)).toList())
                .toList();
    }

    /** No earlier rounds. */
    public static PreviousRounds none() {
        return new PreviousRounds(List.of());
    }

    /** The rounds of earlier formations. */
    public static PreviousRounds of(List<Formation> formations) {
        return new PreviousRounds(formations.stream().map(f -> f.groups().stream()
                .map(g -> g.members().stream().map(m -> m.participant().id()).toList()).toList()).toList());
    }
}

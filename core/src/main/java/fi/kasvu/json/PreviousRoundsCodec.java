package fi.kasvu.json;

import fi.kasvu.common.PersonId;
import fi.kasvu.peer.PreviousRounds;
import java.util.List;

/** {@code peer.rounds}: the groups of earlier rounds, as member ids, for {@code kasvu groups form --previous}. */
final class PreviousRoundsCodec implements Codec<PreviousRounds> {

    @Override
    public Class<PreviousRounds> type() {
        return PreviousRounds.class;
    }

    @Override
    public String kind() {
        return "peer.rounds";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(PreviousRounds rounds, JsonOut out) {
        out.objects("rounds", rounds.rounds(), (round, r) -> r.objects("groups", round,
                (group, g) -> g.strings("members", group.stream().map(PersonId::value).toList())));
    }

    @Override
    public PreviousRounds read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "rounds");
        List<List<List<PersonId>>> rounds = in.objects("rounds", r -> {
            r.allowOnly("groups");
            return r.objects("groups", g -> {
                g.allowOnly("members");
                List<String> members = g.strings("members");
                return g.build(() -> members.stream().map(PersonId::of).toList());
            });
        });
        return in.build(() -> new PreviousRounds(rounds));
    }
}

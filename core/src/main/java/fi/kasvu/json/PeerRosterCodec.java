package fi.kasvu.json;

import fi.kasvu.peer.Participant;
import fi.kasvu.peer.PeerRoster;
import java.time.Instant;
import java.util.List;

/** {@code peer.roster}: the participants of one peer-group activity, from intake forms and uploads. */
final class PeerRosterCodec implements Codec<PeerRoster> {

    @Override
    public Class<PeerRoster> type() {
        return PeerRoster.class;
    }

    @Override
    public String kind() {
        return "peer.roster";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(PeerRoster roster, JsonOut out) {
        out.string("id", roster.id()).string("context", roster.context()).objects("entries", roster.entries(), (e, o) -> {
            PeerJson.writeParticipant(e.participant(), o);
            o.number("capacity", e.capacity()).enumValue("source", e.source()).instant("at", e.at());
        });
    }

    @Override
    public PeerRoster read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "context", "entries");
        String id = in.string("id");
        String context = in.string("context");
        List<PeerRoster.Entry> entries = in.objects("entries", c -> {
            String[] allowed = java.util.Arrays.copyOf(PeerJson.PARTICIPANT_FIELDS, PeerJson.PARTICIPANT_FIELDS.length + 3);
            allowed[allowed.length - 3] = "capacity";
            allowed[allowed.length - 2] = "source";
            allowed[allowed.length - 1] = "at";
            c.allowOnly(allowed);
            Participant participant = PeerJson.readParticipant(c);
            int capacity = c.has("capacity") ? c.integer("capacity") : 0;
            PeerRoster.Source source = c.enumValue("source", PeerRoster.Source.class);
            Instant at = c.instant("at");
            return c.build(() -> new PeerRoster.Entry(participant, capacity, source, at));
        });
        return in.build(() -> new PeerRoster(id, context, entries));
    }
}

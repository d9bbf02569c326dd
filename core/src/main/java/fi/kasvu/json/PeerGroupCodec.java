package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Charter;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.GroupNote;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PrivateReflection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code peer.group}: a peer group over its life, as stored. The stored form holds the notes and
 * private reflections; only storage reads it, and people see them through {@code PeerGroup}'s
 * visibility rules.
 */
final class PeerGroupCodec implements Codec<PeerGroup> {

    @Override
    public Class<PeerGroup> type() {
        return PeerGroup.class;
    }

    @Override
    public String kind() {
        return "peer.group";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(PeerGroup g, JsonOut out) {
        out.string("id", g.id()).string("formationId", g.formationId()).enumValue("groupKind", g.kind())
                .string("context", g.context()).objects("members", g.members(), PeerJson::writeMember);
        g.charter().ifPresent(c -> out.object("charter", c, PeerGroupCodec::writeCharter));
        out.objects("meetings", g.meetings(), PeerJson::writeMeeting)
                .objects("notes", g.notesForStorage(), (n, o) -> o.string("author", n.author().value())
                        .instant("written", n.written()).string("text", n.text()))
                .objects("reflections", g.reflectionsForStorage(), (r, o) -> o.string("author", r.author().value())
                        .instant("written", r.written()).number("meeting", r.meeting()).string("text", r.text()));
        if (!g.acceptances().isEmpty()) {
            out.objects("acceptances", List.copyOf(g.acceptances().entrySet()), (a, o) -> o.string("person",
                    a.getKey().value()).instant("accepted", a.getValue()));
        }
    }

    private static void writeCharter(Charter c, JsonOut out) {
        out.strings("themes", c.themes()).number("meetingCount", c.meetingCount()).number("intervalWeeks", c.intervalWeeks())
                .objects("groundRules", c.groundRules(), (rule, o) -> {
                    for (Language language : Language.values()) {
                        if (rule.has(language)) {
                            o.string(language.code(), rule.in(language));
                        }
                    }
                });
    }

    @Override
    public PeerGroup read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "formationId", "groupKind", "context", "members", "charter", "meetings",
                "notes", "reflections", "acceptances");
        String id = in.string("id");
        String formationId = in.optionalString("formationId");
        GroupKind kind = in.enumValue("groupKind", GroupKind.class);
        String context = in.optionalString("context");
        List<GroupMember> members = in.objects("members", PeerJson::readMember);
        Charter charter = in.optionalObject("charter", PeerGroupCodec::readCharter);
        List<Meeting> meetings = in.objects("meetings", PeerJson::readMeeting);
        List<GroupNote> notes = in.objects("notes", c -> {
            c.allowOnly("author", "written", "text");
            String author = c.string("author");
            Instant written = c.instant("written");
            String text = c.string("text");
            return c.build(() -> new GroupNote(PersonId.of(author), written, text));
        });
        List<PrivateReflection> reflections = in.objects("reflections", c -> {
            c.allowOnly("author", "written", "meeting", "text");
            String author = c.string("author");
            Instant written = c.instant("written");
            int meeting = c.has("meeting") ? c.integer("meeting") : 0;
            String text = c.string("text");
            return c.build(() -> new PrivateReflection(PersonId.of(author), written, meeting, text));
        });
        Map<PersonId, Instant> acceptances = new java.util.LinkedHashMap<>();
        if (in.has("acceptances")) {
            in.objects("acceptances", c -> {
                c.allowOnly("person", "accepted");
                String person = c.string("person");
                Instant accepted = c.instant("accepted");
                acceptances.put(c.build(() -> PersonId.of(person)), accepted);
                return accepted;
            });
        }
        return in.build(() -> PeerGroup.of(id, formationId, kind, context, members, charter, meetings, notes, reflections,
                acceptances));
    }

    private static Charter readCharter(JsonCursor in) {
        in.allowOnly("themes", "meetingCount", "intervalWeeks", "groundRules");
        List<String> themes = in.strings("themes");
        int count = in.integer("meetingCount");
        int interval = in.integer("intervalWeeks");
        List<LocalizedText> rules = in.objects("groundRules", r -> {
            r.allowOnly("fi", "sv", "en");
            Map<Language, String> texts = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                if (r.has(language.code())) {
                    texts.put(language, r.string(language.code()));
                }
            }
            return r.build(() -> new LocalizedText(texts));
        });
        return in.build(() -> new Charter(themes, count, interval, rules));
    }
}

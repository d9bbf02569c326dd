package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.MemberRole;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.TriadRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pieces the peer-group codecs share: participants, members and meetings. */
final class PeerJson {

    static final String[] PARTICIPANT_FIELDS = {"id", "name", "email", "language", "languages", "organisation", "unit",
        "site", "role", "managerId", "interests"};

    private PeerJson() {
    }

    static void writeParticipant(Participant p, JsonOut out) {
        out.string("id", p.id().value()).string("name", p.name()).string("email", p.email())
                .string("language", p.preferredLanguage().code())
                .strings("languages", p.languages().stream().map(Language::code).toList())
                .string("organisation", p.organisation()).string("unit", p.unit()).string("site", p.site())
                .string("role", p.role().name()).string("managerId", p.manager() == null ? null : p.manager().value())
                .strings("interests", p.interests());
    }

    static Participant readParticipant(JsonCursor in) {
        List<String> codes = in.strings("languages");
        List<Language> languages = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            try {
                languages.add(Language.ofCode(code));
            } catch (IllegalArgumentException e) {
                throw new KasvuJsonException(in.pathOf("languages") + "[" + i + "]", e.getMessage());
            }
        }
        String id = in.string("id");
        String name = in.string("name");
        String email = in.text("email");
        String organisation = in.string("organisation");
        String unit = in.text("unit");
        String site = in.text("site");
        String role = in.string("role");
        String manager = in.optionalString("managerId");
        List<String> interests = in.strings("interests");
        return in.build(() -> new Participant(PersonId.of(id), name, email, organisation, unit, site,
                ParticipantRole.of(role), languages, manager == null ? null : PersonId.of(manager), interests));
    }

    static void writeMember(GroupMember member, JsonOut out) {
        writeParticipant(member.participant(), out);
        out.enumValue("groupRole", member.role());
    }

    static GroupMember readMember(JsonCursor in) {
        String[] allowed = java.util.Arrays.copyOf(PARTICIPANT_FIELDS, PARTICIPANT_FIELDS.length + 1);
        allowed[PARTICIPANT_FIELDS.length] = "groupRole";
        in.allowOnly(allowed);
        Participant participant = readParticipant(in);
        MemberRole role = in.enumValue("groupRole", MemberRole.class);
        return in.build(() -> new GroupMember(participant, role));
    }

    static void writeRoles(Map<PersonId, TriadRole> roles, JsonOut out) {
        List<Map.Entry<PersonId, TriadRole>> entries = new ArrayList<>(roles.entrySet());
        entries.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(PersonId::value)));
        out.objects("roles", entries, (entry, o) -> o.string("person", entry.getKey().value()).enumValue("role", entry.getValue()));
    }

    static Map<PersonId, TriadRole> readRoles(JsonCursor in) {
        Map<PersonId, TriadRole> roles = new LinkedHashMap<>();
        in.objects("roles", c -> {
            c.allowOnly("person", "role");
            String person = c.string("person");
            TriadRole role = c.enumValue("role", TriadRole.class);
            if (roles.put(c.build(() -> PersonId.of(person)), role) != null) {
                throw c.error("person", "repeats a person already given a role: " + JsonCursor.clip(person));
            }
            return role;
        });
        return roles;
    }

    static void writeMeeting(Meeting meeting, JsonOut out) {
        out.string("state", meeting instanceof Meeting.Held ? "HELD" : "PLANNED").number("number", meeting.number())
                .date("date", meeting.date()).string("theme", meeting.theme());
        writeRoles(meeting.roles(), out);
        if (!meeting.place().isEmpty()) {
            out.string("place", meeting.place());
        }
        if (meeting instanceof Meeting.Held held) {
            out.strings("attendance", held.attendance().stream().map(PersonId::value).sorted().toList());
        }
    }

    static Meeting readMeeting(JsonCursor in) {
        in.allowOnly("state", "number", "date", "theme", "roles", "attendance", "place");
        String state = in.has("state") ? in.string("state") : "PLANNED";
        int number = in.integer("number");
        java.time.LocalDate date = in.date("date");
        String theme = in.text("theme");
        Map<PersonId, TriadRole> roles = readRoles(in);
        String place = in.has("place") ? in.text("place") : "";
        switch (state) {
            case "PLANNED" -> {
                return in.build(() -> new Meeting.Planned(number, date, theme, roles, place));
            }
            case "HELD" -> {
                List<String> attendance = in.strings("attendance");
                return in.build(() -> new Meeting.Held(number, date, theme, roles,
                        new java.util.LinkedHashSet<>(attendance.stream().map(PersonId::of).toList()), place));
            }
            default -> throw in.error("state", "unknown value \"" + JsonCursor.clip(state) + "\"; expected one of PLANNED, HELD");
        }
    }
}

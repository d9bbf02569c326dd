package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Fixture factories for peer groups over their life. */
public final class Groups {

    /** A moment for notes and reflections. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Groups() {
    }

    /** A triad of a, b and c with a charter, one planned meeting, a note by a and a reflection by b. */
    public static PeerGroup anyTriadWithNotesAndReflections() {
        PeerGroup group = PeerGroup.of("g1", "f1", GroupKind.PEER_TRIAD, "course-1", List.of(member("a"), member("b"),
                member("c")), null, List.of(), List.of(), List.of());
        group = group.withCharter(Charter.withDefaultRules(List.of("hybrid work"), 6, 4))
                .planMeeting(LocalDate.of(2026, 1, 15), "Goals for the year");
        group = group.addNote(PersonId.of("a"), NOW, "We meet on Thursdays.").orElseThrow();
        return group.addReflection(PersonId.of("b"), NOW, 1, "I noticed I give advice too soon.").orElseThrow();
    }

    /** A member with a peer role. */
    public static GroupMember member(String id) {
        return new GroupMember(Populations.person(id, "Org " + id, List.of(fi.kasvu.common.Language.FI), null), MemberRole.PEER);
    }
}

package fi.kasvu.examples;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.peer.Charter;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.PeerEvent;
import fi.kasvu.peer.PeerEvents;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerGroupService;
import fi.kasvu.peer.PeerGroups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Forming peer triads and listening for {@link PeerEvent.MeetingHeld}: a learning platform would
 * mark attendance or award a badge on each one, without polling the groups. Private reflections
 * publish nothing.
 */
public final class TriadMeetings {

    private TriadMeetings() {
    }

    /** Runs the example and prints each held meeting the listener hears. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T15:00:00Z"), ZoneOffset.UTC);
        TenantId agency = TenantId.of("agency");
        PeerEvents listener = event -> {
            if (event instanceof PeerEvent.MeetingHeld held) {
                System.out.println("meeting " + held.number() + " of " + held.groupId() + " held on " + held.date()
                        + ", attended by " + held.attendance().size());
            }
        };
        PeerGroupService groups = PeerGroupService.of(PeerGroups.inMemory(clock), listener, clock,
                IdGenerator.sequence("triad"));

        List<Participant> people = IntStream.rangeClosed(1, 6).mapToObj(i -> new Participant(PersonId.of("p" + i),
                "Person " + i, "", "Agency " + i, "", "", ParticipantRole.SUPERVISOR, List.of(Language.FI), null,
                List.of())).toList();
        Formation formation = GroupFormation.form(FormationRequest.of("spring-2026", GroupKind.PEER_TRIAD, people, 42)
                .withContext("ako-2026").withMeetings(new MeetingPlan(LocalDate.of(2026, 3, 16), 4, 3)));
        List<Versioned<PeerGroup>> triads = groups.start(agency, formation);
        System.out.println("formed " + triads.size() + " triads");

        for (Versioned<PeerGroup> triad : triads) {
            String id = triad.value().id();
            Set<PersonId> members = Set.copyOf(triad.value().members().stream().map(m -> m.participant().id()).toList());
            groups.agreeCharter(agency, id, Charter.withDefaultRules(List.of("feedback"), 4, 3)).orElseThrow();
            PersonId first = triad.value().members().get(0).participant().id();
            groups.addReflection(agency, id, first, 1, "I give advice too soon").orElseThrow();
            groups.recordHeld(agency, id, 1, members).orElseThrow();
        }
    }
}

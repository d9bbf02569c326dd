package fi.kasvu.peer;

import static fi.kasvu.peer.Groups.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerGroupTest {

    final PeerGroup group = Groups.anyTriadWithNotesAndReflections();

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "c"})
    void groupNotes_areVisibleToEveryMember(String member) {
        assertThat(group.notesVisibleTo(PersonId.of(member))).extracting(GroupNote::text).containsExactly("We meet on Thursdays.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "coach", "organiser"})
    void groupNotes_areInvisibleToAnyoneOutsideTheGroup(String outsider) {
        assertThat(group.notesVisibleTo(PersonId.of(outsider))).isEmpty();
        assertThat(group.notesVisibleTo(null)).isEmpty();
    }

    @Test
    void aPrivateReflection_isVisibleToItsAuthorOnly() {
        assertThat(group.reflectionsVisibleTo(PersonId.of("b"))).extracting(PrivateReflection::text)
                .containsExactly("I noticed I give advice too soon.");
        assertThat(group.reflectionsVisibleTo(PersonId.of("a"))).isEmpty();
        assertThat(group.reflectionsVisibleTo(PersonId.of("c"))).isEmpty();
        assertThat(group.reflectionsVisibleTo(PersonId.of("teacher"))).isEmpty();
        assertThat(group.reflectionsVisibleTo(null)).isEmpty();
    }

    @Test
    void reflectionText_neverAppearsInToString() {
        assertThat(group.toString()).doesNotContain("advice");
        assertThat(group.reflectionsForStorage().get(0).toString()).doesNotContain("advice").contains("(private)");
    }

    @Test
    void anOutsider_cannotWriteANoteOrReflection() {
        Result<PeerGroup, GroupProblem> note = group.addNote(PersonId.of("teacher"), NOW, "Hello");
        Result<PeerGroup, GroupProblem> reflection = group.addReflection(PersonId.of("teacher"), NOW, 0, "Hmm");

        assertThat(note.isAccepted()).isFalse();
        assertThat(note.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("peer.group.notMember");
            assertThat(p.arguments()).containsEntry("person", "teacher");
        });
        assertThat(reflection.problems()).extracting(GroupProblem::code).containsExactly("peer.group.notMember");
    }

    @Test
    void aHeldMeeting_recordsItsAttendance_andCannotBeHeldTwice() {
        PeerGroup held = group.recordHeld(1, Set.of(PersonId.of("a"), PersonId.of("b"))).orElseThrow();

        assertThat(held.meetings().get(0)).isInstanceOfSatisfying(Meeting.Held.class,
                m -> assertThat(m.attendance()).containsExactlyInAnyOrder(PersonId.of("a"), PersonId.of("b")));
        assertThat(held.recordHeld(1, Set.of(PersonId.of("a"))).problems()).extracting(GroupProblem::code)
                .containsExactly("peer.meeting.alreadyHeld");
        assertThat(group.recordHeld(2, Set.of(PersonId.of("a"))).problems()).extracting(GroupProblem::code)
                .containsExactly("peer.meeting.unknown");
        assertThat(group.recordHeld(1, Set.of(PersonId.of("x"))).problems()).extracting(GroupProblem::code)
                .containsExactly("peer.group.notMember");
    }

    @Test
    void meetingsPlannedOneByOne_rotateTheTriadRoles() {
        PeerGroup planned = group.planMeeting(LocalDate.of(2026, 2, 12), "").planMeeting(LocalDate.of(2026, 3, 12), "");

        for (String member : List.of("a", "b", "c")) {
            assertThat(planned.meetings()).extracting(m -> m.roles().get(PersonId.of(member)))
                    .containsExactlyInAnyOrder(TriadRole.values());
        }
    }

    @Test
    void theDefaultGroundRules_existInFinnishSwedishAndEnglish() {
        List<LocalizedText> rules = Charter.defaultGroundRules();

        assertThat(rules).hasSize(4).allSatisfy(rule -> {
            assertThat(rule.has(Language.FI)).isTrue();
            assertThat(rule.has(Language.SV)).isTrue();
            assertThat(rule.has(Language.EN)).isTrue();
        });
        assertThat(rules.get(0).in(Language.FI)).startsWith("Luottamuksellisuus");
        assertThat(rules.get(0).in(Language.SV)).startsWith("Konfidentialitet");
    }

    @Test
    void aNoteBySomeoneOutsideTheMembers_isRejectedWhenTheGroupIsBuilt() {
        assertThatThrownBy(() -> PeerGroup.of("g", null, GroupKind.PEER_TRIAD, null, List.of(Groups.member("a"),
                Groups.member("b")), null, List.of(), List.of(new GroupNote(PersonId.of("z"), NOW, "x")), List.of()))
                .hasMessage("notes[0].author must be a member of the group: z");
    }

    @Test
    void charterCounts_areCheckedNamingTheField() {
        assertThatThrownBy(() -> Charter.withDefaultRules(List.of(), 0, 4)).hasMessage("meetingCount must be 1..100: 0");
        assertThatThrownBy(() -> Charter.withDefaultRules(List.of(" "), 3, 4)).hasMessage("themes[0] must not be blank: \" \"");
    }

    @Test
    void participantsNeedALanguage_andCannotManageThemselves() {
        assertThatThrownBy(() -> new Participant(PersonId.of("p"), "P", "", "Org", "", "", ParticipantRole.EXPERT, List.of(),
                null, List.of())).hasMessage("languages must hold at least one of fi, sv, en: []");
        assertThatThrownBy(() -> new Participant(PersonId.of("p"), "P", "", "Org", "", "", ParticipantRole.EXPERT,
                List.of(Language.FI), PersonId.of("p"), List.of())).hasMessage("manager must not be the participant themself: p");
    }

    @Test
    void aFormedGroup_startsItsLifeWithItsMembersAndPlannedMeetings() {
        Formation formation = GroupFormation.form(FormationRequest.of("f-1", GroupKind.PEER_TRIAD,
                Populations.generate(6, 6, 1, 0), 1).withContext("course-7").withMeetings(new MeetingPlan(LocalDate.of(2026, 1, 15), 3, 4)));
        FormedGroup formed = formation.groups().get(0);

        PeerGroup started = PeerGroup.start("g-1", formation, formed);

        assertThat(started.formationId()).isEqualTo("f-1");
        assertThat(started.context()).isEqualTo("course-7");
        assertThat(started.members()).isEqualTo(formed.members());
        assertThat(started.meetings()).containsExactlyElementsOf(formed.meetings());
        assertThat(started.charter()).isEmpty();
        assertThat(started.notesVisibleTo(formed.members().get(0).participant().id())).isEmpty();
    }
}

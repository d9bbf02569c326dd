package fi.kasvu.peer;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData.Erasure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerPersonalDataTest {

    private static final PersonId A = PersonId.of("a");
    private static final PersonId B = PersonId.of("b");

    private static PeerGroup erased(PeerGroup group, PersonId person) {
        return ((Erasure.Replace<PeerGroup>) PeerPersonalData.GROUPS.erase(group, person)).anonymised();
    }

    @Test
    void groupExport_showsTheMembersOwnReflectionsOnly_andNoOtherContactDetails() {
        PeerGroup group = Groups.anyTriadWithNotesAndReflections();

        PeerGroup forA = PeerPersonalData.GROUPS.exportView(group, A).orElseThrow();
        PeerGroup forB = PeerPersonalData.GROUPS.exportView(group, B).orElseThrow();

        assertThat(forA.reflectionsForStorage()).isEmpty();
        assertThat(forB.reflectionsForStorage()).extracting(PrivateReflection::author).containsExactly(B);
        assertThat(forA.notesForStorage()).hasSize(1);
        assertThat(forA.members()).filteredOn(member -> !member.participant().id().equals(A))
                .allSatisfy(member -> assertThat(member.participant().email()).isEmpty());
        assertThat(forA.members().get(0).participant().email()).isEqualTo("a@example.fi");
        assertThat(PeerPersonalData.GROUPS.exportView(group, PersonId.of("stranger"))).isEmpty();
    }

    @Test
    void groupErasure_deletesPrivateReflections_andLeavesAStandInEverywhere() {
        PeerGroup group = Groups.anyTriadWithNotesAndReflections();
        group = group.recordHeld(1, Set.of(A, B)).orElseThrow();

        PeerGroup withoutB = erased(group, B);
        PeerGroup withoutA = erased(group, A);

        assertThat(withoutB.reflectionsForStorage()).isEmpty();
        assertThat(withoutB.members()).extracting(member -> member.participant().id())
                .containsExactly(A, PersonId.of("erased-member-2"), PersonId.of("c"));
        Participant standIn = withoutB.members().get(1).participant();
        assertThat(standIn.name()).isEqualTo("erased-member-2");
        assertThat(standIn.email()).isEmpty();
        assertThat(PeerPersonalData.GROUPS.persons(withoutB)).doesNotContain(B);
        assertThat(withoutA.notesForStorage()).extracting(GroupNote::author).containsExactly(PersonId.of("erased-member-1"));
        assertThat(withoutA.notesForStorage().get(0).text()).isEqualTo("We meet on Thursdays.");
        assertThat(((Meeting.Held) withoutA.meetings().get(0)).attendance())
                .containsExactlyInAnyOrder(PersonId.of("erased-member-1"), B);
        assertThat(PeerPersonalData.GROUPS.erase(group, PersonId.of("stranger"))).isInstanceOf(Erasure.Keep.class);
    }

    @Test
    void groupErasure_clearsManagerLinksToTheErasedPerson() {
        Participant boss = Populations.person("boss", "Org", List.of(Language.FI), null);
        Participant report = Populations.person("report", "Org", List.of(Language.FI), "boss");
        PeerGroup group = PeerGroup.of("g", null, GroupKind.PEER_TRIAD, null,
                List.of(new GroupMember(boss, MemberRole.PEER), new GroupMember(report, MemberRole.PEER)),
                null, List.of(), List.of(), List.of());

        PeerGroup erased = erased(group, PersonId.of("boss"));

        assertThat(erased.members().get(1).participant().manager()).isNull();
    }

    @Test
    void formationErasure_replacesTheParticipantAndTheirNameInTexts() {
        List<Participant> people = Populations.generate(12, 3, 7, 0.0);
        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 1));
        Participant target = formation.groups().get(0).members().get(0).participant();

        Formation erased = ((Erasure.Replace<Formation>) PeerPersonalData.FORMATIONS.erase(formation, target.id()))
                .anonymised();

        assertThat(PeerPersonalData.FORMATIONS.persons(formation)).contains(target.id());
        assertThat(PeerPersonalData.FORMATIONS.persons(erased)).doesNotContain(target.id());
        assertThat(erased.groups().get(0).members().get(0).participant().id())
                .isEqualTo(PersonId.of("erased-group-" + formation.groups().get(0).number() + "-member-1"));
        assertThat(GroupFormationTest.english(erased.groups().get(0).explanation())).doesNotContain(target.name());
        assertThat(GroupFormationTest.english(erased.findings())).noneMatch(finding -> finding.contains(target.name()));
        assertThat(PeerPersonalData.FORMATIONS.exportView(formation, target.id())).isEmpty();
        assertThat(erased.groups()).hasSameSizeAs(formation.groups());
    }
}

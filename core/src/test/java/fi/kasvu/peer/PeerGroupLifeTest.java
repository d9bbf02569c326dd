package fi.kasvu.peer;

import static fi.kasvu.peer.Groups.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.json.KasvuJson;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Confidentiality acceptance, autosaved notes and reflections, meeting places, and the roster (issue 14). */
class PeerGroupLifeTest {

    final PeerGroup group = Groups.anyTriadWithNotesAndReflections();
    final PersonId a = PersonId.of("a");
    final PersonId b = PersonId.of("b");

    static <T> T accepted(Result<T, GroupProblem> result) {
        assertThat(result.problems()).isEmpty();
        return ((Result.Accepted<T, GroupProblem>) result).value();
    }

    @Test
    void notesOpen_onlyToAMemberWhoAcceptedConfidentiality_andTheDateIsKept() {
        assertThat(group.notesOpenTo(a)).isFalse();
        PeerGroup after = accepted(group.acceptConfidentiality(a, NOW));
        assertThat(after.notesOpenTo(a)).isTrue();
        assertThat(after.notesOpenTo(b)).isFalse();
        assertThat(after.acceptedAt(a)).hasValue(NOW);
        // Accepting again keeps the first date.
        assertThat(accepted(after.acceptConfidentiality(a, NOW.plusSeconds(60))).acceptedAt(a)).hasValue(NOW);
        assertThat(group.acceptConfidentiality(PersonId.of("organiser"), NOW).problems()).extracting(GroupProblem::code)
                .containsExactly("peer.group.notMember");
    }

    @Test
    void saveNote_needsAcceptance_andOnlyItsAuthorRewritesIt() {
        assertThat(group.saveNote(a, NOW, group.notesForStorage().size(), "x").problems())
                .extracting(GroupProblem::code).containsExactly("peer.group.notAccepted");
        PeerGroup open = accepted(accepted(group.acceptConfidentiality(a, NOW)).acceptConfidentiality(b, NOW));
        int next = open.notesForStorage().size();
        PeerGroup written = accepted(open.saveNote(a, NOW, next, "First draft"));
        PeerGroup rewritten = accepted(written.saveNote(a, NOW, next, "Second draft"));
        assertThat(rewritten.notesForStorage()).hasSize(next + 1);
        assertThat(rewritten.notesForStorage().get(next).text()).isEqualTo("Second draft");
        assertThat(rewritten.saveNote(b, NOW, next, "Hijack").problems()).extracting(GroupProblem::code)
                .containsExactly("peer.note.notAuthor");
        assertThat(accepted(rewritten.saveNote(a, NOW, next, " ")).notesForStorage()).hasSize(next);
    }

    @Test
    void saveReflection_keepsOnePerAuthorAndMeeting_visibleToTheAuthorOnly() {
        PeerGroup planned = group.planMeeting(LocalDate.of(2027, 1, 20), "Delegating", "https://meet.example/abc");
        int meeting = planned.meetings().size();
        PeerGroup once = accepted(planned.saveReflection(a, NOW, meeting, "draft"));
        PeerGroup twice = accepted(once.saveReflection(a, NOW, meeting, "final"));
        assertThat(twice.reflectionsVisibleTo(a)).filteredOn(r -> r.meeting() == meeting)
                .extracting(PrivateReflection::text).containsExactly("final");
        assertThat(twice.reflectionsVisibleTo(b)).noneMatch(r -> r.text().equals("final"));
        assertThat(twice.meetings().get(meeting - 1).place()).isEqualTo("https://meet.example/abc");
        assertThat(twice.saveReflection(a, NOW, meeting + 5, "x").problems()).extracting(GroupProblem::code)
                .containsExactly("peer.meeting.unknown");
    }

    @Test
    void acceptancesAndPlaces_surviveTheJsonMapping() {
        PeerGroup changed = accepted(group.planMeeting(LocalDate.of(2027, 1, 20), "", "Room 4")
                .acceptConfidentiality(b, NOW));
        KasvuJson json = KasvuJson.create();
        PeerGroup read = json.fromJson(json.toJson(changed), PeerGroup.class);
        assertThat(read).isEqualTo(changed);
        assertThat(read.acceptances()).isEqualTo(Map.of(b, NOW));
    }

    @Test
    void roster_uploadWinsOverIntake_andIntakeIsRefusedForAnUploadedPerson() {
        Participant own = new Participant(a, "Aino", "", "Org A", "", "Oulu", ParticipantRole.EXPERT,
                List.of(Language.FI), null, List.of());
        Participant listed = new Participant(a, "Aino", "", "Org B", "", "Vaasa", ParticipantRole.SUPERVISOR,
                List.of(Language.SV), null, List.of());
        Participant other = new Participant(b, "Bertil", "", "Org C", "", "", ParticipantRole.SUPERVISOR,
                List.of(Language.SV), null, List.of());
        PeerRoster roster = accepted(PeerRoster.empty("r1", "activity:1").withIntake(own, NOW));
        roster = accepted(roster.withIntake(other, NOW));
        PeerRoster uploaded = roster.withUpload(List.of(new PeerRoster.Entry(listed, 3, PeerRoster.Source.UPLOAD, NOW)));
        assertThat(uploaded.find(a).orElseThrow().participant().organisation()).isEqualTo("Org B");
        assertThat(uploaded.find(b).orElseThrow().source()).isEqualTo(PeerRoster.Source.INTAKE);
        assertThat(uploaded.withIntake(own, NOW).problems()).extracting(GroupProblem::code)
                .containsExactly("peer.roster.uploaded");
        KasvuJson json = KasvuJson.create();
        assertThat(json.fromJson(json.toJson(uploaded), PeerRoster.class)).isEqualTo(uploaded);
    }

    @Test
    void rosterPersonalData_exportsOnlyTheirOwnEntry_andErasureRemovesItWithManagerLinks() {
        Participant boss = new Participant(b, "Bertil", "b@x.fi", "Org B", "", "", ParticipantRole.SUPERVISOR,
                List.of(Language.SV), null, List.of());
        Participant worker = new Participant(a, "Aino", "a@x.fi", "Org A", "", "", ParticipantRole.EXPERT,
                List.of(Language.FI), b, List.of());
        PeerRoster roster = new PeerRoster("r1", "activity:1", List.of(
                new PeerRoster.Entry(worker, 0, PeerRoster.Source.INTAKE, NOW),
                new PeerRoster.Entry(boss, 2, PeerRoster.Source.UPLOAD, NOW)));

        assertThat(PeerPersonalData.ROSTERS.persons(roster)).containsExactlyInAnyOrder(a, b);
        assertThat(PeerPersonalData.ROSTERS.exportView(roster, a).orElseThrow().participants())
                .extracting(Participant::name).containsExactly("Aino");
        var erased = PeerPersonalData.ROSTERS.erase(roster, b);
        assertThat(erased).isInstanceOf(fi.kasvu.common.PersonalData.Erasure.Replace.class);
        PeerRoster after = ((fi.kasvu.common.PersonalData.Erasure.Replace<PeerRoster>) erased).anonymised();
        assertThat(after.participants()).extracting(Participant::name).containsExactly("Aino");
        assertThat(after.participants().get(0).manager()).isNull();
    }
}

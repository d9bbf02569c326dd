package fi.kasvu.programme;

import static fi.kasvu.programme.ProgrammeFixtures.COACH;
import static fi.kasvu.programme.ProgrammeFixtures.CREATED;
import static fi.kasvu.programme.ProgrammeFixtures.LEARNER;
import static fi.kasvu.programme.ProgrammeFixtures.ORGANISER;
import static fi.kasvu.programme.ProgrammeFixtures.OTHER_LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import fi.kasvu.common.TenantId;
import fi.kasvu.json.KasvuJson;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each participant's own coach: an organiser pairs them; the participant's reflections without
 * feedback follow the new coach, the ones with feedback stay with the coach who gave it; the
 * pairing is stored, erased with either person, and read from documents written before it existed.
 */
class CoachPerParticipantTest {

    static final PersonId SECOND_COACH = PersonId.of("coach-saara");
    static final TenantId TENANT = TenantId.of("tenant-a");

    static Programme twoCoaches() {
        return ProgrammeFixtures.supervisorCoaching()
                .addMember(ORGANISER, new Member(SECOND_COACH, ProgrammeRole.COACH), CREATED).orElseThrow();
    }

    @Test
    void anOrganiserPairs_aParticipantWithACoach_andPairsHerAgainWithAnother() {
        Programme p = twoCoaches();
        assertThat(p.coachFor(LEARNER)).as("two coaches, no pairing: nobody yet").isEmpty();

        Programme paired = p.assignCoach(ORGANISER, LEARNER, SECOND_COACH, CREATED.plusSeconds(1)).orElseThrow();
        assertThat(paired.coachOf(LEARNER)).contains(SECOND_COACH);
        assertThat(paired.coachFor(OTHER_LEARNER)).isEmpty();
        assertThat(paired.updated()).isEqualTo(CREATED.plusSeconds(1));

        Programme again = paired.assignCoach(ORGANISER, LEARNER, COACH, CREATED.plusSeconds(2)).orElseThrow();
        assertThat(again.coachOf(LEARNER)).contains(COACH);
        assertThat(again.coaching()).containsExactly(new Coaching(LEARNER, COACH));
        assertThat(again.putEvent(ORGANISER, "start", again.events().get(0), CREATED).orElseThrow().coaching())
                .as("other changes keep the pairing").containsExactly(new Coaching(LEARNER, COACH));
    }

    @Test
    void theOnlyCoach_coachesEveryoneNotPaired() {
        Programme p = ProgrammeFixtures.supervisorCoaching();
        assertThat(p.coachFor(LEARNER)).contains(COACH);
        assertThat(p.coachOf(LEARNER)).isEmpty();
    }

    @Test
    void wrongPeople_areRefused() {
        Programme p = twoCoaches();
        assertThat(p.assignCoach(LEARNER, LEARNER, COACH, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotOrganiser());
        assertThat(p.assignCoach(ORGANISER, COACH, SECOND_COACH, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotInRole(ProgrammeRole.PARTICIPANT));
        assertThat(p.assignCoach(ORGANISER, LEARNER, OTHER_LEARNER, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
        Programme coachingToo = p.addMember(ORGANISER, new Member(LEARNER, ProgrammeRole.COACH), CREATED).orElseThrow();
        assertThat(coachingToo.assignCoach(ORGANISER, LEARNER, LEARNER, CREATED).problems())
                .as("nobody coaches herself").containsExactly(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
    }

    @Test
    void aNewCoach_takesOverWhatHasNoFeedbackYet_andFeedbackGivenStaysWithItsCoach() {
        Clock clock = Clock.fixed(CREATED, ZoneOffset.UTC);
        Programmes programmes = Programmes.inMemory(clock);
        ReflectionAssignments reflections = ReflectionAssignments.inMemory(clock);
        ProgrammeService service = ProgrammeService.of(programmes, reflections, ProgrammeEvents.none(), clock,
                IdGenerator.sequence("r-"));
        Programme p = twoCoaches();
        programmes.save(TENANT, fi.kasvu.common.Versioned.unsaved(p));
        service.assignCoach(TENANT, p.id(), ORGANISER, LEARNER, COACH).orElseThrow();
        String first = service.startReflection(TENANT, p.id(), "reflection-1", LEARNER, COACH).orElseThrow().value().id();
        service.write(TENANT, first, LEARNER, "Ensimmäinen pohdinta").orElseThrow();
        service.submit(TENANT, first, LEARNER).orElseThrow();
        service.giveFeedback(TENANT, first, COACH, "Hyvä").orElseThrow();
        String last = service.startReflection(TENANT, p.id(), "final-reflection", LEARNER, COACH).orElseThrow()
                .value().id();
        service.write(TENANT, last, LEARNER, "Toinen pohdinta").orElseThrow();
        service.submit(TENANT, last, LEARNER).orElseThrow();

        assertThat(service.assignCoach(TENANT, p.id(), ORGANISER, LEARNER, SECOND_COACH).isAccepted()).isTrue();

        assertThat(reflections.find(TENANT, first).orElseThrow().value().coach()).isEqualTo(COACH);
        assertThat(reflections.find(TENANT, last).orElseThrow().value().coach()).isEqualTo(SECOND_COACH);
        assertThat(service.reflection(TENANT, last, COACH).orElseThrow()).isInstanceOf(ReflectionView.Progress.class);
        assertThat(service.reflection(TENANT, last, SECOND_COACH).orElseThrow()).isInstanceOf(ReflectionView.Full.class);
        assertThat(service.reflection(TENANT, first, SECOND_COACH).orElseThrow())
                .isInstanceOf(ReflectionView.Progress.class);
        assertThat(service.giveFeedback(TENANT, last, COACH, "Vanha valmentaja").problems())
                .containsExactly(new ProgrammeProblem.NotCoach());
        assertThat(service.assignCoach(TENANT, p.id(), LEARNER, LEARNER, COACH).problems())
                .containsExactly(new ProgrammeProblem.NotOrganiser());
        assertThat(reflections.find(TENANT, last).orElseThrow().value().coach()).isEqualTo(SECOND_COACH);
    }

    @Test
    void thePairing_isStored_readFromOlderDocuments_andErasedWithEitherPerson() {
        KasvuJson json = KasvuJson.create();
        Programme paired = twoCoaches().assignCoach(ORGANISER, LEARNER, SECOND_COACH, CREATED).orElseThrow();
        String text = json.toJson(paired);
        assertThat(json.fromJson(text, Programme.class)).isEqualTo(paired);
        String older = text.replaceAll(",?\\s*\"coaching\"\\s*:\\s*\\[[^\\]]*\\]", "");
        assertThat(text).contains("\"coaching\":[{\"participant\"");
        assertThat(older).doesNotContain("\"coaching\"");
        assertThat(json.fromJson(older, Programme.class).coaching()).isEmpty();

        PersonalData.Erasure<Programme> erased = ProgrammePersonalData.PROGRAMMES.erase(paired, SECOND_COACH);
        assertThat(((PersonalData.Erasure.Replace<Programme>) erased).anonymised().coaching()).isEmpty();
        PersonalData.Erasure<Programme> other = ProgrammePersonalData.PROGRAMMES.erase(paired, OTHER_LEARNER);
        assertThat(((PersonalData.Erasure.Replace<Programme>) other).anonymised().coaching())
                .isEqualTo(List.of(new Coaching(LEARNER, SECOND_COACH)));
    }
}

package fi.kasvu.programme;

import static fi.kasvu.programme.ProgrammeFixtures.COACH;
import static fi.kasvu.programme.ProgrammeFixtures.CREATED;
import static fi.kasvu.programme.ProgrammeFixtures.LEARNER;
import static fi.kasvu.programme.ProgrammeFixtures.ORGANISER;
import static fi.kasvu.programme.ProgrammeFixtures.OTHER_LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReflectionAssignmentTest {

    private static final Programme PROGRAMME = ProgrammeFixtures.supervisorCoaching();
    private static final Instant DEADLINE = PROGRAMME.deadline(PROGRAMME.assignment("reflection-1").orElseThrow());

    private static ReflectionAssignment started() {
        return ReflectionAssignment.start("r-1", PROGRAMME, "reflection-1", LEARNER, COACH, CREATED).orElseThrow();
    }

    @Test
    void start_onlyForAReflectionAssignment_aParticipant_andACoach() {
        assertThat(ReflectionAssignment.start("r", PROGRAMME, "team-experiment", LEARNER, COACH, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotAReflection("team-experiment"));
        assertThat(ReflectionAssignment.start("r", PROGRAMME, "reflection-1", ORGANISER, LEARNER, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotInRole(ProgrammeRole.PARTICIPANT),
                        new ProgrammeProblem.NotInRole(ProgrammeRole.COACH));
    }

    @Test
    void theLearnerWritesAndSubmits_theCoachGivesFeedback() {
        ReflectionAssignment submitted = started().write(LEARNER, "Opin kuuntelemaan.", CREATED).orElseThrow()
                .submit(LEARNER, DEADLINE, CREATED).orElseThrow();
        ReflectionAssignment done = submitted.giveFeedback(COACH, "Hyvä havainto.", CREATED).orElseThrow();

        assertThat(submitted.progress().status()).isEqualTo(ReflectionView.Status.SUBMITTED);
        assertThat(submitted.progress().late()).isFalse();
        assertThat(done.complete()).isTrue();
        assertThat(done.write(LEARNER, "muutos", CREATED).problems()).containsExactly(new ProgrammeProblem.AlreadySubmitted());
    }

    @Test
    void wrongPeopleAndWrongOrder_areRefused() {
        ReflectionAssignment draft = started();

        assertThat(draft.write(COACH, "x", CREATED).problems()).containsExactly(new ProgrammeProblem.NotLearner());
        assertThat(draft.submit(LEARNER, DEADLINE, CREATED).problems())
                .containsExactly(new ProgrammeProblem.EmptyText("text"));
        assertThat(draft.giveFeedback(COACH, "x", CREATED).problems()).containsExactly(new ProgrammeProblem.NotSubmitted());
        ReflectionAssignment submitted = draft.write(LEARNER, "teksti", CREATED).orElseThrow()
                .submit(LEARNER, DEADLINE, DEADLINE.plusSeconds(1)).orElseThrow();
        assertThat(submitted.progress().late()).isTrue();
        assertThat(submitted.giveFeedback(OTHER_LEARNER, "x", CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotCoach());
        assertThat(submitted.giveFeedback(COACH, "  ", CREATED).problems())
                .containsExactly(new ProgrammeProblem.EmptyText("feedback"));
    }

    @Test
    void theTextIsPrivateToTheLearnerAndTheCoach() {
        ReflectionAssignment done = started().write(LEARNER, "Salainen pohdinta", CREATED).orElseThrow()
                .submit(LEARNER, DEADLINE, CREATED).orElseThrow()
                .giveFeedback(COACH, "Valmentajan palaute", CREATED).orElseThrow();

        assertThat(done.viewFor(LEARNER)).isInstanceOf(ReflectionView.Full.class);
        assertThat(done.viewFor(COACH)).isInstanceOf(ReflectionView.Full.class);
        ReflectionView organiser = done.viewFor(ORGANISER);
        assertThat(organiser).isInstanceOf(ReflectionView.Progress.class);
        assertThat(organiser.toString()).doesNotContain("Salainen", "Valmentajan palaute");
        assertThat(done.viewFor(OTHER_LEARNER).toString()).doesNotContain("Salainen");
    }

    @Test
    void anOrganiser_pairsTheLearnerWithACoach() {
        ReflectionAssignment noCoach = ReflectionAssignment.start("r", PROGRAMME, "reflection-1", LEARNER, null, CREATED)
                .orElseThrow();

        assertThat(noCoach.assignCoach(PROGRAMME, ORGANISER, COACH, CREATED).orElseThrow().coach()).isEqualTo(COACH);
        assertThat(noCoach.assignCoach(PROGRAMME, LEARNER, COACH, CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotOrganiser());
        assertThat(noCoach.giveFeedback(COACH, "x", CREATED).problems()).containsExactly(new ProgrammeProblem.NotCoach());
    }
}

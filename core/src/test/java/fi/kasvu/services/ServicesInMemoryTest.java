package fi.kasvu.services;

import fi.kasvu.experiment.Experiments;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.peer.PeerGroups;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.Surveys;
import org.junit.jupiter.api.Test;

/** Every feature end to end through its service over core's in-memory ports. */
class ServicesInMemoryTest {

    private final ServiceScenarios.MovingClock clock = new ServiceScenarios.MovingClock();

    @Test
    void experiment_runsFromThePictureToTheLibrary() {
        ServiceScenarios.experimentToTheLibrary(Experiments.inMemory(clock), LibraryEntries.inMemory(clock), clock);
    }

    @Test
    void experiment_concurrentChangesAreRetriedAndNoneIsLost() throws Exception {
        ServiceScenarios.concurrentChangesAreRetried(Experiments.inMemory(clock), clock);
    }

    @Test
    void plan_isSharedAndItsDueReviewAnnounced() {
        ServiceScenarios.planSharedAndReviewed(DevelopmentPlans.inMemory(clock), clock);
    }

    @Test
    void survey_roundIsClosedAndOnlyPublishableFiguresRead() {
        ServiceScenarios.surveyRoundClosedAndRead(Surveys.inMemory(clock), SurveyResponses.inMemory(clock), clock);
    }

    @Test
    void peerGroups_triadsAreFormedAndTheirMeetingsHeard() {
        ServiceScenarios.triadsMeet(PeerGroups.inMemory(clock), clock);
    }
}

package fi.kasvu.programme;

import org.junit.jupiter.api.Test;

/** The programme scenarios on core's in-memory ports (store-jdbc runs them on H2 and PostgreSQL). */
class SupervisorCoachingProgrammeTest {

    private final ProgrammeScenarios.MovingClock clock = new ProgrammeScenarios.MovingClock();

    @Test
    void throughTheWholeProgramme() {
        ProgrammeScenarios.throughTheWholeProgramme(Programmes.inMemory(clock), ReflectionAssignments.inMemory(clock),
                clock);
    }

    @Test
    void aRefusedChange_savesNothingAndPublishesNothing() {
        ProgrammeScenarios.aRefusedChangeSavesNothing(Programmes.inMemory(clock), ReflectionAssignments.inMemory(clock),
                clock);
    }
}

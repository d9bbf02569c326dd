package fi.kasvu.programme;

import static fi.kasvu.programme.ProgrammeFixtures.CREATED;
import static fi.kasvu.programme.ProgrammeFixtures.HELSINKI;
import static fi.kasvu.programme.ProgrammeFixtures.LEARNER;
import static fi.kasvu.programme.ProgrammeFixtures.ORGANISER;
import static fi.kasvu.programme.ProgrammeFixtures.STARTS;
import static fi.kasvu.programme.ProgrammeFixtures.at;
import static fi.kasvu.programme.ProgrammeFixtures.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Result;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    private static final LocalDate ENDS = STARTS.plusDays(59);

    private static Programme empty() {
        return Programme.create("p-1", null, title("Ohjelma"), STARTS, ENDS, HELSINKI, ORGANISER, CREATED).orElseThrow();
    }

    private static Phase phase(String id, LocalDate from, LocalDate to) {
        return new Phase(id, title(id), from, to, List.of(), List.of());
    }

    private static ScheduledEvent session(String id, LocalDate day, Venue venue) {
        return new ScheduledEvent(id, EventKind.COACHING_SESSION, title(id), at(day, 9), at(day, 12), venue, "");
    }

    private static Assignment reflection(String id, AssignmentKind kind, LocalDate due) {
        return new Assignment(id, kind, title(id), null, due, new Fulfilment.Reflection());
    }

    @Test
    void create_endingBeforeItStarts_isRefused() {
        assertThat(Programme.create("p", null, title("x"), STARTS, STARTS.minusDays(1), HELSINKI, ORGANISER, CREATED)
                .problems()).containsExactly(new ProgrammeProblem.EndsBeforeStart(STARTS, STARTS.minusDays(1)));
    }

    @Test
    void aPhaseWithNoContent_isAProblemUntilSomethingIsPutInIt() {
        Programme programme = empty().addPhase(ORGANISER, phase("ph-1", STARTS, ENDS), CREATED).orElseThrow();

        assertThat(programme.problems()).containsExactly(new ProgrammeProblem.PhaseEmpty("ph-1"));
        Programme filled = programme.putEvent(ORGANISER, "ph-1", session("s-1", STARTS.plusDays(3),
                new Venue.Online("https://teams.example/meet/1")), CREATED).orElseThrow();
        assertThat(filled.problems()).isEmpty();
    }

    @Test
    void anEventOutsideTheProgrammesDays_isRefusedNamingTheDay() {
        Programme programme = empty().addPhase(ORGANISER, phase("ph-1", STARTS, ENDS), CREATED).orElseThrow();
        LocalDate late = ENDS.plusDays(1);

        Result<Programme, ProgrammeProblem> result = programme.putEvent(ORGANISER, "ph-1",
                session("s-1", late, new Venue.OnSite("Sali 1")), CREATED);

        assertThat(result.problems()).containsExactly(new ProgrammeProblem.EventOutsideProgramme("s-1", late, STARTS, ENDS));
    }

    @Test
    void anEventOutsideItsPhase_orEndingBeforeItStarts_isRefused() {
        Programme programme = empty().addPhase(ORGANISER, phase("ph-1", STARTS, STARTS.plusDays(9)), CREATED).orElseThrow();
        LocalDate day = STARTS.plusDays(20);
        ScheduledEvent backwards = new ScheduledEvent("s-2", EventKind.CLOSING, title("s"), at(STARTS, 12),
                at(STARTS, 9), new Venue.OnSite("Sali"), "");

        assertThat(programme.putEvent(ORGANISER, "ph-1", session("s-1", day, new Venue.OnSite("Sali")), CREATED)
                .problems()).containsExactly(new ProgrammeProblem.EventOutsidePhase("s-1", "ph-1", day));
        assertThat(programme.putEvent(ORGANISER, "ph-1", backwards, CREATED).problems())
                .containsExactly(new ProgrammeProblem.EventEndsBeforeStart("s-2"));
    }

    @Test
    void anAssignmentDueAfterTheProgrammeCloses_isRefused() {
        Programme programme = empty().addPhase(ORGANISER, phase("ph-1", STARTS, ENDS), CREATED).orElseThrow();

        assertThat(programme.putAssignment(ORGANISER, "ph-1",
                reflection("a-1", AssignmentKind.FINAL, ENDS.plusDays(3)), CREATED).problems())
                .containsExactly(new ProgrammeProblem.AssignmentAfterClose("a-1", ENDS.plusDays(3), ENDS));
        assertThat(programme.putAssignment(ORGANISER, "ph-1",
                reflection("a-1", AssignmentKind.FINAL, STARTS.minusDays(1)), CREATED).problems())
                .containsExactly(new ProgrammeProblem.AssignmentBeforeStart("a-1", STARTS.minusDays(1), STARTS));
    }

    @Test
    void aFinalAssignmentBeforeAnIntermediateOne_isNamedByTheRules() {
        Programme programme = empty().addPhase(ORGANISER, new Phase("ph-1", title("x"), STARTS, ENDS, List.of(),
                List.of(reflection("final", AssignmentKind.FINAL, STARTS.plusDays(10)),
                        reflection("middle", AssignmentKind.INTERMEDIATE, STARTS.plusDays(20)))), CREATED).orElseThrow();

        assertThat(programme.problems()).containsExactly(new ProgrammeProblem.FinalBeforeIntermediate("final", "middle"));
    }

    @Test
    void onlyOrganisersChangeIt_andIdsMustBeNew() {
        Programme programme = empty().addPhase(ORGANISER, phase("ph-1", STARTS, ENDS), CREATED).orElseThrow();

        assertThat(programme.addPhase(LEARNER, phase("ph-2", STARTS, ENDS), CREATED).problems())
                .containsExactly(new ProgrammeProblem.NotOrganiser());
        assertThat(programme.addPhase(ORGANISER, phase("ph-1", STARTS, ENDS), CREATED).problems())
                .containsExactly(new ProgrammeProblem.IdTaken("ph-1"));
        assertThat(programme.putEvent(ORGANISER, "no-such", session("s", STARTS, new Venue.OnSite("x")), CREATED)
                .problems()).containsExactly(new ProgrammeProblem.UnknownPhase("no-such"));
        assertThat(programme.putEvent(ORGANISER, "ph-1", session("ph-1", STARTS, new Venue.OnSite("x")), CREATED)
                .problems()).containsExactly(new ProgrammeProblem.IdTaken("ph-1"));
    }

    @Test
    void theLastOrganiser_cannotBeRemoved() {
        assertThat(empty().removeMember(ORGANISER, new Member(ORGANISER, ProgrammeRole.ORGANISER), CREATED).problems())
                .containsExactly(new ProgrammeProblem.NoOrganiser());
        assertThat(empty().addMember(ORGANISER, new Member(ORGANISER, ProgrammeRole.ORGANISER), CREATED).problems())
                .containsExactly(new ProgrammeProblem.AlreadyMember(ORGANISER.value(), ProgrammeRole.ORGANISER));
    }

    @Test
    void venues_takeOnlyHttpsLinksWithAHost() {
        assertThat(new Venue.Hybrid("Työ 2.0 Lab", "https://teams.example/x").place()).isEqualTo("Työ 2.0 Lab");
        for (String bad : List.of("http://teams.example/x", "javascript:alert(1)", "https:///nohost", "not a url", "")) {
            assertThatThrownBy(() -> new Venue.Online(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("link");
        }
    }
}

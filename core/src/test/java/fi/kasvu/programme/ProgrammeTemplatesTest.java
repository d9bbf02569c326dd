package fi.kasvu.programme;

import static fi.kasvu.programme.ProgrammeFixtures.CREATED;
import static fi.kasvu.programme.ProgrammeFixtures.HELSINKI;
import static fi.kasvu.programme.ProgrammeFixtures.ORGANISER;
import static fi.kasvu.programme.ProgrammeFixtures.STARTS;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProgrammeTemplatesTest {

    static List<ProgrammeTemplate> templates() {
        return ProgrammeTemplates.all();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyText_existsInFinnishSwedishAndEnglish(ProgrammeTemplate template) {
        List<LocalizedText> texts = new ArrayList<>(List.of(template.title(), template.description()));
        for (ProgrammeTemplate.PhaseShape phase : template.phases()) {
            texts.add(phase.title());
            phase.events().forEach(e -> texts.add(e.title()));
            phase.assignments().forEach(a -> {
                texts.add(a.title());
                texts.add(a.instructions());
            });
        }
        assertThat(texts).allSatisfy(text -> assertThat(Language.values()).allMatch(text::has));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void instantiated_leavesOnlyDecisionsForTheOrganiser(ProgrammeTemplate template) {
        Programme programme = template.instantiate("p", null, STARTS, HELSINKI, ORGANISER, CREATED);

        assertThat(programme.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).isInstanceOfAny(
                ProgrammeProblem.VenueToBeAnnounced.class, ProgrammeProblem.SpeakerMissing.class,
                ProgrammeProblem.ActivityNotLinked.class));
        assertThat(programme.ends()).isEqualTo(STARTS.plusDays(template.days() - 1L));
        assertThat(programme.assignments()).anyMatch(a -> a.kind() == AssignmentKind.FINAL);
        assertThat(programme.events()).first().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.KICK_OFF));
        assertThat(programme.events()).last().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.CLOSING));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void adaptedByTheOrganiser_becomesReady(ProgrammeTemplate template) {
        Programme programme = template.instantiate("p", null, STARTS, HELSINKI, ORGANISER, CREATED);
        for (Phase phase : programme.phases()) {
            for (ScheduledEvent event : phase.events()) {
                ScheduledEvent decided = new ScheduledEvent(event.id(), event.kind(), event.title(), event.starts(),
                        event.ends(), new Venue.Hybrid("Työ 2.0 Lab", "https://teams.example/" + event.id()),
                        event.kind() == EventKind.MEETUP ? "Puhuja" : "");
                programme = programme.putEvent(ORGANISER, phase.id(), decided, CREATED).orElseThrow();
            }
            for (Assignment assignment : phase.assignments()) {
                if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity) {
                    programme = programme.putAssignment(ORGANISER, phase.id(), new Assignment(assignment.id(),
                            assignment.kind(), assignment.title(), assignment.instructions(), assignment.due(),
                            new Fulfilment.Activity(activity.kind(), "lti-link-" + assignment.id())), CREATED)
                            .orElseThrow();
                }
            }
        }

        assertThat(programme.problems()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void supervisorCoaching_startsWithA360_andEndsWithAPlanAndAFinalReflection() {
        Programme programme = ProgrammeTemplates.SUPERVISOR_COACHING.instantiate("p", null, LocalDate.of(2020, 9, 1),
                HELSINKI, ORGANISER, CREATED);

        assertThat(programme.assignments()).first().satisfies(a -> assertThat(a.fulfilledBy())
                .isEqualTo(Fulfilment.Activity.unlinked(ActivityKind.FEEDBACK_360)));
        assertThat(programme.assignments()).filteredOn(a -> a.kind() == AssignmentKind.FINAL)
                .extracting(Assignment::id).containsExactly("development-plan", "final-reflection");
        assertThat(programme.events()).filteredOn(e -> e.kind() == EventKind.COACHING_SESSION).hasSize(3);
        assertThat(ProgrammeTemplates.byId("peer-mentoring")).contains(ProgrammeTemplates.PEER_MENTORING);
    }
}

package fi.kasvu.examples;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.ChangeMap;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentEvent;
import fi.kasvu.experiment.ExperimentEvents;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentService;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.experiment.Measure;
import fi.kasvu.experiment.PhenomenonMap;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.experiment.SuccessCriterion;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryService;
import fi.kasvu.library.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * An agency system running a team experiment through {@link ExperimentService}: it never saves,
 * stamps or retries itself, and it hears every step as an event (here it prints them; a real
 * system would remind the team when the run ends, or update a dashboard).
 */
public final class TeamExperimentService {

    private TeamExperimentService() {
    }

    /** Runs the example and prints what the agency heard. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        TenantId agency = TenantId.of("agency");
        ExperimentEvents printer = event -> System.out.println("heard: " + describe(event));
        ExperimentService experiments = ExperimentService.of(Experiments.inMemory(clock), printer, clock,
                IdGenerator.sequence("exp"));
        LibraryService library = LibraryService.of(LibraryEntries.inMemory(clock), experiments,
                event -> System.out.println("library: " + event.entryId()), clock, IdGenerator.sequence("lib"));

        PersonId facilitator = PersonId.of("fac");
        PersonId aino = PersonId.of("aino");
        PersonId bo = PersonId.of("bo");
        LocalDate start = LocalDate.of(2026, 3, 9);
        String id = experiments.begin(agency, "team-north", "Dialogue rounds", facilitator, Set.of(aino, bo))
                .value().id();
        experiments.addToPicture(agency, id, aino, PictureEntry.Kind.WORKS, "Morning check-ins").orElseThrow();
        experiments.addToPicture(agency, id, bo, PictureEntry.Kind.HARD, "Remote voices fade").orElseThrow();

        // A member may not close the picture: a typed problem, nothing saved, nothing heard.
        Result<Versioned<Experiment>, ExperimentProblem> refused =
                experiments.completePicture(agency, id, aino);
        System.out.println("member closing the picture: " + refused.problems().get(0).code());

        experiments.completePicture(agency, id, facilitator).orElseThrow();
        experiments.mapPhenomenon(agency, id, aino, new PhenomenonMap("Remote voices fade", "Screens speak last",
                "", List.of(), List.of())).orElseThrow();
        experiments.completePhenomenon(agency, id, facilitator).orElseThrow();
        experiments.mapChange(agency, id, bo, new ChangeMap("Loudest speaks", "Everyone is heard", List.of(),
                List.of(), "Remote members speak first")).orElseThrow();
        experiments.completeChange(agency, id, facilitator).orElseThrow();
        experiments.editPlan(agency, id, aino, new ExperimentPlan("open with a round", "everyone is heard",
                "A round at the start of each meeting", Set.of(aino, bo), start, start.plusWeeks(4),
                List.of(new Measure("m1", "Meetings where all spoke", "2 of 8")),
                List.of(new SuccessCriterion("c1", "All speak in 6 of 8 meetings")))).orElseThrow();
        experiments.start(agency, id, facilitator, start).orElseThrow();
        experiments.observe(agency, id, bo, start.plusDays(2), "Everyone spoke today").orElseThrow();
        experiments.evaluate(agency, id, facilitator, List.of(new CriterionResult("c1", CriterionResult.Verdict.MET,
                "7 of 8")), "Speaking order matters").orElseThrow();
        experiments.decide(agency, id, facilitator, new Decision.Adopt(), "It worked").orElseThrow();
        LibraryEntry entry = library.shareExperiment(agency, id, facilitator, "um", Language.EN, Visibility.EVERYONE,
                false, Set.of("hybrid work")).orElseThrow().value();
        System.out.println("shared as " + entry.id() + " (" + entry.kind() + ")");
    }

    private static String describe(ExperimentEvent event) {
        if (event instanceof ExperimentEvent.StepReached reached) {
            return "step " + reached.step();
        } else if (event instanceof ExperimentEvent.RunStarted run) {
            return "run " + run.startedOn() + " to " + run.endsOn();
        } else if (event instanceof ExperimentEvent.ExperimentDecided decided) {
            return "decided " + decided.decision();
        }
        return event.getClass().getSimpleName();
    }
}

package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.ChangeMap;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Evaluation;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.experiment.Measure;
import fi.kasvu.experiment.PhenomenonMap;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.experiment.SuccessCriterion;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.library.ExperimentSharing;
import fi.kasvu.library.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** A team experiment the VALOA way, from the situational picture to the library, stored as JSON. */
public final class ExperimentExample {

    private ExperimentExample() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        Instant now = clock.instant();
        PersonId facilitator = PersonId.of("satu");
        PersonId aino = PersonId.of("aino");
        PersonId bo = PersonId.of("bo");
        LocalDate start = LocalDate.of(2026, 3, 9);

        Experiment experiment = Experiment.begin("exp-1", "team-north", "Remote voices first", facilitator,
                Set.of(aino, bo), now)
                .addToPicture(aino, PictureEntry.Kind.WORKS, "Morning check-ins keep us in touch", now).orElseThrow()
                .addToPicture(bo, PictureEntry.Kind.HARD, "Remote members rarely get a word in", now).orElseThrow()
                .completePicture(facilitator, now).orElseThrow()
                .mapPhenomenon(aino, new PhenomenonMap("Remote voices fade", "Remote members speak last",
                        "Remote members", List.of("Room talk starts early"), List.of()), now).orElseThrow()
                .completePhenomenon(facilitator, now).orElseThrow()
                .mapChange(bo, new ChangeMap("Loudest speaks", "Everyone is heard", List.of(), List.of(),
                        "Remote members speak first"), now).orElseThrow()
                .completeChange(facilitator, now).orElseThrow()
                .editPlan(aino, new ExperimentPlan("let remote members speak first", "everyone takes part",
                        "A round at the start of each meeting", Set.of(aino, bo), start, start.plusWeeks(4),
                        List.of(new Measure("m1", "Meetings where all spoke", "2 of 8")),
                        List.of(new SuccessCriterion("c1", "All speak in 6 of 8 meetings"))), now).orElseThrow();

        // Evaluating before the run has started is refused with a typed problem, not an exception.
        Evaluation evaluation = new Evaluation(List.of(new CriterionResult("c1", CriterionResult.Verdict.MET,
                "7 of 8")), "Speaking order matters", facilitator, now);
        Result<Experiment, ExperimentProblem> tooEarly = experiment.evaluate(facilitator, evaluation, now);
        System.out.println("evaluate before run: " + tooEarly.problems().get(0).code());

        experiment = experiment.start(facilitator, start, now).orElseThrow()
                .observe(bo, start.plusDays(2), "Everyone spoke today", now).orElseThrow()
                .evaluate(facilitator, evaluation, now).orElseThrow()
                .decide(facilitator, new Decision(new Decision.Adopt(), "It worked", facilitator, now), now).orElseThrow();

        ExperimentSharing.Shared shared = ExperimentSharing.publish(experiment, facilitator,
                new ExperimentSharing.Publication("lib-1", "um", Language.FI, Visibility.EVERYONE, false,
                        Set.of("hybrid work")), now).orElseThrow();

        Experiments experiments = Experiments.inMemory(clock);
        experiments.save(TenantId.of("agency"), Versioned.unsaved(shared.experiment())).orElseThrow();
        String json = KasvuJson.create().toJson(shared.experiment());
        System.out.println("step: " + shared.experiment().step() + ", entry: " + shared.entry().kind()
                + ", json starts: " + json.substring(0, 45));
    }
}

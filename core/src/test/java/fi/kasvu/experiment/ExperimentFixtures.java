package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Experiments at every step, built through the real commands, for tests here and in other modules. */
public final class ExperimentFixtures {

    public static final PersonId FACILITATOR = PersonId.of("fac");
    public static final PersonId AINO = PersonId.of("aino");
    public static final PersonId BO = PersonId.of("bo");
    public static final PersonId OUTSIDER = PersonId.of("outsider");
    public static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate START = LocalDate.of(2026, 3, 9);
    public static final LocalDate END = LocalDate.of(2026, 4, 3);

    private ExperimentFixtures() {
    }

    public static Experiment begun() {
        return Experiment.begin("exp-1", "team-north", "Dialogue rounds in hybrid meetings", FACILITATOR,
                Set.of(AINO, BO), AT);
    }

    public static Experiment pictured() {
        return begun()
                .addToPicture(AINO, PictureEntry.Kind.WORKS, "Morning check-ins keep us in touch", AT).orElseThrow()
                .addToPicture(BO, PictureEntry.Kind.HARD, "Remote participants rarely get a word in", AT).orElseThrow();
    }

    public static PhenomenonMap phenomenon() {
        return new PhenomenonMap("Remote voices fade in hybrid meetings", "Those on screen speak last or not at all",
                "Remote members, and customers whose cases they know", List.of("Room talk starts before the call"),
                List.of("Decisions miss what remote members know"));
    }

    public static ChangeMap change() {
        return new ChangeMap("Whoever is loudest speaks", "Everyone is heard in each meeting",
                List.of("A shared agenda"), List.of("Hurry"), "Start with a round where remote members speak first");
    }

    public static Experiment inPhenomenonMapping() {
        return pictured().completePicture(FACILITATOR, AT).orElseThrow();
    }

    public static Experiment inChangeMapping() {
        return inPhenomenonMapping().mapPhenomenon(AINO, phenomenon(), AT).orElseThrow()
                .completePhenomenon(FACILITATOR, AT).orElseThrow();
    }

    public static Experiment inPlanning() {
        return inChangeMapping().mapChange(BO, change(), AT).orElseThrow()
                .completeChange(FACILITATOR, AT).orElseThrow();
    }

    public static ExperimentPlan completePlan() {
        return new ExperimentPlan("open every meeting with a round where remote members speak first",
                "remote members take part as much as those in the room", "A dialogue round at the start of each team meeting",
                Set.of(AINO, BO), START, END,
                List.of(new Measure("m1", "Meetings where every remote member spoke", "2 of 8 in February")),
                List.of(new SuccessCriterion("c1", "Every remote member speaks in at least 6 of 8 meetings"),
                        new SuccessCriterion("c2", "Members find the meetings more useful")));
    }

    public static Experiment planned() {
        return inPlanning().editPlan(AINO, completePlan(), AT).orElseThrow();
    }

    public static Experiment running() {
        return planned().start(FACILITATOR, START, AT).orElseThrow();
    }

    public static Evaluation evaluation() {
        return new Evaluation(List.of(
                new CriterionResult("c1", CriterionResult.Verdict.MET, "7 of 8 meetings"),
                new CriterionResult("c2", CriterionResult.Verdict.PARTLY_MET, "Most said so")),
                "Speaking order matters more than meeting length", FACILITATOR, AT);
    }

    public static Experiment evaluated() {
        return running().observe(AINO, START.plusDays(2), "Everyone spoke today", AT).orElseThrow()
                .evaluate(FACILITATOR, evaluation(), AT).orElseThrow();
    }

    public static Decision adopt() {
        return new Decision(new Decision.Adopt(), "It worked", FACILITATOR, AT);
    }

    public static Experiment decided() {
        return evaluated().decide(FACILITATOR, adopt(), AT).orElseThrow();
    }

    public static Experiment shared() {
        return decided().share(FACILITATOR, "lib-1", AT).orElseThrow();
    }

    /** One experiment at each of the eight steps. */
    public static List<Experiment> atEveryStep() {
        return List.of(pictured(), inPhenomenonMapping(), inChangeMapping(), planned(), running(), evaluated(),
                decided(), shared());
    }
}

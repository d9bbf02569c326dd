package fi.kasvu.library;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.experiment.CriterionResult;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Evaluation;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPlan;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.SuccessCriterion;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Share step: publishes a decided experiment as a library entry and marks the experiment as
 * shared. The entry tells the plan, the results against each criterion, what was learned and the
 * decision; it never carries the situational picture's entries, nor any observation kept for the
 * team only ({@link fi.kasvu.experiment.RunObservation#teamOnly()}, the default): those are the
 * members' own words. Observations a member let out are quoted by day and text, never by author.
 */
public final class ExperimentSharing {

    private static final LocalizedText HYPOTHESIS = LocalizedText.of("Hypoteesi", "Hypotes", "Hypothesis");
    private static final LocalizedText IF_WE = LocalizedText.of("Jos", "Om vi", "If we");
    private static final LocalizedText THEN = LocalizedText.of("niin", "så", "then");
    private static final LocalizedText TRIED = LocalizedText.of("Mitä kokeilimme", "Vad vi prövade", "What we tried");
    private static final LocalizedText RESULTS = LocalizedText.of("Tulokset", "Resultat", "Results");
    private static final LocalizedText OBSERVED = LocalizedText.of("Havaintoja kokeilun ajalta",
            "Observationer under försöket", "Observations during the experiment");
    private static final LocalizedText LEARNED = LocalizedText.of("Mitä opimme", "Vad vi lärde oss", "What we learned");
    private static final LocalizedText DECISION = LocalizedText.of("Päätös", "Beslut", "Decision");
    private static final LocalizedText ADOPT = LocalizedText.of("Otamme käyttöön", "Vi tar i bruk", "Adopted");
    private static final LocalizedText ADAPT = LocalizedText.of("Muokkaamme ja kokeilemme uudelleen",
            "Vi ändrar och prövar igen", "Adapted and tried again");
    private static final LocalizedText ABANDON = LocalizedText.of("Luovumme", "Vi avstår", "Abandoned");
    private static final LocalizedText MET = LocalizedText.of("toteutui", "uppnåddes", "met");
    private static final LocalizedText PARTLY = LocalizedText.of("toteutui osittain", "uppnåddes delvis", "partly met");
    private static final LocalizedText NOT_MET = LocalizedText.of("ei toteutunut", "uppnåddes inte", "not met");

    private ExperimentSharing() {
    }

    /**
     * How the person sharing wants the entry published.
     *
     * @param entryId      the new entry's id
     * @param organisation the organisation it comes from
     * @param language     the language of the headings (the team's own text stays as written)
     * @param visibility   who can read it
     * @param authorShown  whether readers see who shared it
     * @param tags         its tags
     */
    public record Publication(String entryId, String organisation, Language language, Visibility visibility,
                              boolean authorShown, Set<String> tags) {
        /** @throws IllegalArgumentException if an id is invalid; NullPointerException if a part is missing */
        public Publication {
            Require.id("entryId", entryId);
            Require.id("organisation", organisation);
            Require.nonNull("language", language);
            Require.nonNull("visibility", visibility);
            tags = Set.copyOf(Require.list("tags", tags == null ? Set.of() : tags));
        }
    }

    /**
     * What sharing made: the new entry and the experiment in its Share step.
     *
     * @param entry      the library entry
     * @param experiment the shared experiment
     */
    public record Shared(LibraryEntry entry, Experiment experiment) {
        /** @throws NullPointerException if a part is missing */
        public Shared {
            Require.nonNull("entry", entry);
            Require.nonNull("experiment", experiment);
        }
    }

    /**
     * Publishes the experiment; only the facilitator, only once it is decided.
     *
     * @return the entry and shared experiment, or the experiment's problems (wrong step, not allowed)
     */
    public static Result<Shared, ExperimentProblem> publish(Experiment experiment, PersonId by, Publication publication, Instant at) {
        Require.nonNull("experiment", experiment);
        Require.nonNull("publication", publication);
        Result<Experiment, ExperimentProblem> outcome = experiment.share(by, publication.entryId(), at);
        if (!outcome.isAccepted()) {
            return Result.rejected(outcome.problems());
        }
        Experiment shared = outcome.orElseThrow();
        ExperimentPlan plan = shared.runLog().orElseThrow().plan();
        Evaluation evaluation = shared.evaluation().orElseThrow();
        Decision decision = shared.decision().orElseThrow();
        Language language = publication.language();
        String summary = IF_WE.in(language) + " " + plan.ifWe() + ", " + THEN.in(language) + " " + plan.thenExpect() + ".";
        LibraryEntry entry = new LibraryEntry(publication.entryId(), LibraryEntry.Kind.EXPERIMENT, language,
                shared.title(), summary, body(plan, shared.runLog().orElseThrow().observations(), evaluation, decision,
                        language), publication.tags(),
                publication.organisation(), shared.team(), publication.visibility(), by, publication.authorShown(), at,
                shared.id());
        return Result.accepted(new Shared(entry, shared));
    }

    private static String body(ExperimentPlan plan, List<fi.kasvu.experiment.RunObservation> observations,
                               Evaluation evaluation, Decision decision, Language language) {
        StringBuilder body = new StringBuilder();
        body.append(HYPOTHESIS.in(language)).append('\n').append(IF_WE.in(language)).append(' ').append(plan.ifWe())
                .append(", ").append(THEN.in(language)).append(' ').append(plan.thenExpect()).append(".\n\n");
        body.append(TRIED.in(language)).append('\n').append(plan.whatIsTried()).append(" (")
                .append(plan.start()).append(" – ").append(plan.end()).append(")\n\n");
        body.append(RESULTS.in(language)).append('\n');
        for (CriterionResult result : evaluation.results()) {
            String criterion = plan.criteria().stream().filter(c -> c.id().equals(result.criterionId()))
                    .map(SuccessCriterion::criterion).findFirst().orElse(result.criterionId());
            body.append("- ").append(criterion).append(": ").append(verdict(result.verdict()).in(language));
            if (!result.evidence().isBlank()) {
                body.append(" (").append(result.evidence()).append(')');
            }
            body.append('\n');
        }
        List<fi.kasvu.experiment.RunObservation> quoted = observations.stream().filter(o -> !o.teamOnly()).toList();
        if (!quoted.isEmpty()) {
            body.append('\n').append(OBSERVED.in(language)).append('\n');
            quoted.forEach(o -> body.append("- ").append(o.on()).append(": ").append(o.text()).append('\n'));
        }
        body.append('\n').append(LEARNED.in(language)).append('\n').append(evaluation.learned()).append("\n\n");
        body.append(DECISION.in(language)).append('\n').append(decisionText(decision).in(language));
        if (!decision.rationale().isBlank()) {
            body.append(": ").append(decision.rationale());
        }
        return body.toString();
    }

    private static LocalizedText verdict(CriterionResult.Verdict verdict) {
        return switch (verdict) {
            case MET -> MET;
            case PARTLY_MET -> PARTLY;
            case NOT_MET -> NOT_MET;
        };
    }

    private static LocalizedText decisionText(Decision decision) {
        return switch (decision.choice().type()) {
            case ADOPT -> ADOPT;
            case ADAPT -> ADAPT;
            case ABANDON, EXTEND -> ABANDON;
        };
    }
}

package fi.kasvu.survey;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.internal.DocumentCommands;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Creates surveys, opens and closes their rounds, takes responses and reads results under the
 * anonymity rules. Commands read the survey, apply the rule with the clock's day, save with the
 * version read (reading again and retrying when someone saved first) and tell {@link SurveyEvents}
 * what happened once it is saved. Thread-safe when the ports are.
 *
 * <p>Everything returns the one result shape: the saved survey (or response, or results), or typed
 * problems. A missing survey is a {@link NoSuchElementException}; a run of conflicts a
 * {@link ConcurrentModificationException}. Results exist only for closed rounds and hold only the
 * figures that may be published ({@link RoundResults#shown()}).
 */
public final class SurveyService {

    private final Surveys surveys;
    private final SurveyResponses responses;
    private final DocumentCommands<Survey, SurveyProblem, SurveyEvent> commands;
    private final IdGenerator ids;

    private SurveyService(Surveys surveys, SurveyResponses responses, SurveyEvents events, Clock clock,
                          IdGenerator ids) {
        this.surveys = Require.nonNull("surveys", surveys);
        this.responses = Require.nonNull("responses", responses);
        Require.nonNull("events", events);
        this.commands = DocumentCommands.of(surveys, SurveyEvent::between, events::on, clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the two repositories, publishing to the listener; give it random ids
     * ({@link IdGenerator#uuids()}) in production, so that a response id tells nothing of its order.
     *
     * @throws NullPointerException if a part is null
     */
    public static SurveyService of(Surveys surveys, SurveyResponses responses, SurveyEvents events, Clock clock,
                                   IdGenerator ids) {
        return new SurveyService(surveys, responses, events, clock, ids);
    }

    /** Creates and saves the work-culture self-assessment: the standard statements and the agency's own. */
    public Versioned<Survey> createCultureSelfAssessment(TenantId tenant, String organisation, LocalizedText title,
                                                        List<Question.Likert> agencyStatements) {
        return commands.create(tenant, at -> Result.<Survey, SurveyProblem>accepted(
                Survey.cultureSelfAssessment(ids.next(), organisation, title, agencyStatements, at))).orElseThrow();
    }

    /** Creates and saves a pulse survey of the given questions. */
    public Versioned<Survey> createPulse(TenantId tenant, String organisation, LocalizedText title,
                                         List<Question> questions) {
        return commands.create(tenant, at -> Result.<Survey, SurveyProblem>accepted(
                Survey.pulse(ids.next(), organisation, title, questions, at))).orElseThrow();
    }

    /** Applies any command of {@link Survey} (given the survey and the clock's instant), saves and publishes. */
    public Result<Versioned<Survey>, SurveyProblem> change(TenantId tenant, String id,
            BiFunction<Survey, Instant, Result<Survey, SurveyProblem>> command) {
        return commands.change(tenant, id, command);
    }

    /** Opens the next round today (by the clock). */
    public Result<Versioned<Survey>, SurveyProblem> openRound(TenantId tenant, String id) {
        return change(tenant, id, (survey, at) -> survey.openRound(today()));
    }

    /** Closes the open round today (by the clock); its results can be read from now on. */
    public Result<Versioned<Survey>, SurveyProblem> closeRound(TenantId tenant, String id) {
        return change(tenant, id, (survey, at) -> survey.closeRound(today()));
    }

    /**
     * Takes one respondent's answers to the open round, submitted today: the response holds where the
     * respondent works, never who they are. A round closed while the response was being saved
     * refuses it and keeps nothing.
     *
     * @return the saved response, or the problems (no open round, unknown question, wrong answer type …)
     * @throws NoSuchElementException if there is no such survey
     */
    public Result<Versioned<SurveyResponse>, SurveyProblem> respond(TenantId tenant, String surveyId,
                                                                   RespondentGroup group, List<Answer> answers) {
        Survey survey = commands.find(tenant, surveyId).value();
        Optional<SurveyRound> open = survey.openRound();
        if (open.isEmpty()) {
            return Result.rejected(SurveyProblem.noOpenRound());
        }
        SurveyResponse response = new SurveyResponse(ids.next(), surveyId, open.get().number(), group, today(),
                answers);
        List<SurveyProblem> problems = survey.check(response);
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        Versioned<SurveyResponse> saved = responses.save(tenant, Versioned.unsaved(response)).orElseThrow();
        boolean stillOpen = commands.find(tenant, surveyId).value().round(response.round())
                .map(SurveyRound::isOpen).orElse(false);
        if (!stillOpen) {
            responses.delete(tenant, saved.value().id(), saved.version());
            return Result.rejected(SurveyProblem.roundState(response.round(), false));
        }
        return Result.accepted(saved);
    }

    /**
     * The figures of a closed round that may be published: groups of at least the threshold whose
     * figures cannot be subtracted to reveal a smaller group.
     *
     * @return the results, or a problem for an unknown or still open round
     * @throws IllegalStateException if a stored response cannot be read (figures would be wrong)
     */
    public Result<RoundResults, SurveyProblem> results(TenantId tenant, String surveyId, int round,
                                                      AnonymityThreshold threshold) {
        Survey survey = commands.find(tenant, surveyId).value();
        return SurveyResults.of(survey, round, responsesTo(tenant, surveyId), threshold);
    }

    /** The coaching-approach indicator over every closed round, oldest first, under the anonymity rules. */
    public IndicatorTrend trend(TenantId tenant, String surveyId, CoachingApproachIndicator indicator,
                                AnonymityThreshold threshold) {
        Survey survey = commands.find(tenant, surveyId).value();
        return SurveyResults.trend(survey, responsesTo(tenant, surveyId), indicator, threshold);
    }

    /** The survey, if the tenant has one with this id. */
    public Optional<Versioned<Survey>> find(TenantId tenant, String id) {
        return surveys.find(tenant, id);
    }

    /** Every survey of an organisation, newest change first. */
    public List<Versioned<Survey>> ofOrganisation(TenantId tenant, String organisation) {
        return surveys.ofOrganisation(tenant, organisation).documents();
    }

    private List<SurveyResponse> responsesTo(TenantId tenant, String surveyId) {
        DocumentRepository.Listing<SurveyResponse> listing = responses.ofSurvey(tenant, surveyId);
        if (!listing.unreadable().isEmpty()) {
            throw new IllegalStateException(listing.unreadable().size() + " stored responses to survey " + surveyId
                    + " cannot be read; results would be wrong: " + listing.unreadable().stream()
                    .map(DocumentRepository.Unreadable::id).toList());
        }
        return listing.documents().stream().map(Versioned::value).toList();
    }

    private LocalDate today() {
        return LocalDate.now(commands.clock());
    }
}

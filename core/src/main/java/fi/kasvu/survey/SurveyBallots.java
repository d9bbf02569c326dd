package fi.kasvu.survey;

import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ConcurrentModificationException;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Anonymous answering with a ballot key that only the respondent holds. A response is stored
 * under {@code SHA-256(survey, round, key)} and says nothing of who gave it; who has answered is
 * kept apart in {@link SurveyParticipation}, without times or order. Whoever holds the key (the
 * respondent's browser) can replace their response while the round is open; nobody else can
 * find it, as the key itself is never stored.
 *
 * <p>A second answer with the same key replaces the first, so the count stays right however many
 * tabs sent it; a person already counted who comes without the key (another browser) is told so
 * and nothing is stored.
 */
public final class SurveyBallots {

    /** The fewest characters of a ballot key (about 190 random bits in base64url). */
    public static final int MIN_KEY = 32;

    private static final int ATTEMPTS = 8;

    private final Surveys surveys;
    private final SurveyResponses responses;
    private final SurveyParticipations participations;
    private final Clock clock;

    private SurveyBallots(Surveys surveys, SurveyResponses responses, SurveyParticipations participations,
                          Clock clock) {
        this.surveys = Require.nonNull("surveys", surveys);
        this.responses = Require.nonNull("responses", responses);
        this.participations = Require.nonNull("participations", participations);
        this.clock = Require.nonNull("clock", clock);
    }

    /** Ballots over the three ports; the clock gives the response's day. */
    public static SurveyBallots of(Surveys surveys, SurveyResponses responses, SurveyParticipations participations,
                                   Clock clock) {
        return new SurveyBallots(surveys, responses, participations, clock);
    }

    /** What became of a ballot. */
    public enum Outcome {
        /** A first answer in the round: counted. */
        COUNTED,
        /** The earlier answer given with the same key was replaced; the count did not change. */
        REPLACED,
        /** The person has answered the round already, with another key (another browser): nothing stored. */
        ANSWERED_ELSEWHERE
    }

    /** Whether a ballot key has the form this class accepts: base64url characters, 32..200 of them. */
    public static boolean validKey(String key) {
        return key != null && key.length() >= MIN_KEY && key.length() <= 200 && key.matches("[A-Za-z0-9_-]+");
    }

    /**
     * The id a ballot is stored under: a SHA-256 of the survey, the round and the key.
     *
     * @throws IllegalArgumentException if the key is not {@link #validKey valid}
     */
    public static String ballotId(String surveyId, int round, String key) {
        if (!validKey(key)) {
            throw new IllegalArgumentException("ballot key must be 32..200 base64url characters");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (surveyId + "\n" + round + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "b-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    /**
     * Casts the person's answers to the round with their ballot key.
     *
     * @param round the round the form was for: a round that closed (or was followed by another)
     *              while the form was open refuses the ballot and keeps nothing
     * @return the outcome, or the problems (round closed, unknown question, wrong answer type …)
     * @throws NoSuchElementException if there is no such survey
     * @throws IllegalArgumentException if the key is invalid
     */
    public Result<Outcome, SurveyProblem> cast(TenantId tenant, String surveyId, int round, String key, String person,
                                              RespondentGroup group, List<Answer> answers) {
        Require.id("person", person);
        String ballotId = ballotId(surveyId, round, key);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Survey survey = survey(tenant, surveyId);
            if (!openIs(survey, round)) {
                return Result.rejected(SurveyProblem.roundState(round, false));
            }
            SurveyResponse response = new SurveyResponse(ballotId, surveyId, round, group, LocalDate.now(clock),
                    answers);
            List<SurveyProblem> problems = survey.check(response);
            if (!problems.isEmpty()) {
                return Result.rejected(problems);
            }
            Optional<Versioned<SurveyResponse>> existing = responses.find(tenant, ballotId);
            if (existing.isPresent()) {
                SaveResult<SurveyResponse> saved = responses.save(tenant, existing.get().with(response));
                if (!saved.isSaved()) {
                    continue;
                }
                if (!openIs(survey(tenant, surveyId), round)) {
                    responses.save(tenant, saved.orElseThrow().with(existing.get().value()));
                    return Result.rejected(SurveyProblem.roundState(round, false));
                }
                mark(tenant, surveyId, round, person);
                return Result.accepted(Outcome.REPLACED);
            }
            if (participated(tenant, surveyId, round, person)) {
                return Result.accepted(Outcome.ANSWERED_ELSEWHERE);
            }
            SaveResult<SurveyResponse> saved = responses.save(tenant, Versioned.unsaved(response));
            if (!saved.isSaved()) {
                continue;
            }
            if (!openIs(survey(tenant, surveyId), round)) {
                responses.delete(tenant, ballotId, saved.orElseThrow().version());
                return Result.rejected(SurveyProblem.roundState(round, false));
            }
            mark(tenant, surveyId, round, person);
            return Result.accepted(Outcome.COUNTED);
        }
        throw new ConcurrentModificationException("ballot " + surveyId + " round " + round
                + " kept conflicting after " + ATTEMPTS + " attempts");
    }

    /** Whether the person has answered the round. */
    public boolean participated(TenantId tenant, String surveyId, int round, String person) {
        return participations.find(tenant, SurveyParticipation.idOf(surveyId, round))
                .map(found -> found.value().includes(person)).orElse(false);
    }

    /** How many have answered the round. */
    public int participants(TenantId tenant, String surveyId, int round) {
        return participations.find(tenant, SurveyParticipation.idOf(surveyId, round))
                .map(found -> found.value().people().size()).orElse(0);
    }

    /** Every stored response to the survey, all rounds. */
    public List<SurveyResponse> responses(TenantId tenant, String surveyId) {
        var listing = responses.ofSurvey(tenant, surveyId);
        if (!listing.unreadable().isEmpty()) {
            throw new IllegalStateException(listing.unreadable().size() + " stored responses to survey " + surveyId
                    + " cannot be read; results would be wrong");
        }
        return listing.documents().stream().map(Versioned::value).toList();
    }

    private void mark(TenantId tenant, String surveyId, int round, String person) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<SurveyParticipation>> found = participations.find(tenant,
                    SurveyParticipation.idOf(surveyId, round));
            if (found.isPresent() && found.get().value().includes(person)) {
                return;
            }
            Versioned<SurveyParticipation> next = found.map(f -> f.with(f.value().with(person)))
                    .orElseGet(() -> Versioned.unsaved(SurveyParticipation.none(surveyId, round).with(person)));
            if (participations.save(tenant, next).isSaved()) {
                return;
            }
        }
        throw new ConcurrentModificationException("participation " + surveyId + " round " + round
                + " kept conflicting after " + ATTEMPTS + " attempts");
    }

    private Survey survey(TenantId tenant, String surveyId) {
        return surveys.find(tenant, surveyId).orElseThrow(() -> new NoSuchElementException("no survey " + surveyId))
                .value();
    }

    private static boolean openIs(Survey survey, int round) {
        return survey.openRound().map(open -> open.number() == round).orElse(false);
    }
}

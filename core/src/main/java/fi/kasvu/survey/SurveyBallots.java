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
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
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
    private final int minBatch;
    private final int maxBatch;
    private final Random random;
    private final Apart apart;
    /** Ballots waiting to be written with others, per round; also the lock of every write. */
    private final Map<PoolKey, Pool> pools = new HashMap<>();

    private SurveyBallots(Surveys surveys, SurveyResponses responses, SurveyParticipations participations,
                          Clock clock, int minBatch, int maxBatch, Random random, Apart apart) {
        this.surveys = Require.nonNull("surveys", surveys);
        this.responses = Require.nonNull("responses", responses);
        this.participations = Require.nonNull("participations", participations);
        this.clock = Require.nonNull("clock", clock);
        this.minBatch = Require.atLeast("minBatch", minBatch, 1);
        if (maxBatch < minBatch) {
            throw new IllegalArgumentException("maxBatch must be at least minBatch: " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.random = Require.nonNull("random", random);
        this.apart = Require.nonNull("apart", apart);
    }

    /**
     * Runs a piece of the ballots' database work in a transaction of its own, committed before it
     * returns, apart from whatever the calling thread's request is doing: a batch holds other
     * people's ballots, so it must not be written inside one learner's request, whose rollback would
     * lose them. An implementation that ends a request's transaction first must give back its
     * connection, so that a thread waiting for the ballots' lock holds none.
     */
    @FunctionalInterface
    public interface Apart {
        /** Runs the work in a transaction of its own; a failure rolls back that transaction and is thrown. */
        void run(Runnable work);

        /** The work on the caller's thread as it is (in-memory stores, or one transaction per statement). */
        static Apart inline() {
            return Runnable::run;
        }
    }

    /** Ballots over the three ports, each written as it is cast; the clock gives the response's day. */
    public static SurveyBallots of(Surveys surveys, SurveyResponses responses, SurveyParticipations participations,
                                   Clock clock) {
        return new SurveyBallots(surveys, responses, participations, clock, 1, 1, new Random(), Apart.inline());
    }

    /**
     * These ballots, mixed: a cast ballot waits in memory until {@code minBatch..maxBatch} (a
     * random size per batch) ballots of the round are waiting, and the batch is then written
     * together, the responses in a random order and everyone newly counted in one change of the
     * participation record, so that someone watching the database live cannot pair a response
     * with a person by when or in which order rows appeared. Waiting ballots are written at the
     * latest when the round closes ({@link #closing}). A new ballot that names a unit or team is
     * written only in a batch holding at least {@code minBatch} new ballots naming the same one;
     * one still waiting when the round closes is written without its unit and team (counted under
     * the organisation only: a group of fewer than three in a batch would point at its members,
     * and a group of fewer than three in a round shows nothing anyway). A process that stops without
     * {@link #flushAll} (a crash) loses them (their people are not counted either, so they may answer
     * again). With a database, give {@link #writingApart} so that a batch is never part of the request
     * that completed it.
     */
    public SurveyBallots mixing(int minBatch, int maxBatch, Random random) {
        return new SurveyBallots(surveys, responses, participations, clock, minBatch, maxBatch, random, apart);
    }

    /**
     * These ballots, writing each batch (and the close of a round) through {@code apart}: in its own
     * transaction, so that a batch that holds other learners' ballots is never part of the request
     * that completed it, and a rollback of that request loses none of them. A batch whose write
     * fails goes back to waiting, so its ballots are written with a later batch.
     */
    public SurveyBallots writingApart(Apart apart) {
        return new SurveyBallots(surveys, responses, participations, clock, minBatch, maxBatch, random, apart);
    }

    private record PoolKey(TenantId tenant, String surveyId, int round) {
    }

    /** A waiting ballot; {@code newPerson} is who is counted with it, null for a replacement. */
    private record Pending(SurveyResponse response, String newPerson) {
        /** The unit and team the response names, or null if it names neither. */
        String label() {
            RespondentGroup group = response.group();
            return group.unit() == null && group.team() == null ? null : group.unit() + "/" + group.team();
        }

        /** This ballot counted under its organisation only. */
        Pending unlabelled() {
            SurveyResponse r = response;
            return new Pending(new SurveyResponse(r.id(), r.surveyId(), r.round(),
                    RespondentGroup.of(r.group().organisation()), r.submitted(), r.answers()), newPerson);
        }
    }

    private static final class Pool {
        final int target;
        final Map<String, Pending> ballots = new LinkedHashMap<>();

        Pool(int target) {
            this.target = target;
        }

        /** A pool that keeps these waiting ballots towards a new target. */
        Pool next(int newTarget) {
            Pool next = new Pool(newTarget);
            next.ballots.putAll(ballots);
            return next;
        }

        boolean has(String person) {
            return ballots.values().stream().anyMatch(p -> person.equals(p.newPerson()));
        }
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
     * Casts the person's answers to the round with their ballot key. In {@link #mixing mixing}
     * mode the ballot waits in memory until enough others arrived, and is then written with them.
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
        List<Result<Outcome, SurveyProblem>> result = new ArrayList<>(1);
        // The reads and the check run apart from the request too, so that a thread waiting for the
        // lock holds no database connection.
        apart.run(() -> result.add(castLocked(tenant, surveyId, round, ballotId, person, group, answers)));
        return result.get(0);
    }

    private Result<Outcome, SurveyProblem> castLocked(TenantId tenant, String surveyId, int round, String ballotId,
                                                      String person, RespondentGroup group, List<Answer> answers) {
        synchronized (pools) {
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
            Pool pool = pools.computeIfAbsent(new PoolKey(tenant, surveyId, round), k -> new Pool(target()));
            Pending pending = pool.ballots.get(ballotId);
            Outcome outcome;
            if (pending != null) {
                pool.ballots.put(ballotId, new Pending(response, pending.newPerson()));
                outcome = Outcome.REPLACED;
            } else if (responses.find(tenant, ballotId).isPresent()) {
                pool.ballots.put(ballotId, new Pending(response, null));
                outcome = Outcome.REPLACED;
            } else if (participatedStored(tenant, surveyId, round, person) || pool.has(person)) {
                return Result.accepted(Outcome.ANSWERED_ELSEWHERE);
            } else {
                pool.ballots.put(ballotId, new Pending(response, person));
                outcome = Outcome.COUNTED;
            }
            if (pool.ballots.size() >= pool.target) {
                Map<String, Pending> ready = ready(pool);
                if (ready.size() >= minBatch) {
                    ready.keySet().forEach(pool.ballots::remove);
                    PoolKey poolKey = new PoolKey(tenant, surveyId, round);
                    if (pool.ballots.isEmpty()) {
                        pools.remove(poolKey);
                    } else {
                        pools.put(poolKey, pool.next(target()));
                    }
                    if (!writeApart(poolKey, ready)) {
                        pools.remove(poolKey);
                        return Result.rejected(SurveyProblem.roundState(round, false));
                    }
                }
            }
            return Result.accepted(outcome);
        }
    }

    /**
     * Writes every waiting ballot of the survey, then runs {@code close} (which closes the round)
     * while no ballot can be cast in this process, so that nothing is written after the close
     * and the closed round's results never change.
     */
    public <T> T closing(TenantId tenant, String surveyId, Supplier<T> close) {
        List<T> result = new ArrayList<>(1);
        apart.run(() -> {
            synchronized (pools) {
                flushLocked(tenant, surveyId);
                // The close commits before the lock is let go, so no ballot can see the round open after it.
                apart.run(() -> result.add(close.get()));
            }
        });
        return result.get(0);
    }

    /** Writes every waiting ballot of the survey now (a round about to close, or a server stopping). */
    public void flush(TenantId tenant, String surveyId) {
        apart.run(() -> {
            synchronized (pools) {
                flushLocked(tenant, surveyId);
            }
        });
    }

    /**
     * Writes every waiting ballot of every survey now, each round's as one batch (a server
     * stopping: {@code ToolApplication} calls it through the survey activities' {@code close}).
     * Ballots whose unit or team has not gathered a batch are written without it, as at a close.
     * Every round is tried; a round whose write fails keeps its ballots waiting.
     *
     * @return how many ballots were written
     * @throws RuntimeException the first failure, after every round was tried
     */
    public int flushAll() {
        int[] written = new int[1];
        RuntimeException[] failed = new RuntimeException[1];
        apart.run(() -> {
            synchronized (pools) {
                for (PoolKey poolKey : List.copyOf(pools.keySet())) {
                    try {
                        written[0] += flushPool(poolKey);
                    } catch (RuntimeException e) {
                        if (failed[0] == null) {
                            failed[0] = e;
                        } else {
                            failed[0].addSuppressed(e);
                        }
                    }
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return written[0];
    }

    private void flushLocked(TenantId tenant, String surveyId) {
        List<PoolKey> keys = pools.keySet().stream()
                .filter(k -> k.tenant().equals(tenant) && k.surveyId().equals(surveyId)).toList();
        for (PoolKey poolKey : keys) {
            flushPool(poolKey);
        }
    }

    /** Writes one round's waiting ballots (called holding the lock); how many were written. */
    private int flushPool(PoolKey poolKey) {
        Pool pool = pools.remove(poolKey);
        if (pool == null || pool.ballots.isEmpty()) {
            return 0;
        }
        Map<String, Pending> ready = ready(pool);
        Map<String, Pending> all = new LinkedHashMap<>();
        for (Map.Entry<String, Pending> entry : pool.ballots.entrySet()) {
            Pending pending = entry.getValue();
            all.put(entry.getKey(), ready.containsKey(entry.getKey()) ? pending : pending.unlabelled());
        }
        return writeApart(poolKey, all) ? all.size() : 0;
    }

    /**
     * Writes a batch taken out of its pool in a transaction of its own (called holding the lock).
     * If the write fails, the batch goes back to waiting and the failure is thrown.
     */
    private boolean writeApart(PoolKey poolKey, Map<String, Pending> batch) {
        boolean[] written = new boolean[1];
        try {
            apart.run(() -> written[0] = write(poolKey.tenant(), poolKey.surveyId(), poolKey.round(), batch.values()));
        } catch (RuntimeException | Error e) {
            Pool now = pools.get(poolKey);
            Pool back = now == null ? new Pool(target()) : now;
            // The lock was held since the batch left the pool, so the two hold different ballots.
            Map<String, Pending> merged = new LinkedHashMap<>(batch);
            merged.putAll(back.ballots);
            back.ballots.clear();
            back.ballots.putAll(merged);
            pools.put(poolKey, back);
            throw e;
        }
        return written[0];
    }

    /** How many ballots of the round wait in memory to be written with others. */
    public int waiting(TenantId tenant, String surveyId, int round) {
        synchronized (pools) {
            Pool pool = pools.get(new PoolKey(tenant, surveyId, round));
            return pool == null ? 0 : pool.ballots.size();
        }
    }

    /**
     * Writes a batch: the responses in a random order, then everyone newly counted in one change
     * of the participation record. Nothing of the batch is written if the round is no longer open
     * (closed by another process): then false.
     */
    private boolean write(TenantId tenant, String surveyId, int round, java.util.Collection<Pending> ballots) {
        if (!openIs(survey(tenant, surveyId), round)) {
            return false;
        }
        List<Pending> batch = new ArrayList<>(ballots);
        Collections.shuffle(batch, random);
        for (Pending pending : batch) {
            store(tenant, pending.response());
        }
        List<String> people = batch.stream().map(Pending::newPerson).filter(Objects::nonNull).toList();
        if (!people.isEmpty()) {
            mark(tenant, surveyId, round, people);
        }
        return true;
    }

    private void store(TenantId tenant, SurveyResponse response) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<SurveyResponse>> existing = responses.find(tenant, response.id());
            SaveResult<SurveyResponse> saved = responses.save(tenant,
                    existing.map(e -> e.with(response)).orElseGet(() -> Versioned.unsaved(response)));
            if (saved.isSaved()) {
                return;
            }
        }
        throw new ConcurrentModificationException("ballot " + response.id() + " kept conflicting after "
                + ATTEMPTS + " attempts");
    }

    /**
     * The waiting ballots that may be written now: replacements, new ballots without a unit or
     * team, and new ballots whose unit and team at least {@code minBatch} new ballots of the pool
     * share. A lone labelled ballot would otherwise be the only new row with its group, and whoever
     * knows the group's members and sees who joined the participation record could pair them.
     */
    private Map<String, Pending> ready(Pool pool) {
        Map<String, Long> labels = new HashMap<>();
        for (Pending pending : pool.ballots.values()) {
            if (pending.newPerson() != null && pending.label() != null) {
                labels.merge(pending.label(), 1L, Long::sum);
            }
        }
        Map<String, Pending> ready = new LinkedHashMap<>();
        pool.ballots.forEach((id, pending) -> {
            if (pending.newPerson() == null || pending.label() == null
                    || labels.getOrDefault(pending.label(), 0L) >= minBatch) {
                ready.put(id, pending);
            }
        });
        return ready;
    }

    private int target() {
        return minBatch + (maxBatch > minBatch ? random.nextInt(maxBatch - minBatch + 1) : 0);
    }

    /** Whether the person has answered the round. */
    public boolean participated(TenantId tenant, String surveyId, int round, String person) {
        synchronized (pools) {
            Pool pool = pools.get(new PoolKey(tenant, surveyId, round));
            if (pool != null && pool.has(person)) {
                return true;
            }
        }
        return participatedStored(tenant, surveyId, round, person);
    }

    private boolean participatedStored(TenantId tenant, String surveyId, int round, String person) {
        return participations.find(tenant, SurveyParticipation.idOf(surveyId, round))
                .map(found -> found.value().includes(person)).orElse(false);
    }

    /** How many have answered the round. */
    public int participants(TenantId tenant, String surveyId, int round) {
        int waiting;
        synchronized (pools) {
            Pool pool = pools.get(new PoolKey(tenant, surveyId, round));
            waiting = pool == null ? 0 : (int) pool.ballots.values().stream()
                    .filter(p -> p.newPerson() != null).count();
        }
        return waiting + participations.find(tenant, SurveyParticipation.idOf(surveyId, round))
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

    private void mark(TenantId tenant, String surveyId, int round, List<String> people) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<SurveyParticipation>> found = participations.find(tenant,
                    SurveyParticipation.idOf(surveyId, round));
            SurveyParticipation current = found.map(Versioned::value)
                    .orElseGet(() -> SurveyParticipation.none(surveyId, round));
            List<String> missing = people.stream().filter(p -> !current.includes(p)).toList();
            if (missing.isEmpty()) {
                return;
            }
            SurveyParticipation all = current.withAll(missing);
            Versioned<SurveyParticipation> next = found.map(f -> f.with(all))
                    .orElseGet(() -> Versioned.unsaved(all));
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

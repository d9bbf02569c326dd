package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentKeys;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.lms.web.PageSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The teams of one placed team experiment, kept as core's experiments: each team is one
 * {@link Experiment} whose id (and team) is derived from the activity's context and the team's
 * number, so the teams of an activity are found by id without an index of their own. A personal
 * experiment is one person's own team, derived from the context and the person.
 *
 * <p>In the LMS the team facilitates itself: the experiment's facilitator is the team's own
 * identity ({@link #facilitator}), never a person, and the activity lets any current member act
 * in that role after checking that they are a member. So members move the team on, evaluate,
 * decide and share; the teacher only forms teams and sees steps and decisions.
 */
final class Teams {

    /** The most teams one activity may have (a guard on the id probe). */
    static final int MAX_TEAMS = ExperimentKeys.MAX_TEAMS;

    /** The prefix of a person id made from a platform user id too long to keep as it is. */
    static final String HASHED = "sub-sha256:";

    /** Attempts at a conditional save before giving up (another writer kept winning). */
    private static final int ATTEMPTS = 8;

    private final Experiments experiments;
    private final Clock clock;

    Teams(Experiments experiments, Clock clock) {
        this.experiments = experiments;
        this.clock = clock;
    }

    /** The activity's key: a hash of its context, so ids carry no course names and stay short. */
    static String activityKey(String contextId) {
        return ExperimentKeys.activityKey(contextId);
    }

    /** The id of the activity's team with the number (core's {@link ExperimentKeys}, which the dashboard shares). */
    static String teamId(String contextId, int number) {
        return ExperimentKeys.teamId(contextId, number);
    }

    /** The id of the person's personal experiment in the activity (core's {@link ExperimentKeys}). */
    static String personalId(String contextId, PersonId person) {
        return ExperimentKeys.personalId(contextId, person);
    }

    /**
     * The person a roster member's platform user id stands for, as the web layer's sessions name
     * them: the id itself, or past 200 characters {@code sub-sha256:} and its SHA-256 (the LTI
     * layer's rule, which activities may not import; a test keeps the two equal).
     */
    static PersonId person(String subject) {
        return subject.length() <= fi.kasvu.common.Require.MAX_ID ? PersonId.of(subject)
                : PersonId.of(HASHED + hash(subject));
    }

    /** The team's own identity, acting as the experiment's facilitator. */
    static PersonId facilitator(String teamId) {
        return PersonId.of("kasvu-team:" + teamId);
    }

    /** The team's number (0 for a personal experiment). */
    static int number(Experiment experiment) {
        int at = experiment.id().lastIndexOf("-t");
        if (at < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(experiment.id().substring(at + 2));
        } catch (NumberFormatException notATeam) {
            return 0;
        }
    }

    /** Whether the experiment is a personal one. */
    static boolean personal(Experiment experiment) {
        return number(experiment) == 0;
    }

    /** The activity's teams, by number (1, 2, …; they are never deleted, only emptied). */
    List<Versioned<Experiment>> all(TenantId tenant, String contextId) {
        List<Versioned<Experiment>> teams = new ArrayList<>();
        for (int n = 1; n <= MAX_TEAMS; n++) {
            Optional<Versioned<Experiment>> team = experiments.find(tenant, teamId(contextId, n));
            if (team.isEmpty()) {
                break;
            }
            teams.add(team.get());
        }
        return teams;
    }

    /** The team the person is a member of in the activity, or their personal experiment, if any. */
    Optional<Versioned<Experiment>> of(PageSession session) {
        PersonId person = session.person();
        for (Versioned<Experiment> team : all(session.tenant(), session.contextId())) {
            if (team.value().members().contains(person)) {
                return Optional.of(team);
            }
        }
        return personalOf(session.tenant(), session.contextId(), person);
    }

    /** The person's personal experiment in the activity, if they started one. */
    Optional<Versioned<Experiment>> personalOf(TenantId tenant, String contextId, PersonId person) {
        return experiments.find(tenant, personalId(contextId, person))
                .filter(e -> e.value().members().contains(person));
    }

    /** Finds one experiment by id. */
    Optional<Versioned<Experiment>> find(TenantId tenant, String id) {
        return experiments.find(tenant, id);
    }

    /** Starts the person's personal experiment (or returns the one they have). */
    Versioned<Experiment> startPersonal(PageSession session, String title) {
        String id = personalId(session.contextId(), session.person());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Versioned<Experiment>> found = experiments.find(session.tenant(), id);
            if (found.isPresent()) {
                return found.get();
            }
            Experiment begun = Experiment.begin(id, id, title, facilitator(id), Set.of(session.person()),
                    clock.instant());
            SaveResult<Experiment> saved = experiments.save(session.tenant(), Versioned.unsaved(begun));
            if (saved instanceof SaveResult.Saved<Experiment> ok) {
                return ok.saved();
            }
        }
        throw new java.util.ConcurrentModificationException("personal experiment kept changing: " + id);
    }

    /** Creates the next team with the members (removed from any other team first). */
    Versioned<Experiment> create(TenantId tenant, String contextId, String title, Set<PersonId> members) {
        for (PersonId member : members) {
            leave(tenant, contextId, member, 0);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int next = all(tenant, contextId).size() + 1;
            if (next > MAX_TEAMS) {
                throw new IllegalStateException("teams must be at most " + MAX_TEAMS + ": " + next);
            }
            String id = teamId(contextId, next);
            Experiment begun = Experiment.begin(id, id, title, facilitator(id), members, clock.instant());
            SaveResult<Experiment> saved = experiments.save(tenant, Versioned.unsaved(begun));
            if (saved instanceof SaveResult.Saved<Experiment> ok) {
                return ok.saved();
            }
        }
        throw new java.util.ConcurrentModificationException("another team was created at the same time");
    }

    /**
     * Puts the person in the team with the number (0: in no team), leaving any other team; their
     * contributions stay where they were written.
     */
    void assign(TenantId tenant, String contextId, PersonId person, int number) {
        leave(tenant, contextId, person, number);
        if (number > 0) {
            String id = teamId(contextId, number);
            change(tenant, id, e -> e.addMember(e.facilitator(), person, clock.instant()));
        }
    }

    private void leave(TenantId tenant, String contextId, PersonId person, int except) {
        for (Versioned<Experiment> team : all(tenant, contextId)) {
            if (number(team.value()) != except && team.value().members().contains(person)) {
                change(tenant, team.value().id(), e -> e.removeMember(e.facilitator(), person, clock.instant()));
            }
        }
    }

    /**
     * Applies a command to the stored experiment with the version read, reading again and
     * re-applying it when another writer saved first.
     *
     * @return the saved experiment, or the command's problems
     * @throws java.util.NoSuchElementException if there is no such experiment
     */
    Result<Versioned<Experiment>, ExperimentProblem> change(TenantId tenant, String id,
                                                          java.util.function.Function<Experiment,
                                                                  Result<Experiment, ExperimentProblem>> command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned<Experiment> stored = experiments.find(tenant, id).orElseThrow();
            Result<Experiment, ExperimentProblem> result = command.apply(stored.value());
            if (!result.isAccepted()) {
                return Result.rejected(result.problems());
            }
            SaveResult<Experiment> saved = experiments.save(tenant, stored.with(result.orElseThrow()));
            if (saved instanceof SaveResult.Saved<Experiment> ok) {
                return Result.accepted(ok.saved());
            }
        }
        throw new java.util.ConcurrentModificationException("experiment kept changing: " + id);
    }

    /** Saves a changed experiment over the version read, once: a conflict is the caller's to settle. */
    SaveResult<Experiment> save(TenantId tenant, Versioned<Experiment> changed) {
        return experiments.save(tenant, changed);
    }

    /** The people of the teams, as ids (every member of any team). */
    Set<PersonId> assigned(TenantId tenant, String contextId) {
        Set<PersonId> all = new LinkedHashSet<>();
        all(tenant, contextId).forEach(t -> all.addAll(t.value().members()));
        return all;
    }

    /** Hex SHA-256 of a text. */
    static String hash(String text) {
        return ExperimentKeys.sha256(text);
    }
}

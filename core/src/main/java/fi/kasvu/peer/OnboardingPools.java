package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Assigns newcomers to the onboarders of a national onboarding pool (seed 000): each onboarder
 * takes at most their capacity, shares a language with each of their newcomers, and, when asked,
 * preferably works at another site (so that onboarding crosses office boundaries); shared
 * interests count too. Construction takes the newcomers with the fewest possible onboarders
 * first and frees room by moving an earlier newcomer when needed; local search then moves and
 * swaps newcomers while the score rises. A newcomer no onboarder can take is listed with the
 * reason in numbers.
 */
public final class OnboardingPools {

    private OnboardingPools() {
    }

    /**
     * A supervisor who onboards, and how many newcomers they can take.
     *
     * @param participant the onboarder
     * @param capacity    1..50
     */
    public record Onboarder(Participant participant, int capacity) {
        /** @throws IllegalArgumentException if the capacity is out of range */
        public Onboarder {
            Require.nonNull("participant", participant);
            Require.range("capacity", capacity, 1, 50);
        }
    }

    /**
     * What to assign.
     *
     * @param formationId     the result's id
     * @param onboarders      who onboards, with capacities
     * @param newcomers       who is onboarded
     * @param preferOtherSite whether an onboarder at another site than the newcomer is preferred
     * @param seed            the random seed
     * @param context         the programme, or null
     */
    public record Request(String formationId, List<Onboarder> onboarders, List<Participant> newcomers,
                          boolean preferOtherSite, long seed, String context) {
        /** @throws IllegalArgumentException if the id is blank or a person appears twice */
        public Request {
            Require.id("formationId", formationId);
            onboarders = Require.list("onboarders", onboarders);
            newcomers = Require.list("newcomers", newcomers);
            java.util.Set<fi.kasvu.common.PersonId> seen = new java.util.HashSet<>();
            for (Onboarder o : onboarders) {
                if (!seen.add(o.participant().id())) {
                    throw new IllegalArgumentException("onboarders must not repeat a person: " + o.participant().id());
                }
            }
            for (Participant n : newcomers) {
                if (!seen.add(n.id())) {
                    throw new IllegalArgumentException("newcomers must not repeat a person or an onboarder: " + n.id());
                }
            }
        }
    }

    /** Who may onboard whom (a shared language) and how well (another site, a shared interest). */
    private record Fit(boolean[][] eligible, double[][] score, int[] eligibleCount, double wSite, double wInterest) {
    }

    private static Fit fit(Request request) {
        List<Onboarder> onboarders = request.onboarders();
        List<Participant> newcomers = request.newcomers();
        int o = onboarders.size();
        int n = newcomers.size();
        double wSite = request.preferOtherSite() ? 0.5 : 0.0;
        double wInterest = 0.5;
        boolean[][] eligible = new boolean[n][o];
        double[][] score = new double[n][o];
        int[] eligibleCount = new int[n];
        for (int i = 0; i < n; i++) {
            Participant newcomer = newcomers.get(i);
            for (int j = 0; j < o; j++) {
                Participant onboarder = onboarders.get(j).participant();
                eligible[i][j] = newcomer.languages().stream().anyMatch(onboarder::speaks);
                if (eligible[i][j]) {
                    eligibleCount[i]++;
                    boolean otherSite = !newcomer.site().equalsIgnoreCase(onboarder.site());
                    boolean shared = newcomer.interestSet().stream().anyMatch(onboarder.interestSet()::contains);
                    score[i][j] = (otherSite ? wSite : 0) + (shared ? wInterest : 0);
                }
            }
        }
        return new Fit(eligible, score, eligibleCount, wSite, wInterest);
    }

    /** Assigns the newcomers; the same request always gives the same result. */
    public static Formation assign(Request request) {
        List<Onboarder> onboarders = request.onboarders();
        List<Participant> newcomers = request.newcomers();
        int o = onboarders.size();
        int n = newcomers.size();
        Fit fit = fit(request);
        boolean[][] eligible = fit.eligible();
        double[][] score = fit.score();
        int[] eligibleCount = fit.eligibleCount();
        SplittableRandom random = new SplittableRandom(request.seed());
        long[] tie = random.longs(n).toArray();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> eligibleCount[i]).thenComparingLong(i -> tie[i]));
        int[] assigned = new int[n];
        Arrays.fill(assigned, -1);
        int[] load = new int[o];
        List<Unassigned> unassigned = new ArrayList<>();
        for (int i : order) {
            int best = bestFree(i, eligible, score, load, onboarders);
            if (best < 0) {
                best = freeByMoving(i, eligible, score, load, assigned, onboarders);
            }
            if (best < 0) {
                Participant p = newcomers.get(i);
                Reason reason = eligibleCount[i] == 0
                        ? Reason.of("peer.unassigned.noOnboarderLanguage", "languages", languageCodes(p),
                        "onboarders", o)
                        : Reason.of("peer.unassigned.onboardersFull", "eligible", eligibleCount[i],
                        "capacity", capacityOf(i, eligible, onboarders));
                unassigned.add(new Unassigned(p, reason));
                continue;
            }
            assigned[i] = best;
            load[best]++;
        }
        long steps = improve(assigned, load, eligible, score, onboarders, random, 50L * n + 1000);
        return formation(request, fit, assigned, unassigned, steps);
    }

    /**
     * Scores and checks an assignment made elsewhere (an organiser's move by hand) with the same
     * rules as {@link #assign}: a group per onboarder with newcomers, the same explanations and
     * scores, and each broken hard constraint listed with the people involved: an onboarder with
     * more newcomers than their capacity ({@code CAPACITY}), a newcomer who shares no language with
     * their onboarder ({@code SHARED_LANGUAGE}). A newcomer the assignment leaves out is unassigned.
     *
     * @param assignment each placed newcomer's onboarder
     * @throws IllegalArgumentException if the assignment names someone who is not a newcomer, or an
     *                                  onboarder who is not one of the request's
     */
    public static Formation evaluate(Request request, Map<fi.kasvu.common.PersonId, fi.kasvu.common.PersonId> assignment) {
        Require.nonNull("assignment", assignment);
        List<Onboarder> onboarders = request.onboarders();
        List<Participant> newcomers = request.newcomers();
        Map<fi.kasvu.common.PersonId, Integer> onboarderIndex = new java.util.HashMap<>();
        for (int j = 0; j < onboarders.size(); j++) {
            onboarderIndex.put(onboarders.get(j).participant().id(), j);
        }
        java.util.Set<fi.kasvu.common.PersonId> known = new java.util.HashSet<>();
        newcomers.forEach(p -> known.add(p.id()));
        for (Map.Entry<fi.kasvu.common.PersonId, fi.kasvu.common.PersonId> entry : assignment.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new IllegalArgumentException("not a newcomer of the pool: " + entry.getKey());
            }
            if (!onboarderIndex.containsKey(entry.getValue())) {
                throw new IllegalArgumentException("not an onboarder of the pool: " + entry.getValue());
            }
        }
        int[] assigned = new int[newcomers.size()];
        List<Unassigned> unassigned = new ArrayList<>();
        for (int i = 0; i < newcomers.size(); i++) {
            fi.kasvu.common.PersonId onboarder = assignment.get(newcomers.get(i).id());
            assigned[i] = onboarder == null ? -1 : onboarderIndex.get(onboarder);
            if (onboarder == null) {
                unassigned.add(new Unassigned(newcomers.get(i), Reason.of("peer.unassigned.notPlaced")));
            }
        }
        return formation(request, fit(request), assigned, unassigned, 0);
    }

    private static Formation formation(Request request, Fit fit, int[] assigned, List<Unassigned> unassigned,
                                       long steps) {
        List<Onboarder> onboarders = request.onboarders();
        List<Participant> newcomers = request.newcomers();
        int o = onboarders.size();
        int n = newcomers.size();
        boolean[][] eligible = fit.eligible();
        double[][] score = fit.score();
        double wSite = fit.wSite();
        double wInterest = fit.wInterest();
        List<Reason> findings = new ArrayList<>();
        int capacity = onboarders.stream().mapToInt(Onboarder::capacity).sum();
        findings.add(Reason.of("peer.finding.poolCapacity", "newcomers", n, "onboarders", o, "capacity", capacity,
                "short", Math.max(0, n - capacity)));
        List<FormedGroup> groups = new ArrayList<>();
        double sum = 0;
        double bound = 0;
        int placed = 0;
        for (int i = 0; i < n; i++) {
            double best = 0;
            for (int j = 0; j < o; j++) {
                if (eligible[i][j]) {
                    best = Math.max(best, score[i][j]);
                }
            }
            if (assigned[i] >= 0) {
                bound += best;
            }
        }
        for (int j = 0; j < o; j++) {
            List<GroupMember> members = new ArrayList<>();
            members.add(new GroupMember(onboarders.get(j).participant(), MemberRole.ONBOARDER));
            int otherSite = 0;
            int shared = 0;
            for (int i = 0; i < n; i++) {
                if (assigned[i] == j) {
                    Participant p = newcomers.get(i);
                    members.add(new GroupMember(p, MemberRole.ONBOARDEE));
                    otherSite += p.site().equalsIgnoreCase(onboarders.get(j).participant().site()) ? 0 : 1;
                    shared += p.interestSet().stream().anyMatch(onboarders.get(j).participant().interestSet()::contains) ? 1 : 0;
                    sum += score[i][j];
                    placed++;
                }
            }
            int k = members.size() - 1;
            if (k == 0) {
                continue;
            }
            Map<Criterion, Double> values = new EnumMap<>(Criterion.class);
            values.put(Criterion.REGION_DIVERSITY, (double) otherSite / k);
            values.put(Criterion.SHARED_INTERESTS, (double) shared / k);
            Map<Criterion, Double> contributions = new EnumMap<>(Criterion.class);
            contributions.put(Criterion.REGION_DIVERSITY, wSite * otherSite / k);
            contributions.put(Criterion.SHARED_INTERESTS, wInterest * shared / k);
            List<Reason> explanation = List.of(Reason.of("peer.group.pool", "taken", k,
                    "capacity", onboarders.get(j).capacity(), "otherSite", otherSite, "shared", shared));
            int number = groups.size() + 1;
            List<Violation> violations = new ArrayList<>();
            Participant onboarder = onboarders.get(j).participant();
            if (k > onboarders.get(j).capacity()) {
                violations.add(new Violation(HardConstraint.CAPACITY, number,
                        members.stream().map(m -> m.participant().id()).toList(), Reason.of("peer.violation.capacity",
                        "onboarder", onboarder.name(), "count", k, "capacity", onboarders.get(j).capacity())));
            }
            for (int i = 0; i < n; i++) {
                if (assigned[i] == j && !eligible[i][j]) {
                    violations.add(new Violation(HardConstraint.SHARED_LANGUAGE, number,
                            List.of(newcomers.get(i).id(), onboarder.id()), Reason.of("peer.violation.poolLanguage",
                            "newcomer", newcomers.get(i).name(), "newcomerLanguages", languageCodes(newcomers.get(i)),
                            "onboarder", onboarder.name(), "onboarderLanguages", languageCodes(onboarder))));
                }
            }
            groups.add(new FormedGroup(number, members, new GroupScore(values, contributions), explanation,
                    List.of(), violations.isEmpty() ? List.of() : violations));
        }
        int idle = o - groups.size();
        if (idle > 0) {
            findings.add(Reason.of("peer.finding.poolIdle", "idle", idle));
        }
        double cohort = placed == 0 ? 0 : sum / placed;
        double upper = placed == 0 ? 0 : Math.max(cohort, bound / placed);
        findings.add(Reason.of("peer.finding.poolScore", "cohort", GroupFormation.score(cohort),
                "bound", GroupFormation.score(upper)));
        return new Formation(request.formationId(), GroupKind.ONBOARDING_POOL, request.context(), request.seed(),
                GroupingKey.SITE, groups, unassigned, cohort, upper, findings, steps);
    }

    private static int bestFree(int i, boolean[][] eligible, double[][] score, int[] load, List<Onboarder> onboarders) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < load.length; j++) {
            if (eligible[i][j] && load[j] < onboarders.get(j).capacity()) {
                double value = score[i][j] - 0.01 * load[j] / onboarders.get(j).capacity();
                if (value > bestValue) {
                    bestValue = value;
                    best = j;
                }
            }
        }
        return best;
    }

    /** Frees a place for newcomer i at an eligible onboarder by moving one earlier newcomer elsewhere; -1 if none. */
    private static int freeByMoving(int i, boolean[][] eligible, double[][] score, int[] load, int[] assigned,
                                    List<Onboarder> onboarders) {
        for (int j = 0; j < load.length; j++) {
            if (!eligible[i][j]) {
                continue;
            }
            for (int other = 0; other < assigned.length; other++) {
                if (assigned[other] == j) {
                    load[j]--;
                    int elsewhere = bestFree(other, eligible, score, load, onboarders);
                    load[j]++;
                    if (elsewhere >= 0 && elsewhere != j) {
                        assigned[other] = elsewhere;
                        load[elsewhere]++;
                        load[j]--;
                        return j;
                    }
                }
            }
        }
        return -1;
    }

    private static long improve(int[] assigned, int[] load, boolean[][] eligible, double[][] score,
                                List<Onboarder> onboarders, SplittableRandom random, long budget) {
        int n = assigned.length;
        int o = load.length;
        if (n < 1 || o < 2) {
            return 0;
        }
        long step = 0;
        for (; step < budget; step++) {
            int a = random.nextInt(n);
            if (assigned[a] < 0) {
                continue;
            }
            if (random.nextBoolean()) {
                int j = random.nextInt(o);
                if (j != assigned[a] && eligible[a][j] && load[j] < onboarders.get(j).capacity()
                        && score[a][j] > score[a][assigned[a]]) {
                    load[assigned[a]]--;
                    load[j]++;
                    assigned[a] = j;
                }
            } else {
                int b = random.nextInt(n);
                int ja = assigned[a];
                int jb = assigned[b];
                if (jb >= 0 && ja != jb && eligible[a][jb] && eligible[b][ja]
                        && score[a][jb] + score[b][ja] > score[a][ja] + score[b][jb] + 1e-12) {
                    assigned[a] = jb;
                    assigned[b] = ja;
                }
            }
        }
        return step;
    }

    private static int capacityOf(int i, boolean[][] eligible, List<Onboarder> onboarders) {
        int capacity = 0;
        for (int j = 0; j < onboarders.size(); j++) {
            if (eligible[i][j]) {
                capacity += onboarders.get(j).capacity();
            }
        }
        return capacity;
    }

    private static String languageCodes(Participant p) {
        return String.join(",", p.languages().stream().map(fi.kasvu.common.Language::code).toList());
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Forms peer triads, reverse-mentoring groups and coaching groups under hard constraints
 * (size, distinct organisation/unit/site, no reporting line inside a group, a shared language,
 * reverse-mentoring quotas) while maximising the soft goals (diversity of organisations and
 * regions, shared interests, new encounters). The result carries each group's score with each
 * criterion's contribution, the cohort score, an upper bound no grouping can exceed, and, when
 * the population makes a hard constraint impossible, an explanation in numbers and the best
 * grouping under the relaxed constraint with every violation listed.
 *
 * <p>The same request (including its seed) always gives the same formation.
 */
public final class GroupFormation {

    private GroupFormation() {
    }

    /** Forms the groups, reporting no progress. */
    public static Formation form(FormationRequest request) {
        return form(request, FormationProgress.NONE);
    }

    /**
     * Forms the groups.
     *
     * @param progress told now and then how the search is going
     * @throws NullPointerException if the request or progress is null
     */
    public static Formation form(FormationRequest request, FormationProgress progress) {
        java.util.Objects.requireNonNull(progress, "progress must not be null");
        boolean reverse = request.kind() == GroupKind.REVERSE_MENTORING;
        List<Participant> included = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        List<Reason> findings = new ArrayList<>();
        if (reverse) {
            long supervisors = request.participants().stream().filter(p -> p.role().equals(ParticipantRole.SUPERVISOR)).count();
            long newcomers = request.participants().stream().filter(p -> p.role().equals(ParticipantRole.NEWCOMER)).count();
            for (Participant p : request.participants()) {
                if (!p.role().equals(ParticipantRole.SUPERVISOR) && !p.role().equals(ParticipantRole.NEWCOMER)) {
                    unassigned.add(new Unassigned(p, Reason.of("peer.unassigned.roleNeither", "role", p.role())));
                } else if (supervisors == 0 || newcomers == 0) {
                    unassigned.add(new Unassigned(p, Reason.of("peer.unassigned.reverseNeedsBoth",
                            "supervisors", supervisors, "newcomers", newcomers)));
                } else {
                    included.add(p);
                }
            }
        } else {
            included.addAll(request.participants());
        }
        if (included.size() == 1) {
            unassigned.add(new Unassigned(included.get(0), Reason.of("peer.unassigned.alone")));
            included.clear();
        }
        if (included.isEmpty()) {
            findings.add(Reason.of("peer.finding.none", "participants", request.participants().size()));
            return new Formation(request.formationId(), request.kind(), request.context(), request.seed(),
                    request.groupingKey(), List.of(), unassigned, 0, 0, findings, 0);
        }
        Population pop = new Population(included, request.groupingKey(), request.previous(), reverse);
        Sizing sizing;
        if (reverse) {
            int newcomers = 0;
            for (int s : pop.side) {
                newcomers += s;
            }
            sizing = Sizing.reverseMentoring(pop.n - newcomers, newcomers, request.quota());
        } else {
            sizing = Sizing.of(pop.n, request.size(), request.kind());
        }
        findings.addAll(sizing.findings);
        double[] weights = weights(request, pop, findings);
        findings.addAll(infeasibility(request, pop, sizing));
        int minSize = java.util.Arrays.stream(sizing.sizes).min().orElse(2);
        double boundTotal = boundTotal(pop, sizing.sizes.length, minSize, weights);
        long budget = request.maxIterations() > 0 ? request.maxIterations() : Math.min(1_000_000L, 20_000L + 30L * pop.n);
        int restarts = request.maxIterations() > 0 || pop.n > 2_000 ? 1 : pop.n > 500 ? 2 : 4;
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(request.seed());
        Search search = null;
        long steps = 0;
        for (int run = 0; run < restarts; run++) {
            Search attempt = new Search(pop, sizing, request.size(), reverse ? request.quota() : null, weights,
                    run == 0 ? request.seed() : seeds.nextLong(), request.kind() == GroupKind.COACHING_GROUP);
            attempt.improve(budget, boundTotal, progress);
            steps += attempt.iterations;
            if (search == null || attempt.hardTotal < search.hardTotal
                    || (attempt.hardTotal == search.hardTotal && attempt.total > search.total + 1e-9)) {
                search = attempt;
            }
            if (search.hardTotal == 0 && search.total >= boundTotal - 1e-9) {
                break;
            }
        }

        List<FormedGroup> groups = new ArrayList<>();
        double weightedSum = 0;
        List<int[]> result = search.result();
        Map<Integer, List<Reason>> plannedNotes = new TreeMap<>();
        for (int g = 0; g < sizing.sizes.length; g++) {
            plannedNotes.computeIfAbsent(sizing.sizes[g], k -> new ArrayList<>()).add(sizing.groupNotes[g]);
        }
        for (int g = 0; g < result.size(); g++) {
            int[] m = result.get(g);
            List<Reason> notes = plannedNotes.getOrDefault(m.length, new ArrayList<>());
            Reason note = !notes.isEmpty() ? notes.remove(notes.size() - 1)
                    : Reason.of("peer.group.searchMoved", "size", m.length, "target", request.size().target(),
                    "min", request.size().min(), "max", request.size().max());
            FormedGroup group = describe(g + 1, m, pop, request, weights, note);
            groups.add(group);
            weightedSum += group.score().total() * m.length;
        }
        double cohort = weightedSum / pop.n;
        double bound = Math.max(cohort, boundTotal / pop.n);
        long violating = groups.stream().filter(g -> !g.violations().isEmpty()).count();
        if (violating == 0) {
            findings.add(Reason.of("peer.finding.allHold", "groups", groups.size()));
        } else {
            findings.add(Reason.of("peer.finding.violating", "violating", violating, "groups", groups.size(),
                    "violations", groups.stream().mapToInt(g -> g.violations().size()).sum()));
        }
        findings.add(Reason.of("peer.finding.score", "cohort", score(cohort), "bound", score(bound),
                "gap", score(bound - cohort), "steps", steps));
        return new Formation(request.formationId(), request.kind(), request.context(), request.seed(), request.groupingKey(),
                groups, unassigned, cohort, bound, findings, steps);
    }

    /**
     * Scores and checks a grouping made elsewhere (by hand, by another tool, a baseline) exactly as
     * a formed one is scored, with the same upper bound, so that the two can be compared.
     *
     * @param grouping groups as member ids; each id must be one of the request's participants, at most once
     * @throws IllegalArgumentException naming the id if it is unknown or appears twice, or if a group has fewer than 2 members
     */
    public static Formation evaluate(FormationRequest request, List<List<PersonId>> grouping) {
        boolean reverse = request.kind() == GroupKind.REVERSE_MENTORING;
        Map<PersonId, Participant> byId = new LinkedHashMap<>();
        request.participants().forEach(p -> byId.put(p.id(), p));
        List<Participant> included = new ArrayList<>();
        java.util.Set<PersonId> seen = new java.util.HashSet<>();
        for (int g = 0; g < grouping.size(); g++) {
            if (grouping.get(g).size() < 2) {
                throw new IllegalArgumentException("grouping[" + g + "] must have at least 2 members: " + grouping.get(g).size());
            }
            for (PersonId id : grouping.get(g)) {
                Participant p = byId.get(id);
                if (p == null) {
                    throw new IllegalArgumentException("grouping[" + g + "] names an unknown participant: " + id);
                }
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("grouping[" + g + "] repeats a participant: " + id);
                }
                included.add(p);
            }
        }
        List<Unassigned> unassigned = request.participants().stream().filter(p -> !seen.contains(p.id()))
                .map(p -> new Unassigned(p, Reason.of("peer.unassigned.notEvaluated"))).toList();
        List<Reason> findings = new ArrayList<>();
        if (included.isEmpty()) {
            return new Formation(request.formationId(), request.kind(), request.context(), request.seed(),
                    request.groupingKey(), List.of(), unassigned, 0, 0, findings, 0);
        }
        Population pop = new Population(included, request.groupingKey(), request.previous(), reverse);
        double[] weights = weights(request, pop, findings);
        Map<PersonId, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < pop.n; i++) {
            index.put(pop.people.get(i).id(), i);
        }
        List<FormedGroup> groups = new ArrayList<>();
        double weightedSum = 0;
        int minSize = Integer.MAX_VALUE;
        for (List<PersonId> ids : grouping) {
            int[] m = ids.stream().mapToInt(index::get).toArray();
            FormedGroup group = describe(groups.size() + 1, m, pop, request, weights, null);
            groups.add(group);
            weightedSum += group.score().total() * m.length;
            minSize = Math.min(minSize, m.length);
        }
        double cohort = weightedSum / pop.n;
        double bound = Math.max(cohort, boundTotal(pop, groups.size(), minSize, weights) / pop.n);
        findings.add(Reason.of("peer.finding.evaluated", "cohort", score(cohort), "bound", score(bound),
                "violations", groups.stream().mapToInt(g -> g.violations().size()).sum()));
        return new Formation(request.formationId(), request.kind(), request.context(), request.seed(), request.groupingKey(),
                groups, unassigned, cohort, bound, findings, 0);
    }

    private static double[] weights(FormationRequest request, Population pop, List<Reason> findings) {
        double[] w = {
            request.weights().get(Criterion.ORGANISATION_DIVERSITY),
            request.weights().get(Criterion.REGION_DIVERSITY),
            request.weights().get(Criterion.SHARED_INTERESTS),
            request.weights().get(Criterion.NEW_ENCOUNTERS)};
        if (pop.distinctSites == 0 && w[1] > 0) {
            w[1] = 0;
            findings.add(Reason.of("peer.finding.noSites"));
        }
        if (pop.distinctInterests == 0 && w[2] > 0) {
            w[2] = 0;
            findings.add(Reason.of("peer.finding.noInterests"));
        }
        return w;
    }

    /** The largest total soft score any grouping into these groups can reach; see docs/peer-groups.md for the proof. */
    static double boundTotal(Population pop, int groups, int minSize, double[] w) {
        double orgs = distinctBound(pop.org, groups);
        double sites = distinctBound(pop.site, groups);
        int[] interestDegree = pop.interestDegrees();
        double interests = 0;
        double fresh = 0;
        for (int i = 0; i < pop.n; i++) {
            interests += Math.min(1.0, (double) interestDegree[i] / Math.max(1, minSize - 1));
            fresh += Math.min(1.0, (double) (pop.n - 1 - pop.previous[i].length) / Math.max(1, minSize - 1));
        }
        return w[0] * orgs + w[1] * sites + w[2] * interests + w[3] * fresh;
    }

    private static double distinctBound(int[] values, int groups) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(c -> Math.min(c, groups)).sum();
    }

    private static List<Reason> infeasibility(FormationRequest request, Population pop, Sizing sizing) {
        List<Reason> findings = new ArrayList<>();
        int groups = sizing.sizes.length;
        int maxSize = java.util.Arrays.stream(sizing.sizes).max().orElse(2);
        int minSize = java.util.Arrays.stream(sizing.sizes).min().orElse(2);
        int[] counts = new int[pop.keyNames.size()];
        for (int k : pop.key) {
            counts[k]++;
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > groups) {
                int excess = counts[k] - groups;
                int repeating = (excess + maxSize - 2) / (maxSize - 1);
                findings.add(Reason.of("peer.finding.keyCrowded", "key", request.groupingKey().name(),
                        "kind", request.kind().name(), "name", pop.keyNames.get(k), "count", counts[k],
                        "participants", pop.n, "groups", groups, "excess", excess, "repeating", repeating));
            }
        }
        int[] byMask = new int[8];
        for (int mask : pop.languages) {
            byMask[mask]++;
        }
        for (int mask = 1; mask < 8; mask++) {
            if (byMask[mask] == 0) {
                continue;
            }
            int partners = -1;
            for (int other = 1; other < 8; other++) {
                if ((other & mask) != 0) {
                    partners += byMask[other];
                }
            }
            if (partners < minSize - 1) {
                findings.add(Reason.of("peer.finding.language", "count", byMask[mask],
                        "languages", String.join(",", languageCodes(mask)), "partners", partners, "minSize", minSize));
            }
        }
        return findings;
    }

    private static List<String> languageCodes(int mask) {
        List<String> codes = new ArrayList<>();
        for (Language language : Language.values()) {
            if ((mask & (1 << language.ordinal())) != 0) {
                codes.add(language.code());
            }
        }
        return codes;
    }

    /** A score as reasons keep it: four decimals, with a decimal point. */
    static String score(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static FormedGroup describe(int number, int[] m, Population pop, FormationRequest request, double[] w,
                                        Reason sizeNote) {
        int s = m.length;
        boolean reverse = request.kind() == GroupKind.REVERSE_MENTORING;
        List<GroupMember> members = new ArrayList<>(s);
        for (int i : m) {
            Participant p = pop.people.get(i);
            MemberRole role = reverse ? (pop.side[i] == 1 ? MemberRole.MENTEE : MemberRole.MENTOR) : MemberRole.PEER;
            members.add(new GroupMember(p, role));
        }
        long orgs = java.util.Arrays.stream(m).map(i -> pop.org[i]).distinct().count();
        long sites = java.util.Arrays.stream(m).map(i -> pop.site[i]).distinct().count();
        int pairs = s * (s - 1) / 2;
        int shared = 0;
        int fresh = 0;
        Map<String, Integer> interestCounts = new TreeMap<>();
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < a; b++) {
                shared += pop.shareInterest(m[a], m[b]) ? 1 : 0;
                fresh += pop.metBefore(m[a], m[b]) ? 0 : 1;
            }
            for (String interest : pop.people.get(m[a]).interestSet()) {
                interestCounts.merge(interest, 1, Integer::sum);
            }
        }
        Map<Criterion, Double> values = new EnumMap<>(Criterion.class);
        values.put(Criterion.ORGANISATION_DIVERSITY, (double) orgs / s);
        values.put(Criterion.REGION_DIVERSITY, (double) sites / s);
        values.put(Criterion.SHARED_INTERESTS, pairs == 0 ? 0 : (double) shared / pairs);
        values.put(Criterion.NEW_ENCOUNTERS, pairs == 0 ? 0 : (double) fresh / pairs);
        Map<Criterion, Double> contributions = new EnumMap<>(Criterion.class);
        Criterion[] order = Criterion.values();
        for (int c = 0; c < order.length; c++) {
            contributions.put(order[c], w[c] * values.get(order[c]));
        }
        List<Violation> violations = violations(number, m, pop, request);
        List<String> common = interestCounts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .limit(3).toList();
        List<Reason> explanation = new ArrayList<>();
        explanation.add(Reason.of("peer.group.composition", "size", s, "organisations", orgs, "sites", sites,
                "shared", shared, "pairs", pairs, "interests", String.join(", ", common), "met", pairs - fresh));
        if (sizeNote != null) {
            explanation.add(sizeNote);
        }
        if (!violations.isEmpty()) {
            explanation.add(Reason.of("peer.group.broken", "count", violations.size()));
        }
        List<Meeting.Planned> meetings = new ArrayList<>();
        MeetingPlan plan = request.meetings();
        if (plan != null) {
            List<PersonId> ids = members.stream().map(x -> x.participant().id()).toList();
            List<Map<PersonId, TriadRole>> roles = request.kind() == GroupKind.PEER_TRIAD && s >= 2
                    ? RoleRotation.plan(ids, plan.count()) : null;
            for (int k = 1; k <= plan.count(); k++) {
                meetings.add(new Meeting.Planned(k, plan.dateOf(k), "", roles == null ? Map.of() : roles.get(k - 1)));
            }
        }
        return new FormedGroup(number, members, new GroupScore(values, contributions), explanation, meetings, violations);
    }

    private static List<Violation> violations(int number, int[] m, Population pop, FormationRequest request) {
        List<Violation> found = new ArrayList<>();
        Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i : m) {
            byKey.computeIfAbsent(pop.key[i], k -> new ArrayList<>()).add(i);
        }
        byKey.forEach((k, same) -> {
            if (same.size() > 1) {
                found.add(new Violation(HardConstraint.DISTINCT_KEY, number, ids(pop, same), Reason.of(
                        "peer.violation.distinctKey", "count", same.size(), "key", request.groupingKey().name(),
                        "name", pop.keyNames.get(k), "members", names(pop, same))));
            }
        });
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                if (a != b && contains(pop.above[m[a]], m[b])) {
                    List<Integer> pair = List.of(m[b], m[a]);
                    found.add(new Violation(HardConstraint.REPORTING_LINE, number, ids(pop, pair), Reason.of(
                            "peer.violation.reportingLine", "member", pop.people.get(m[a]).id().value(),
                            "above", pop.people.get(m[b]).id().value())));
                }
            }
        }
        int common = 7;
        for (int i : m) {
            common &= pop.languages[i];
        }
        if (common == 0) {
            List<Integer> all = java.util.Arrays.stream(m).boxed().toList();
            found.add(new Violation(HardConstraint.SHARED_LANGUAGE, number, ids(pop, all), Reason.of(
                    "peer.violation.sharedLanguage", "members", all.stream().map(i -> pop.people.get(i).id() + " ("
                            + String.join(", ", languageCodes(pop.languages[i])) + ")").collect(Collectors.joining(", ")))));
        }
        List<Integer> all = java.util.Arrays.stream(m).boxed().toList();
        if (request.kind() == GroupKind.REVERSE_MENTORING) {
            RoleQuota q = request.quota();
            int newcomers = 0;
            for (int i : m) {
                newcomers += pop.side[i];
            }
            int supervisors = m.length - newcomers;
            if (supervisors < q.minSupervisors() || supervisors > q.maxSupervisors()
                    || newcomers < q.minNewcomers() || newcomers > q.maxNewcomers()) {
                found.add(new Violation(HardConstraint.ROLE_QUOTA, number, ids(pop, all), Reason.of(
                        "peer.violation.roleQuota", "supervisors", supervisors, "newcomers", newcomers,
                        "minSupervisors", q.minSupervisors(), "maxSupervisors", q.maxSupervisors(),
                        "minNewcomers", q.minNewcomers(), "maxNewcomers", q.maxNewcomers())));
            }
        } else if (!request.size().allows(m.length)) {
            found.add(new Violation(HardConstraint.GROUP_SIZE, number, ids(pop, all), Reason.of(
                    "peer.violation.groupSize", "size", m.length, "min", request.size().min(),
                    "max", request.size().max(), "target", request.size().target())));
        }
        return found;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static List<PersonId> ids(Population pop, List<Integer> indices) {
        return indices.stream().map(i -> pop.people.get(i).id()).toList();
    }

    private static String names(Population pop, List<Integer> indices) {
        return indices.stream().map(i -> pop.people.get(i).id().value()).collect(Collectors.joining(", "));
    }
}

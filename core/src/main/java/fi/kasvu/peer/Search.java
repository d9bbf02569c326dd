package fi.kasvu.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Construction and local search over a fixed number of groups. Construction fills one group
 * at a time with the best of a sample of the people left (see {@link #construct}). Local search then takes sampled swaps (and moves between groups
 * whose size rule leaves room) that do not lower the objective, with a short tabu tenure against
 * undoing a step at once, and kicks the grouping with a few random swaps when it stagnates,
 * keeping the best grouping seen; it stops at the step budget, at the upper bound, or after
 * several kicks in a row found nothing better. Hard constraints weigh {@link #HARD} per broken unit, far
 * above any soft score, so a feasible grouping always beats an infeasible one. Everything is
 * driven by one seeded random source, so a seed reproduces a run exactly.
 */
final class Search {

    static final double HARD = 1000.0;
    private static final int CANDIDATES = 8;
    private static final int CONSTRUCTION_SAMPLE = 64;
    private static final int REPORT_EVERY = 1 << 16;
    /** Kicks in a row that found nothing better before the search gives up early. */
    private static final int MAX_FRUITLESS_KICKS = 8;

    final Population pop;
    final int groups;
    final int[][] members;
    final int[] size;
    final int[] groupOf;
    final int[] position;
    final double[] value;
    private final SizeRule rule;
    private final RoleQuota quota;
    private final double wOrg;
    private final double wRegion;
    private final double wInterest;
    private final double wNew;
    private final boolean flexible;
    private final SplittableRandom random;
    private final int[][] bySide;
    private final long[] tabu;
    private final int[] imperfect;
    private final int[] imperfectAt;
    private int imperfectCount;
    double total;
    int hardTotal;
    long iterations;

    /** @param moves whether members may move between groups within the size rule (sizes fixed by the remainder rule otherwise) */
    Search(Population pop, Sizing sizing, SizeRule rule, RoleQuota quota, double[] weights, long seed, boolean moves) {
        this.pop = pop;
        this.groups = sizing.sizes.length;
        this.rule = rule;
        this.quota = quota;
        this.wOrg = weights[0];
        this.wRegion = weights[1];
        this.wInterest = weights[2];
        this.wNew = weights[3];
        this.flexible = moves && quota == null && rule.min() < rule.max();
        this.random = new SplittableRandom(seed);
        int capacity = Math.max(rule.max(), Arrays.stream(sizing.sizes).max().orElse(0));
        this.members = new int[groups][capacity];
        this.size = new int[groups];
        this.groupOf = new int[pop.n];
        this.position = new int[pop.n];
        this.value = new double[groups];
        this.tabu = new long[pop.n];
        this.imperfect = new int[groups];
        this.imperfectAt = new int[groups];
        Arrays.fill(imperfectAt, -1);
        int newcomers = 0;
        for (int s : pop.side) {
            newcomers += s;
        }
        bySide = new int[][] {new int[pop.n - newcomers], new int[newcomers]};
        int[] fill = new int[2];
        for (int i = 0; i < pop.n; i++) {
            bySide[pop.side[i]][fill[pop.side[i]]++] = i;
        }
        construct(sizing);
    }

    /**
     * Greedy construction in the manner of GroupAL, but aware of the hard constraints: each group
     * starts from someone of the grouping key with the most people still unplaced, and each further
     * slot takes the best of a sample of the people left (all of them when few are left).
     */
    private void construct(Sizing sizing) {
        int[] keyLeft = new int[pop.keyNames.size()];
        for (int k : pop.key) {
            keyLeft[k]++;
        }
        int[][] left = new int[2][];
        int[] leftCount = new int[2];
        for (int side = 0; side < 2; side++) {
            left[side] = bySide[side].clone();
            leftCount[side] = left[side].length;
            for (int i = left[side].length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = left[side][i];
                left[side][i] = left[side][j];
                left[side][j] = t;
            }
        }
        // A group's first member is the first person (in the order of the side's array) of a key
        // with the most people unplaced; FirstPicks finds that person without scanning the array,
        // which kept construction near-linear only while keys were few (FirstPicksTest compares the two).
        FirstPicks firsts = new FirstPicks(pop.key, keyLeft, left, leftCount);
        for (int g = 0; g < groups; g++) {
            for (int side = 0; side < 2; side++) {
                int wanted = sizing.supervisorSlots == null ? (side == 0 ? sizing.sizes[g] : 0)
                        : side == 0 ? sizing.supervisorSlots[g] : sizing.sizes[g] - sizing.supervisorSlots[g];
                for (int slot = 0; slot < wanted && leftCount[side] > 0; slot++) {
                    int pick = size[g] == 0 ? firsts.pick(side) : bestCandidate(g, left[side], leftCount[side]);
                    int person = left[side][pick];
                    int last = leftCount[side] - 1;
                    firsts.remove(side, left[side], pick, last);
                    left[side][pick] = left[side][last];
                    leftCount[side] = last;
                    place(person, g);
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            value[g] = evaluate(g);
            total += value[g];
            hardTotal += hardOf(value[g]);
            track(g);
        }
    }

    private int bestCandidate(int g, int[] left, int count) {
        int samples = Math.min(count, CONSTRUCTION_SAMPLE);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < samples; s++) {
            int i = count <= CONSTRUCTION_SAMPLE ? s : random.nextInt(count);
            members[g][size[g]] = left[i];
            size[g]++;
            double v = evaluate(g);
            size[g]--;
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    private void place(int person, int g) {
        members[g][size[g]] = person;
        position[person] = size[g];
        groupOf[person] = g;
        size[g]++;
    }

    static int hardOf(double value) {
        return value < 0 ? (int) Math.ceil(-value / HARD - 1e-9) : 0;
    }

    /** The group's objective: its soft score (times its size) minus {@link #HARD} per broken hard-constraint unit. */
    double evaluate(int g) {
        int[] m = members[g];
        int s = size[g];
        int distinctKeys = 0;
        int distinctOrgs = 0;
        int distinctSites = 0;
        int shared = 0;
        int fresh = 0;
        int line = 0;
        int common = 7;
        int supervisors = 0;
        for (int i = 0; i < s; i++) {
            int a = m[i];
            common &= pop.languages[a];
            supervisors += 1 - pop.side[a];
            boolean newKey = true;
            boolean newOrg = true;
            boolean newSite = true;
            for (int j = 0; j < i; j++) {
                int b = m[j];
                newKey &= pop.key[a] != pop.key[b];
                newOrg &= pop.org[a] != pop.org[b];
                newSite &= pop.site[a] != pop.site[b];
                if (pop.shareInterest(a, b)) {
                    shared++;
                }
                if (!pop.metBefore(a, b)) {
                    fresh++;
                }
                if (pop.inLine(a, b)) {
                    line++;
                }
            }
            distinctKeys += newKey ? 1 : 0;
            distinctOrgs += newOrg ? 1 : 0;
            distinctSites += newSite ? 1 : 0;
        }
        int hard = s - distinctKeys + line + (common == 0 && s > 0 ? 1 : 0);
        if (quota != null) {
            int newcomers = s - supervisors;
            hard += Math.max(0, quota.minSupervisors() - supervisors) + Math.max(0, supervisors - quota.maxSupervisors())
                    + Math.max(0, quota.minNewcomers() - newcomers) + Math.max(0, newcomers - quota.maxNewcomers());
        } else if (!rule.allows(s)) {
            hard += 1;
        }
        int pairs = s * (s - 1) / 2;
        double soft = wOrg * distinctOrgs + wRegion * distinctSites
                + (pairs > 0 ? s * (wInterest * shared + wNew * fresh) / pairs : 0);
        return soft - HARD * hard;
    }

    private void swap(int a, int b) {
        int ga = groupOf[a];
        int gb = groupOf[b];
        int pa = position[a];
        int pb = position[b];
        members[ga][pa] = b;
        members[gb][pb] = a;
        groupOf[a] = gb;
        groupOf[b] = ga;
        position[a] = pb;
        position[b] = pa;
    }

    /** Moves the person to group h (appended there); the last member of their old group takes their place. */
    private void move(int a, int h) {
        int g = groupOf[a];
        int p = position[a];
        int last = members[g][size[g] - 1];
        members[g][p] = last;
        position[last] = p;
        size[g]--;
        place(a, h);
    }

    private double swapDelta(int a, int b) {
        int ga = groupOf[a];
        int gb = groupOf[b];
        swap(a, b);
        double delta = evaluate(ga) + evaluate(gb) - value[ga] - value[gb];
        swap(a, b);
        return delta;
    }

    private double moveDelta(int a, int h) {
        int g = groupOf[a];
        int p = position[a];
        move(a, h);
        double delta = evaluate(g) + evaluate(h) - value[g] - value[h];
        // undo: take a back out of h and restore it at its old position in g
        size[h]--;
        int displaced = members[g][p];
        if (displaced != a) {
            members[g][size[g]] = displaced;
            position[displaced] = size[g];
        }
        members[g][p] = a;
        position[a] = p;
        groupOf[a] = g;
        size[g]++;
        return delta;
    }

    private void refresh(int g) {
        total -= value[g];
        hardTotal -= hardOf(value[g]);
        value[g] = evaluate(g);
        total += value[g];
        hardTotal += hardOf(value[g]);
        track(g);
    }

    /** The best value a group of this size could have: every criterion at 1 and nothing broken. */
    private double perfect(int s) {
        return (wOrg + wRegion) * s + (s >= 2 ? s * (wInterest + wNew) : 0);
    }

    /** Keeps the set of groups below their perfect value, which the search works on first. */
    private void track(int g) {
        boolean below = value[g] < perfect(size[g]) - 1e-9;
        if (below && imperfectAt[g] < 0) {
            imperfectAt[g] = imperfectCount;
            imperfect[imperfectCount++] = g;
        } else if (!below && imperfectAt[g] >= 0) {
            int last = imperfect[--imperfectCount];
            imperfect[imperfectAt[g]] = last;
            imperfectAt[last] = imperfectAt[g];
            imperfectAt[g] = -1;
        }
    }

    /** Runs the local search for at most {@code budget} steps, or until the soft bound is reached with no violation. */
    void improve(long budget, double boundTotal, FormationProgress progress) {
        if (groups < 2) {
            return;
        }
        double bestTotal = total;
        int[] bestGroupOf = null;
        double snapshotTotal = Double.NEGATIVE_INFINITY;
        long lastImprovement = 0;
        long stagnationLimit = Math.max(1_000, 4L * pop.n);
        int kicks = Math.max(2, groups / 25);
        int fruitlessKicks = 0;
        double bestAtLastKick = Double.NEGATIVE_INFINITY;
        long it = 0;
        for (; it < budget; it++) {
            if (hardTotal == 0 && (total >= boundTotal - 1e-9 || imperfectCount == 0)) {
                break;
            }
            if (it % REPORT_EVERY == 0 && it > 0) {
                progress.report(it, budget, hardTotal);
            }
            int g;
            if (imperfectCount > 0 && random.nextInt(10) < 9) {
                g = imperfect[random.nextInt(imperfectCount)];
            } else {
                g = random.nextInt(groups);
                int other = random.nextInt(groups);
                if (value[other] / Math.max(1, size[other]) < value[g] / Math.max(1, size[g])) {
                    g = other;
                }
            }
            if (size[g] == 0) {
                continue;
            }
            int a = members[g][random.nextInt(size[g])];
            int[] pool = bySide[pop.side[a]];
            double bestDelta = Double.NEGATIVE_INFINITY;
            int bestB = -1;
            int bestH = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                if (flexible && random.nextInt(4) == 0) {
                    int h = random.nextInt(groups);
                    if (h == g || size[h] >= rule.max() || size[g] <= rule.min()) {
                        continue;
                    }
                    double delta = moveDelta(a, h);
                    if (delta > bestDelta && (tabu[a] <= it || total + delta > bestTotal + 1e-9)) {
                        bestDelta = delta;
                        bestB = -1;
                        bestH = h;
                    }
                } else {
                    int b = pool[random.nextInt(pool.length)];
                    if (groupOf[b] == g) {
                        continue;
                    }
                    double delta = swapDelta(a, b);
                    boolean allowed = (tabu[a] <= it && tabu[b] <= it) || total + delta > bestTotal + 1e-9;
                    if (delta > bestDelta && allowed) {
                        bestDelta = delta;
                        bestB = b;
                        bestH = -1;
                    }
                }
            }
            if (bestDelta >= -1e-12 && (bestB >= 0 || bestH >= 0)) {
                long tenure = it + 3 + random.nextInt(8);
                if (bestB >= 0) {
                    int gb = groupOf[bestB];
                    swap(a, bestB);
                    refresh(g);
                    refresh(gb);
                    tabu[bestB] = tenure;
                } else {
                    move(a, bestH);
                    refresh(g);
                    refresh(bestH);
                }
                tabu[a] = tenure;
                if (total > bestTotal + 1e-9) {
                    bestTotal = total;
                    lastImprovement = it;
                }
            }
            if (it - lastImprovement > stagnationLimit) {
                double bestSoFar = Math.max(total, snapshotTotal);
                fruitlessKicks = bestSoFar > bestAtLastKick + 1e-9 ? 0 : fruitlessKicks + 1;
                bestAtLastKick = Math.max(bestAtLastKick, bestSoFar);
                if (fruitlessKicks >= MAX_FRUITLESS_KICKS) {
                    break;
                }
                if (total > snapshotTotal) {
                    snapshotTotal = total;
                    bestGroupOf = snapshot();
                }
                for (int k = 0; k < kicks; k++) {
                    int x = random.nextInt(pop.n);
                    int[] same = bySide[pop.side[x]];
                    int y = same[random.nextInt(same.length)];
                    if (groupOf[x] != groupOf[y]) {
                        int gx = groupOf[x];
                        int gy = groupOf[y];
                        swap(x, y);
                        refresh(gx);
                        refresh(gy);
                    }
                }
                bestTotal = Math.max(total, snapshotTotal);
                lastImprovement = it;
            }
        }
        iterations = it;
        if (bestGroupOf != null && snapshotTotal > total) {
            restore(bestGroupOf);
        }
        progress.report(it, budget, hardTotal);
    }

    private int[] snapshot() {
        return groupOf.clone();
    }

    private void restore(int[] assignment) {
        Arrays.fill(size, 0);
        for (int person = 0; person < pop.n; person++) {
            place(person, assignment[person]);
        }
        total = 0;
        hardTotal = 0;
        for (int g = 0; g < groups; g++) {
            value[g] = evaluate(g);
            total += value[g];
            hardTotal += hardOf(value[g]);
            track(g);
        }
    }

    /** The groups as lists of population indices, members in population order. */
    List<int[]> result() {
        List<int[]> result = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            int[] m = Arrays.copyOf(members[g], size[g]);
            Arrays.sort(m);
            result.add(m);
        }
        return result;
    }
}

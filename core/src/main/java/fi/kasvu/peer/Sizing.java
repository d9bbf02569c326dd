package fi.kasvu.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many groups of which sizes a population makes, by the remainder rule: sizes as even as
 * possible, within the size rule, the average closest to the target, and on a tie the larger
 * groups (so a triad formation makes groups of four rather than pairs unless pairs are allowed).
 */
final class Sizing {

    final int[] sizes;
    /** Supervisor slots per group (reverse mentoring), or null. */
    final int[] supervisorSlots;
    /** Why a group's size is off the target (a reason of its explanation), or null. */
    final Reason[] groupNotes;
    final List<Reason> findings = new ArrayList<>();

    private Sizing(int[] sizes, int[] supervisorSlots) {
        this.sizes = sizes;
        this.supervisorSlots = supervisorSlots;
        this.groupNotes = new Reason[sizes.length];
    }

    static int[] even(int n, int groups) {
        int[] sizes = new int[groups];
        for (int i = 0; i < groups; i++) {
            sizes[i] = n / groups + (i < n % groups ? 1 : 0);
        }
        return sizes;
    }

    /** How many of {@code n} split evenly into {@code groups} fall outside min..max, without building the split. */
    static int outsideEven(int n, int groups, int min, int max) {
        int small = n / groups;
        int large = groups - (n % groups);
        int bigger = n % groups;
        return (small < min || small > max ? large : 0) + (small + 1 < min || small + 1 > max ? bigger : 0);
    }

    /** Group sizes for {@code n} participants (n &gt;= 2) under the rule. */
    static Sizing of(int n, SizeRule rule, GroupKind kind) {
        int bestGroups = 1;
        int bestOutside = Integer.MAX_VALUE;
        double bestDistance = Double.MAX_VALUE;
        for (int groups = 1; groups <= n / 2; groups++) {
            int out = outsideEven(n, groups, rule.min(), rule.max());
            double distance = Math.abs((double) n / groups - rule.target());
            if (out < bestOutside || (out == bestOutside && distance < bestDistance - 1e-9)) {
                bestGroups = groups;
                bestOutside = out;
                bestDistance = distance;
            }
        }
        Sizing sizing = new Sizing(even(n, bestGroups), null);
        int[] sizes = sizing.sizes;
        long offTarget = Arrays.stream(sizes).filter(s -> s != rule.target()).count();
        sizing.findings.add(Reason.of("peer.finding.sizes", "participants", n, "groups", sizes.length,
                "min", rule.min(), "max", rule.max(), "target", rule.target(),
                "sizes", offTarget > 0 ? describeSizes(sizes) : ""));
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == rule.target()) {
                continue;
            }
            String why = !rule.allows(sizes[i]) ? "outside"
                    : sizes[i] > rule.target() && rule.min() >= rule.target() ? "larger" : "";
            sizing.groupNotes[i] = Reason.of("peer.group.offTarget", "size", sizes[i], "target", rule.target(),
                    "participants", n, "kind", kind.name(), "min", rule.min(), "max", rule.max(), "why", why);
        }
        return sizing;
    }

    /** Supervisor and newcomer slots for reverse mentoring (both counts &gt;= 1). */
    static Sizing reverseMentoring(int supervisors, int newcomers, RoleQuota quota) {
        int bestGroups = 1;
        int bestOutside = Integer.MAX_VALUE;
        double bestDistance = Double.MAX_VALUE;
        for (int groups = 1; groups <= Math.min(supervisors, newcomers); groups++) {
            int out = outsideEven(supervisors, groups, quota.minSupervisors(), quota.maxSupervisors())
                    + outsideEven(newcomers, groups, quota.minNewcomers(), quota.maxNewcomers());
            double distance = Math.abs((double) supervisors / groups - quota.minSupervisors())
                    + Math.abs((double) newcomers / groups - quota.minNewcomers());
            if (out < bestOutside || (out == bestOutside && distance < bestDistance - 1e-9)) {
                bestGroups = groups;
                bestOutside = out;
                bestDistance = distance;
            }
        }
        int[] sup = even(supervisors, bestGroups);
        int[] nw = even(newcomers, bestGroups);
        int[] sizes = new int[bestGroups];
        for (int i = 0; i < bestGroups; i++) {
            sizes[i] = sup[i] + nw[i];
        }
        Sizing sizing = new Sizing(sizes, sup);
        sizing.findings.add(Reason.of("peer.finding.reverseSizes", "supervisors", supervisors, "newcomers", newcomers,
                "groups", bestGroups, "minSupervisors", quota.minSupervisors(), "maxSupervisors", quota.maxSupervisors(),
                "minNewcomers", quota.minNewcomers(), "maxNewcomers", quota.maxNewcomers(), "outside", bestOutside));
        for (int i = 0; i < bestGroups; i++) {
            if (sup[i] != quota.minSupervisors() || nw[i] != quota.minNewcomers()) {
                sizing.groupNotes[i] = Reason.of("peer.group.reverseUneven", "groupSupervisors", sup[i],
                        "groupNewcomers", nw[i], "supervisors", supervisors, "newcomers", newcomers,
                        "groups", bestGroups);
            }
        }
        return sizing;
    }

    /** The sizes as a reason keeps them: {@code size:count}, largest first, comma-separated ("4:2,3:1"). */
    static String describeSizes(int[] sizes) {
        java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int size : sizes) {
            counts.merge(size, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.descendingMap().forEach((size, count) -> parts.add(size + ":" + count));
        return String.join(",", parts);
    }
}

package fi.kasvu.benchmarks;

import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Participant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The groupings Kasvu is compared with: a random one, and a greedy one in the manner of Moodle's
 * mod_groupformation (GroupAL: fill one group at a time with the candidate that adds most to it,
 * no hard constraints, no search).
 */
final class Baselines {

    private Baselines() {
    }

    /** Shuffled participants cut into groups of the given sizes. */
    static List<List<PersonId>> random(List<Participant> people, int[] sizes, long seed) {
        List<Participant> shuffled = new ArrayList<>(people);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        List<List<PersonId>> groups = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            groups.add(shuffled.subList(next, next + size).stream().map(Participant::id).toList());
            next += size;
        }
        return groups;
    }

    /**
     * Greedy filling: each group starts from the first participant left and adds, slot by slot, the
     * candidate that brings a new organisation, a new site and a shared interest (sampling at most
     * 256 candidates per slot on large populations, as GroupAL's runtime would otherwise explode).
     */
    static List<List<PersonId>> greedy(List<Participant> people, int[] sizes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Participant> left = new ArrayList<>(people);
        List<List<PersonId>> groups = new ArrayList<>();
        for (int size : sizes) {
            List<Participant> group = new ArrayList<>();
            group.add(left.remove(0));
            while (group.size() < size) {
                int best = -1;
                double bestGain = Double.NEGATIVE_INFINITY;
                int samples = Math.min(left.size(), 256);
                for (int s = 0; s < samples; s++) {
                    int c = left.size() <= 256 ? s : random.nextInt(left.size());
                    double gain = gain(group, left.get(c));
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = c;
                    }
                }
                group.add(left.remove(best));
            }
            groups.add(group.stream().map(Participant::id).toList());
        }
        return groups;
    }

    private static double gain(List<Participant> group, Participant candidate) {
        Set<String> orgs = new HashSet<>();
        Set<String> sites = new HashSet<>();
        int shared = 0;
        for (Participant p : group) {
            orgs.add(p.organisation());
            sites.add(p.site());
            if (p.interestSet().stream().anyMatch(candidate.interestSet()::contains)) {
                shared++;
            }
        }
        return (orgs.contains(candidate.organisation()) ? 0 : 0.25) + (sites.contains(candidate.site()) ? 0 : 0.15)
                + 0.25 * shared / group.size();
    }
}

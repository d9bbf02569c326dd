package fi.kasvu.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The participants of one search as flat arrays of small integers, so that scoring a group allocates nothing. */
final class Population {

    final List<Participant> people;
    final int n;
    final int[] key;
    final int[] org;
    final int[] site;
    final int[] languages;
    /** 0 for supervisors, 1 for newcomers (reverse mentoring); 0 for everyone otherwise. */
    final int[] side;
    final int words;
    final long[] interests;
    /** Everyone above each person in their reporting line, as indices (people outside the population end a line). */
    final int[][] above;
    /** Earlier partners of each person, sorted indices. */
    final int[][] previous;
    final List<String> keyNames = new ArrayList<>();
    final int distinctSites;
    final int distinctInterests;
    final boolean anyPrevious;

    Population(List<Participant> people, GroupingKey groupingKey, PreviousRounds rounds, boolean reverseMentoring) {
        this.people = people;
        this.n = people.size();
        Map<PersonId, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(people.get(i).id(), i);
        }
        key = new int[n];
        org = new int[n];
        site = new int[n];
        languages = new int[n];
        side = new int[n];
        Map<String, Integer> keys = new LinkedHashMap<>();
        Map<String, Integer> orgs = new HashMap<>();
        Map<String, Integer> sites = new HashMap<>();
        Map<String, Integer> interestIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Participant p = people.get(i);
            String k = groupingKey.of(p);
            Integer id = keys.get(k);
            if (id == null) {
                id = keys.size();
                keys.put(k, id);
                keyNames.add(k);
            }
            key[i] = id;
            org[i] = orgs.computeIfAbsent(p.organisation(), x -> orgs.size());
            site[i] = sites.computeIfAbsent(p.site(), x -> sites.size());
            for (Language language : p.languages()) {
                languages[i] |= 1 << language.ordinal();
            }
            side[i] = reverseMentoring && p.role().equals(ParticipantRole.NEWCOMER) ? 1 : 0;
            for (String interest : p.interests()) {
                interestIds.computeIfAbsent(interest.strip().toLowerCase(java.util.Locale.ROOT), x -> interestIds.size());
            }
        }
        distinctSites = sites.containsKey("") && sites.size() == 1 ? 0 : sites.size();
        distinctInterests = interestIds.size();
        words = Math.max(1, (interestIds.size() + 63) / 64);
        interests = new long[n * words];
        for (int i = 0; i < n; i++) {
            for (String interest : people.get(i).interests()) {
                int bit = interestIds.get(interest.strip().toLowerCase(java.util.Locale.ROOT));
                interests[i * words + bit / 64] |= 1L << (bit % 64);
            }
        }
        above = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> chain = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            seen.add(i);
            PersonId manager = people.get(i).manager();
            while (manager != null) {
                Integer m = index.get(manager);
                if (m == null || !seen.add(m)) {
                    break;
                }
                chain.add(m);
                manager = people.get(m).manager();
            }
            above[i] = chain.stream().mapToInt(Integer::intValue).toArray();
        }
        List<Set<Integer>> partners = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partners.add(new HashSet<>());
        }
        boolean any = false;
        for (List<List<PersonId>> round : rounds.rounds()) {
            for (List<PersonId> group : round) {
                for (PersonId a : group) {
                    for (PersonId b : group) {
                        Integer ia = index.get(a);
                        Integer ib = index.get(b);
                        if (ia != null && ib != null && !ia.equals(ib)) {
                            partners.get(ia).add(ib);
                            any = true;
                        }
                    }
                }
            }
        }
        anyPrevious = any;
        previous = new int[n][];
        for (int i = 0; i < n; i++) {
            previous[i] = partners.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    boolean shareInterest(int a, int b) {
        for (int w = 0; w < words; w++) {
            if ((interests[a * words + w] & interests[b * words + w]) != 0) {
                return true;
            }
        }
        return false;
    }

    boolean metBefore(int a, int b) {
        return previous[a].length > 0 && Arrays.binarySearch(previous[a], b) >= 0;
    }

    /** Whether one of the two is above the other in the reporting line. */
    boolean inLine(int a, int b) {
        for (int m : above[a]) {
            if (m == b) {
                return true;
            }
        }
        for (int m : above[b]) {
            if (m == a) {
                return true;
            }
        }
        return false;
    }

    /** For each person, how many others share an interest with them. */
    int[] interestDegrees() {
        Map<List<Long>, List<Integer>> classes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<Long> mask = new ArrayList<>(words);
            for (int w = 0; w < words; w++) {
                mask.add(interests[i * words + w]);
            }
            classes.computeIfAbsent(mask, m -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> members = new ArrayList<>(classes.values());
        int[] degree = new int[n];
        for (int a = 0; a < members.size(); a++) {
            int rep = members.get(a).get(0);
            int total = 0;
            for (int b = 0; b < members.size(); b++) {
                int other = members.get(b).get(0);
                if (shareInterest(rep, other)) {
                    total += members.get(b).size() - (a == b ? 1 : 0);
                }
            }
            for (int i : members.get(a)) {
                degree[i] = total;
            }
        }
        return degree;
    }
}

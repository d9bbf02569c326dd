package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits people into teams of about N, never mixing course groups: each group is split on its
 * own, into round(size / N) teams (at least one) whose sizes differ by at most one.
 */
final class TeamSplit {

    /** The largest team size the organiser may ask for. */
    static final int MAX_SIZE = 30;

    private TeamSplit() {
    }

    /**
     * One person to place.
     *
     * @param person the person
     * @param group  their course group ("" when the course has none or they are in none)
     */
    record Candidate(PersonId person, String group) {
        Candidate {
            Require.nonNull("person", person);
            group = group == null ? "" : group;
        }
    }

    /**
     * The teams, in the order of the groups as first met and the people within them.
     *
     * @throws IllegalArgumentException if the size is outside 2..{@value #MAX_SIZE}
     */
    static List<List<PersonId>> split(List<Candidate> people, int size) {
        Require.range("size", size, 2, MAX_SIZE);
        Map<String, List<PersonId>> groups = new LinkedHashMap<>();
        for (Candidate candidate : people) {
            groups.computeIfAbsent(candidate.group(), g -> new ArrayList<>()).add(candidate.person());
        }
        List<List<PersonId>> teams = new ArrayList<>();
        for (List<PersonId> group : groups.values()) {
            int count = Math.max(1, Math.round(group.size() / (float) size));
            List<List<PersonId>> split = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                split.add(new ArrayList<>());
            }
            for (int i = 0; i < group.size(); i++) {
                split.get(i % count).add(group.get(i));
            }
            teams.addAll(split);
        }
        return teams;
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rotates the triad roles so that, over enough meetings, everyone holds each role: in meeting
 * {@code k} member {@code i} is coachee when {@code i == k mod n}, coach when {@code i == k+1 mod n},
 * and observer otherwise. A group of {@code n} needs {@code n} meetings for everyone to have
 * been coach and coachee; a triad needs three for everyone to have held all three roles.
 */
public final class RoleRotation {

    private RoleRotation() {
    }

    /**
     * The roles of each member in each of {@code meetings} meetings, in member order.
     *
     * @throws IllegalArgumentException if there are fewer than 2 members or meetings is negative
     */
    public static List<Map<PersonId, TriadRole>> plan(List<PersonId> members, int meetings) {
        List<PersonId> copy = Require.list("members", members);
        Require.atLeast("members", copy.size(), 2);
        Require.range("meetings", meetings, 0, 1000);
        int n = copy.size();
        List<Map<PersonId, TriadRole>> result = new ArrayList<>(meetings);
        for (int k = 0; k < meetings; k++) {
            Map<PersonId, TriadRole> roles = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                TriadRole role;
                if (i == k % n) {
                    role = TriadRole.COACHEE;
                } else if (i == (k + 1) % n) {
                    role = TriadRole.COACH;
                } else {
                    role = TriadRole.OBSERVER;
                }
                roles.put(copy.get(i), role);
            }
            result.add(Collections.unmodifiableMap(roles));
        }
        return List.copyOf(result);
    }

    /** The fewest meetings after which every member of a group of this size has been coach and coachee. */
    public static int meetingsForFullRotation(int groupSize) {
        return Require.atLeast("group size", groupSize, 2);
    }
}

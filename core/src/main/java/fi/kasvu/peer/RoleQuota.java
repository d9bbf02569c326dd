package fi.kasvu.peer;

import fi.kasvu.common.Require;

/**
 * How many supervisors and newcomers each reverse-mentoring group holds.
 *
 * @param minSupervisors fewest supervisors, at least 1
 * @param maxSupervisors most supervisors
 * @param minNewcomers   fewest newcomers, at least 1
 * @param maxNewcomers   most newcomers
 */
public record RoleQuota(int minSupervisors, int maxSupervisors, int minNewcomers, int maxNewcomers) {

    /** @throws IllegalArgumentException unless 1 &lt;= min &lt;= max &lt;= 10 for both roles, naming the value */
    public RoleQuota {
        Require.range("minSupervisors", minSupervisors, 1, 10);
        Require.range("maxSupervisors", maxSupervisors, minSupervisors, 10);
        Require.range("minNewcomers", minNewcomers, 1, 10);
        Require.range("maxNewcomers", maxNewcomers, minNewcomers, 10);
    }

    /** Two or three supervisors and two or three newcomers: "a few and a few" (seed 002). */
    public static RoleQuota fewAndFew() {
        return new RoleQuota(2, 3, 2, 3);
    }
}

package fi.kasvu.peer;

/** A rule every formed group must keep; a formation that cannot keep one says so, group by group. */
public enum HardConstraint {
    /** The group's size is within the kind's size rule. */
    GROUP_SIZE,
    /** No two members share the grouping key (organisation, unit or site). */
    DISTINCT_KEY,
    /** No member is in another member's reporting line, directly or further up. */
    REPORTING_LINE,
    /** The members have at least one language in common. */
    SHARED_LANGUAGE,
    /** A reverse-mentoring group holds its quota of supervisors and of newcomers. */
    ROLE_QUOTA,
    /** An onboarder has no more newcomers than their capacity. */
    CAPACITY;

    /** The stable message key, such as {@code peer.formation.distinctKey}. */
    public String code() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder code = new StringBuilder("peer.formation.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return code.toString();
    }
}

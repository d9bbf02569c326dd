package fi.kasvu.survey;

import fi.kasvu.common.Require;

/**
 * A group results are reported for: everyone who answered a round, an organisation, a unit, or
 * a team (inside a unit, or directly inside an organisation).
 *
 * @param level        which kind of group
 * @param organisation the organisation, or null for {@link Level#ALL}
 * @param unit         the unit, or null
 * @param team         the team, or null
 */
public record GroupRef(Level level, String organisation, String unit, String team) implements Comparable<GroupRef> {

    /** The levels of the reporting hierarchy, from the widest. */
    public enum Level {
        /** Every respondent of the round. */
        ALL,
        /** An organisation. */
        ORGANISATION,
        /** A unit of an organisation. */
        UNIT,
        /** A team. */
        TEAM
    }

    /** @throws IllegalArgumentException if the names do not fit the level */
    public GroupRef {
        Require.nonNull("level", level);
        boolean fits = switch (level) {
            case ALL -> organisation == null && unit == null && team == null;
            case ORGANISATION -> organisation != null && unit == null && team == null;
            case UNIT -> organisation != null && unit != null && team == null;
            case TEAM -> organisation != null && team != null;
        };
        if (!fits) {
            throw new IllegalArgumentException("group names must fit level " + level + ": "
                    + organisation + "/" + unit + "/" + team);
        }
    }

    /** Everyone who answered. */
    public static GroupRef all() {
        return new GroupRef(Level.ALL, null, null, null);
    }

    /** An organisation. */
    public static GroupRef organisation(String organisation) {
        return new GroupRef(Level.ORGANISATION, organisation, null, null);
    }

    /** A unit of an organisation. */
    public static GroupRef unit(String organisation, String unit) {
        return new GroupRef(Level.UNIT, organisation, unit, null);
    }

    /** A team, in a unit or (with a null unit) directly in the organisation. */
    public static GroupRef team(String organisation, String unit, String team) {
        return new GroupRef(Level.TEAM, organisation, unit, team);
    }

    /** The group this one is part of, or null for {@link Level#ALL}. */
    public GroupRef parent() {
        return switch (level) {
            case ALL -> null;
            case ORGANISATION -> all();
            case UNIT -> organisation(organisation);
            case TEAM -> unit != null ? unit(organisation, unit) : organisation(organisation);
        };
    }

    /** How deep the group lies: 0 for ALL. */
    int depth() {
        int depth = 0;
        for (GroupRef at = parent(); at != null; at = at.parent()) {
            depth++;
        }
        return depth;
    }

    /** A readable path such as {@code om/unit-a/team-1}. */
    @Override
    public String toString() {
        if (level == Level.ALL) {
            return "*";
        }
        StringBuilder path = new StringBuilder(organisation);
        if (unit != null) {
            path.append('/').append(unit);
        }
        if (team != null) {
            path.append(level == Level.TEAM && unit == null ? "//" : "/").append(team);
        }
        return path.toString();
    }

    @Override
    public int compareTo(GroupRef other) {
        return toString().compareTo(other.toString());
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A meeting of a peer group: planned, or held with its attendance. */
public sealed interface Meeting {

    /** Its number within the group's meetings, from 1. */
    int number();

    /** The day it is (or was) held. */
    LocalDate date();

    /** Its theme, possibly empty until the group chooses one. */
    String theme();

    /** Each member's role in it (triads), or an empty map for kinds without roles. */
    Map<PersonId, TriadRole> roles();

    /**
     * Where it is held: a room or an online link, possibly empty. A default method, so that adding
     * it kept the interface compatible with the released API (both records override it).
     */
    default String place() {
        return "";
    }

    /** The longest place or link. */
    int MAX_PLACE = 500;

    /**
     * A meeting the group plans to hold.
     *
     * @param number from 1
     * @param date   the planned day
     * @param theme  the planned theme, or ""
     * @param roles  the planned triad roles, possibly empty
     * @param place  a room or an online link, or ""
     */
    record Planned(int number, LocalDate date, String theme, Map<PersonId, TriadRole> roles, String place)
            implements Meeting {
        /** @throws IllegalArgumentException if the number is below 1 or the theme or place too long */
        public Planned {
            Require.range("number", number, 1, 1000);
            Require.nonNull("date", date);
            theme = Require.maxLength("theme", Require.text("theme", theme), 500);
            roles = Map.copyOf(Require.nonNull("roles", roles));
            place = Require.maxLength("place", Require.text("place", place == null ? "" : place), MAX_PLACE);
        }

        /** A planned meeting with no place given yet. */
        public Planned(int number, LocalDate date, String theme, Map<PersonId, TriadRole> roles) {
            this(number, date, theme, roles, "");
        }

        /**
         * The same meeting as held, with who attended.
         *
         * @throws IllegalArgumentException if nobody attended
         */
        public Held held(Set<PersonId> attendance) {
            return new Held(number, date, theme, roles, attendance, place);
        }
    }

    /**
     * A meeting that took place.
     *
     * @param attendance who was there; at least one person
     * @param place      where it was held, or ""
     */
    record Held(int number, LocalDate date, String theme, Map<PersonId, TriadRole> roles, Set<PersonId> attendance,
                String place) implements Meeting {
        /** A held meeting with no place recorded. */
        public Held(int number, LocalDate date, String theme, Map<PersonId, TriadRole> roles, Set<PersonId> attendance) {
            this(number, date, theme, roles, attendance, "");
        }

        /** @throws IllegalArgumentException if the number is below 1, nobody attended or the place is too long */
        public Held {
            place = Require.maxLength("place", Require.text("place", place == null ? "" : place), MAX_PLACE);
            Require.range("number", number, 1, 1000);
            Require.nonNull("date", date);
            theme = Require.maxLength("theme", Require.text("theme", theme), 500);
            roles = Map.copyOf(new LinkedHashMap<>(Require.nonNull("roles", roles)));
            attendance = Set.copyOf(Require.nonNull("attendance", attendance));
            if (attendance.isEmpty()) {
                throw new IllegalArgumentException("attendance must name at least one person: " + attendance);
            }
        }
    }
}

package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a programme with days counted from its start, which an organiser instantiates
 * for a start day and then adapts (venues, speakers, linked activities): the programme's rules
 * list what is still to decide.
 *
 * @param id          the template's id, such as {@code supervisor-coaching}
 * @param title       its title
 * @param description what it is for
 * @param days        how many days the programme lasts
 * @param phases      its phases
 * @param roles       the roles the programme has, in {@link ProgrammeRole} order: always participants
 *                    and organisers, coaches where someone leads sessions and answers reflections
 */
public record ProgrammeTemplate(String id, LocalizedText title, LocalizedText description, int days,
                                List<PhaseShape> phases, List<ProgrammeRole> roles) {

    /**
     * @throws IllegalArgumentException if an id is invalid, an item lies outside the days, or the roles
     *                                  lack participants or organisers
     */
    public ProgrammeTemplate {
        Require.id("template id", id);
        Require.nonNull("title", title);
        Require.nonNull("description", description);
        Require.atLeast("days", days, 1);
        phases = Require.list("phases", phases);
        roles = Require.list("roles", roles).stream().distinct().sorted().toList();
        if (!roles.contains(ProgrammeRole.PARTICIPANT) || !roles.contains(ProgrammeRole.ORGANISER)) {
            throw new IllegalArgumentException("a template's roles must include participants and organisers: " + roles);
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (PhaseShape phase : phases) {
            List<String> itemIds = new ArrayList<>(List.of(phase.id()));
            phase.events().forEach(e -> itemIds.add(e.id()));
            phase.assignments().forEach(a -> itemIds.add(a.id()));
            for (String itemId : itemIds) {
                if (!ids.add(itemId)) {
                    throw new IllegalArgumentException("template ids must be distinct: " + itemId + " repeats");
                }
            }
            if (phase.lastDay() >= days) {
                throw new IllegalArgumentException("phase " + phase.id() + " must end by day " + (days - 1)
                        + ": " + phase.lastDay());
            }
        }
    }

    /** A template with every role: participants, coaches and organisers. */
    public ProgrammeTemplate(String id, LocalizedText title, LocalizedText description, int days,
                             List<PhaseShape> phases) {
        this(id, title, description, days, phases, List.of(ProgrammeRole.values()));
    }

    /**
     * A phase, days counted from the programme's first day (day 0).
     *
     * @param id          the phase's id
     * @param title       its title
     * @param firstDay    its first day
     * @param lastDay     its last day
     * @param events      its events
     * @param assignments its assignments
     */
    public record PhaseShape(String id, LocalizedText title, int firstDay, int lastDay, List<EventShape> events,
                             List<AssignmentShape> assignments) {
        /** @throws IllegalArgumentException if the days are out of order or an item lies outside them */
        public PhaseShape {
            Require.id("phase id", id);
            Require.nonNull("title", title);
            Require.range("lastDay", lastDay, Math.max(firstDay, 0), Integer.MAX_VALUE);
            events = Require.list("events", events);
            assignments = Require.list("assignments", assignments);
            for (EventShape event : events) {
                Require.range("day of " + event.id(), event.day(), firstDay, lastDay);
            }
            for (AssignmentShape assignment : assignments) {
                Require.range("due day of " + assignment.id(), assignment.dueDay(), firstDay, lastDay);
            }
        }
    }

    /**
     * An event on a day, at a local time, for a while; its venue and speaker are usually decided
     * later, though an agency's template may already know them.
     *
     * @param id       the event's id
     * @param kind     what kind
     * @param title    its title
     * @param day      the day
     * @param time     the local start time
     * @param duration how long
     * @param venue    where, {@link Venue.ToBeAnnounced} if not decided yet
     * @param speaker  the speaker, "" if none or not known yet
     */
    public record EventShape(String id, EventKind kind, LocalizedText title, int day, LocalTime time,
                             Duration duration, Venue venue, String speaker) {
        /** @throws NullPointerException if a part is missing; IllegalArgumentException if the speaker is too long */
        public EventShape {
            Require.id("event id", id);
            Require.nonNull("kind", kind);
            Require.nonNull("title", title);
            Require.nonNull("time", time);
            Require.nonNull("duration", duration);
            Require.nonNull("venue", venue);
            speaker = Require.maxLength("speaker", Require.text("speaker", speaker).strip(), Require.MAX_ID);
        }

        /** An event whose venue and speaker are decided later. */
        public EventShape(String id, EventKind kind, LocalizedText title, int day, LocalTime time, Duration duration) {
            this(id, kind, title, day, time, duration, new Venue.ToBeAnnounced(), "");
        }
    }

    /**
     * An assignment due on a day.
     *
     * @param id           the assignment's id
     * @param kind         intermediate or final
     * @param title        its title
     * @param instructions what to do
     * @param dueDay       the due day
     * @param fulfilledBy  a reflection or an activity (unlinked in a template)
     */
    public record AssignmentShape(String id, AssignmentKind kind, LocalizedText title, LocalizedText instructions,
                                  int dueDay, Fulfilment fulfilledBy) {
        /** @throws NullPointerException if a part is missing */
        public AssignmentShape {
            Require.id("assignment id", id);
            Require.nonNull("kind", kind);
            Require.nonNull("title", title);
            Require.nonNull("fulfilledBy", fulfilledBy);
        }
    }

    /**
     * The programme this template describes, starting on the day, with the organiser as its only member.
     *
     * @throws NullPointerException if a part is missing
     */
    public Programme instantiate(String programmeId, String context, LocalDate starts, ZoneId zone, PersonId organiser,
                                 Instant at) {
        Require.nonNull("starts", starts);
        Require.nonNull("zone", zone);
        List<Phase> built = new ArrayList<>();
        for (PhaseShape shape : phases) {
            List<ScheduledEvent> events = new ArrayList<>();
            for (EventShape event : shape.events()) {
                Instant begins = starts.plusDays(event.day()).atTime(event.time()).atZone(zone).toInstant();
                events.add(new ScheduledEvent(event.id(), event.kind(), event.title(), begins,
                        begins.plus(event.duration()), event.venue(), event.speaker()));
            }
            List<Assignment> assignments = new ArrayList<>();
            for (AssignmentShape assignment : shape.assignments()) {
                assignments.add(new Assignment(assignment.id(), assignment.kind(), assignment.title(),
                        assignment.instructions(), starts.plusDays(assignment.dueDay()), assignment.fulfilledBy()));
            }
            built.add(new Phase(shape.id(), shape.title(), starts.plusDays(shape.firstDay()),
                    starts.plusDays(shape.lastDay()), events, assignments));
        }
        return new Programme(programmeId, context, title, starts, starts.plusDays(days - 1L), zone, built,
                List.of(new Member(organiser, ProgrammeRole.ORGANISER)), at, at);
    }
}

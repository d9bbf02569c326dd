package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The course as the platform keeps it beyond LTI: its groups and its calendar, reached through the
 * platform's web services when an admin configured them ({@code kasvu platform moodle}). Kinds use
 * this port, never a Moodle client: team experiments import the course's groups, peer groups
 * publish theirs, programmes put their events in the course calendar, surveys break results down
 * by group.
 *
 * <p>The course is the session's ({@link PageSession#courseId()}: the LTI context id, which is
 * the course id on Moodle; a session without one is answered "course not found"). Every call answers with a {@link Reply}: done, not configured for this platform, or
 * failed with a typed reason the page can explain in the organiser's language.
 */
public interface CourseServices {

    /** The course's groups, each with its members' platform user ids (LTI {@code sub}). */
    Reply<List<CourseGroup>> groups(PageSession session);

    /**
     * Creates the groups in the course under one grouping, and adds their members, idempotently: a
     * group is known by its {@link GroupToPublish#key()}, so publishing the same plan again changes
     * nothing, and publishing after a change adds what is new.
     */
    Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> groups);

    /**
     * Puts the events in the course calendar idempotently: an event is known by its
     * {@link CourseEvent#key()}, so a second call creates nothing twice. The list is the activity's
     * complete set of course events (the activity is the session's context): an event whose title,
     * description, start or length changed since the last publish is changed in the course, and an event
     * published before whose key the list no longer holds is removed from it (see {@link Published}).
     */
    Reply<Published> publishEvents(PageSession session, List<CourseEvent> events);

    /**
     * Puts the events in the calendars of groups published with {@link #publishGroups}, idempotently:
     * each event names its group by that group's {@link GroupToPublish#key()} and is known by its own
     * {@link CourseEvent#key()}, so a second call creates nothing twice. For each group it names, the
     * list is that group's complete set of events: as with {@link #publishEvents}, a changed event is
     * changed and one no longer listed is removed. A group that was never
     * published fails the call ({@link Failure#REFUSED}). Added after the first three methods; a
     * platform whose adapter does not offer group calendars answers not configured.
     */
    default Reply<Published> publishGroupEvents(PageSession session, List<GroupEvent> events) {
        return Reply.notConfigured();
    }

    /** No platform has course services configured. */
    static CourseServices none() {
        return new CourseServices() {
            @Override
            public Reply<List<CourseGroup>> groups(PageSession session) {
                return Reply.notConfigured();
            }

            @Override
            public Reply<Published> publishGroups(PageSession session, String groupingName,
                                                  List<GroupToPublish> groups) {
                return Reply.notConfigured();
            }

            @Override
            public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
                return Reply.notConfigured();
            }
        };
    }

    /**
     * A group of the course.
     *
     * @param id       the platform's group id
     * @param name     its name
     * @param subjects its members' platform user ids
     */
    record CourseGroup(String id, String name, List<String> subjects) {
        /** Copies the members. */
        public CourseGroup {
            Require.nonBlank("id", id);
            name = name == null ? "" : name;
            subjects = List.copyOf(subjects);
        }
    }

    /**
     * A group to create in the course.
     *
     * @param key      Kasvu's stable key of the group (the same group keeps it across publishes)
     * @param name     the group's name in the course
     * @param subjects its members' platform user ids
     */
    record GroupToPublish(String key, String name, List<String> subjects) {
        /** Copies the members. */
        public GroupToPublish {
            Require.nonBlank("key", key);
            Require.nonBlank("name", name);
            subjects = List.copyOf(subjects);
        }
    }

    /**
     * An event for the course calendar.
     *
     * @param key         Kasvu's stable key of the event
     * @param name        its title
     * @param description what it is (never anyone's private text)
     * @param start       when it starts
     * @param duration    how long it lasts
     */
    record CourseEvent(String key, String name, String description, Instant start, Duration duration) {
        /** Checks the parts. */
        public CourseEvent {
            Require.nonBlank("key", key);
            Require.nonBlank("name", name);
            description = description == null ? "" : description;
            Require.nonNull("start", start);
            Require.nonNull("duration", duration);
        }
    }

    /**
     * An event for one group's calendar (a peer group's meeting).
     *
     * @param groupKey the key the group was published with
     * @param event    the event
     */
    record GroupEvent(String groupKey, CourseEvent event) {
        /** Checks the parts. */
        public GroupEvent {
            Require.nonBlank("groupKey", groupKey);
            Require.nonNull("event", event);
        }
    }

    /**
     * What a publish did.
     *
     * @param created   items created now
     * @param unchanged items that were there already
     * @param updated   events that were there but had changed since the last publish, changed now
     *                  (added after the first two; 0 for groups)
     * @param deleted   events published before that the list no longer holds, removed now (0 for groups)
     */
    record Published(int created, int unchanged, int updated, int deleted) {

        /** Created and unchanged items, nothing updated or deleted (groups, or a first publish). */
        public Published(int created, int unchanged) {
            this(created, unchanged, 0, 0);
        }
    }

    /** Why a call failed, for a message in the organiser's language. */
    enum Failure {
        /** The platform could not be reached, or timed out. */
        UNREACHABLE,
        /** The token lacks a function or capability the call needs. */
        NOT_ALLOWED,
        /** The course is not on the platform (or not visible to the token's user). */
        COURSE_NOT_FOUND,
        /** The platform refused the call's values. */
        REFUSED
    }

    /**
     * What a call gave.
     *
     * @param <T> the value of a call that was done
     */
    sealed interface Reply<T> {

        /** Done, with its value. */
        static <T> Reply<T> done(T value) {
            return new Done<>(value);
        }

        /** This platform has no course services configured. */
        static <T> Reply<T> notConfigured() {
            return new NotConfigured<>();
        }

        /** Failed; {@code detail} is the platform's short error code (never a token or a person's text). */
        static <T> Reply<T> failed(Failure failure, String detail) {
            return new Failed<>(failure, detail);
        }

        /** Done. */
        record Done<T>(T value) implements Reply<T> {
        }

        /** Not configured. */
        record NotConfigured<T>() implements Reply<T> {
        }

        /** Failed. */
        record Failed<T>(Failure failure, String detail) implements Reply<T> {
            /** Checks the parts. */
            public Failed {
                Require.nonNull("failure", failure);
                detail = detail == null ? "" : detail;
            }
        }
    }
}

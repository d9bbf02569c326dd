package fi.kasvu.lms.moodle;

import fi.kasvu.lms.Hashes;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web layer's {@link CourseServices} on a Moodle site's web services: the session's platform
 * (issuer and client id) leads to the site the admin configured ({@link MoodleSites}), the
 * session's LTI context id is the Moodle course id, and an LTI {@code sub} is the Moodle user id
 * (Moodle sends both as strings of the numeric ids; see the LTI fixtures).
 *
 * <p>Idempotency, so that a second publish creates nothing:
 * <ul>
 *   <li>a group is known by its Moodle <em>idnumber</em>, which is the group's key (or a hash of it when
 *       the key is longer than the 100 characters Moodle allows); the grouping by an idnumber
 *       derived from its name;</li>
 *   <li>members are added only where {@code core_group_get_group_members} does not list them, and the
 *       grouping assignment is repeated for every group (Moodle skips pairs that exist);</li>
 *   <li>a course event, or a group event ({@link #publishGroupEvents}), is known by its key through {@link EventIds}, which remembers the Moodle id
 *       of the event made for each key; the course's events are read back (course events only, with
 *       Moodle's default options: {@code userevents=0} would hide group events, fixture quirk 20)
 *       and an event whose remembered id is gone is made again. An event already in the course at
 *       the same start with the same name is adopted rather than duplicated (a lost answer).</li>
 *   <li>publishing events converges: the events of one call are the complete set of their scope (an
 *       activity's course events; a group's meetings, for each group the call names). An event whose
 *       title, description, start or length changed since Kasvu made it is replaced (deleted and made
 *       again: Moodle 4.5 has no web-service function that updates an event's name, time and description
 *       reliably); an event Kasvu made for a key the scope no longer lists is deleted
 *       ({@code core_calendar_delete_calendar_events}), unless it has already started; an unchanged event
 *       costs no write. Only events whose ids Kasvu remembers are ever deleted, and only when the read
 *       finds them in this course as course events or events of its groups.</li>
 * </ul>
 *
 * <p>{@link Published} counts groups (created now / there already; a group that gained members
 * counts as there already) and events (created, unchanged, replaced, deleted).
 *
 * <p>Failures come back typed, with Moodle's error code as the detail; the token never reaches a
 * message or a log line (the client redacts it, and only error codes are logged here).
 */
public final class MoodleCourseServices implements CourseServices {

    /** The web-service functions these services call. */
    public static final Set<String> FUNCTIONS = Set.of("core_group_get_course_groups", "core_group_get_group_members",
            "core_group_get_course_groupings", "core_group_create_groups", "core_group_create_groupings",
            "core_group_assign_grouping", "core_group_add_group_members", "core_calendar_get_calendar_events",
            "core_calendar_create_calendar_events", "core_calendar_delete_calendar_events");

    /** Moodle's limit on a group's or grouping's idnumber. */
    static final int MAX_IDNUMBER = 100;
    /** Moodle's limit on a group's, grouping's or event's name. */
    static final int MAX_NAME = 254;

    private static final Logger LOG = LoggerFactory.getLogger(MoodleCourseServices.class);
    private static final Pattern MOODLE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final long DAY = 86_400;

    private final MoodleSites sites;
    private final EventIds eventIds;
    private final Clock clock;

    /**
     * Remembers which Moodle event Kasvu made for which key of a course, and which keys each scope
     * (an activity's course events, a group's meetings) published, across restarts and instances (the
     * composition root keeps them in the database).
     */
    public interface EventIds {

        /**
         * What Kasvu made for a key.
         *
         * @param eventId     the Moodle event id
         * @param fingerprint a hash of what Kasvu sent for it ("" when remembered before fingerprints)
         */
        record Made(long eventId, String fingerprint) {
            /** Checks the parts. */
            public Made {
                fingerprint = fingerprint == null ? "" : fingerprint;
            }
        }

        /** What Kasvu made for the key in the course of the platform, if remembered. */
        Optional<Made> made(String platform, long courseId, String key);

        /** Remembers the Moodle event made for the key, and a hash of what was sent. */
        void remember(String platform, long courseId, String key, long eventId, String fingerprint);

        /** Forgets the key (its event was deleted). */
        void forget(String platform, long courseId, String key);

        /** The keys the scope published in the course (empty if none). */
        Set<String> keys(String platform, long courseId, String scope);

        /** Remembers the keys the scope published in the course. */
        void keys(String platform, long courseId, String scope, Set<String> keys);

        /** The Moodle event id made for the key, if remembered. */
        default Optional<Long> find(String platform, long courseId, String key) {
            return made(platform, courseId, key).map(Made::eventId);
        }

        /** Kept in memory only (tests; a restart forgets, and then events are found by start and name). */
        static EventIds inMemory() {
            Map<String, Made> ids = new ConcurrentHashMap<>();
            Map<String, Set<String>> scopes = new ConcurrentHashMap<>();
            return new EventIds() {
                @Override
                public Optional<Made> made(String platform, long courseId, String key) {
                    return Optional.ofNullable(ids.get(platform + "\n" + courseId + "\n" + key));
                }

                @Override
                public void remember(String platform, long courseId, String key, long eventId, String fingerprint) {
                    ids.put(platform + "\n" + courseId + "\n" + key, new Made(eventId, fingerprint));
                }

                @Override
                public void forget(String platform, long courseId, String key) {
                    ids.remove(platform + "\n" + courseId + "\n" + key);
                }

                @Override
                public Set<String> keys(String platform, long courseId, String scope) {
                    return scopes.getOrDefault(platform + "\n" + courseId + "\n" + scope, Set.of());
                }

                @Override
                public void keys(String platform, long courseId, String scope, Set<String> keys) {
                    scopes.put(platform + "\n" + courseId + "\n" + scope, Set.copyOf(keys));
                }
            };
        }
    }

    /** The services on the configured sites, remembering event ids in {@code eventIds}. */
    public MoodleCourseServices(MoodleSites sites, EventIds eventIds) {
        this(sites, eventIds, Clock.systemUTC());
    }

    /** The services on the configured sites, remembering event ids in {@code eventIds}, at the clock's time. */
    public MoodleCourseServices(MoodleSites sites, EventIds eventIds, Clock clock) {
        this.sites = Objects.requireNonNull(sites, "sites must not be null");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** A Moodle call that may fail. */
    @FunctionalInterface
    private interface Work<T> {
        T run(MoodleClient moodle, long courseId) throws IOException, MoodleException, Refused;
    }

    /** A refusal found before anything was written. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        Refused(Failure failure, String code) {
            super(code, null, false, false);
            this.failure = failure;
        }
    }

    private <T> Reply<T> call(PageSession session, String what, Work<T> work) {
        Objects.requireNonNull(session, "session must not be null");
        Optional<MoodleClient> moodle = sites.forPlatform(session.issuer(), session.clientId());
        if (moodle.isEmpty()) {
            return Reply.notConfigured();
        }
        if (!MOODLE_ID.matcher(session.courseId()).matches()) {
            return Reply.failed(Failure.COURSE_NOT_FOUND, "notamoodlecourse");
        }
        long courseId = Long.parseLong(session.courseId());
        try {
            return Reply.done(work.run(moodle.get(), courseId));
        } catch (Refused e) {
            LOG.info("Moodle course services: {} in course {} refused before writing ({})", what, courseId,
                    e.getMessage());
            return Reply.failed(e.failure, e.getMessage());
        } catch (MoodleException e) {
            Failure failure = failureOf(e);
            LOG.warn("Moodle course services: {} in course {} failed: {} {}", what, courseId, e.function(),
                    e.errorCode());
            return Reply.failed(failure, e.errorCode());
        } catch (MoodleResponseException e) {
            LOG.warn("Moodle course services: {} in course {} got no web-service answer (HTTP {})", what, courseId,
                    e.statusCode());
            return Reply.failed(Failure.UNREACHABLE, "http" + e.statusCode());
        } catch (IOException e) {
            LOG.warn("Moodle course services: {} in course {} failed in transport ({})", what, courseId,
                    e.getClass().getSimpleName());
            return Reply.failed(Failure.UNREACHABLE, e instanceof java.io.InterruptedIOException ? "timeout"
                    : "transport");
        }
    }

    /** The typed reason of a Moodle error. */
    static Failure failureOf(MoodleException e) {
        if ("errorcoursecontextnotvalid".equals(e.errorCode()) || "invalidcourseid".equals(e.errorCode())) {
            return Failure.COURSE_NOT_FOUND;
        }
        return switch (e.kind()) {
            case INVALID_TOKEN, ACCESS_DENIED, UNKNOWN_FUNCTION, WEB_SERVICES_DISABLED, SERVICE_NOT_AVAILABLE,
                    INVALID_LOGIN -> Failure.NOT_ALLOWED;
            case MISSING_RECORD -> Failure.COURSE_NOT_FOUND;
            case INVALID_PARAMETER, IDNUMBER_TAKEN, OTHER -> Failure.REFUSED;
        };
    }

    @Override
    public Reply<List<CourseGroup>> groups(PageSession session) {
        return call(session, "reading groups", (moodle, courseId) -> {
            List<Group> groups = moodle.execute(MoodleCalls.courseGroups(courseId));
            Map<Long, List<String>> members = members(moodle, groups.stream().map(Group::id).toList());
            List<CourseGroup> out = new ArrayList<>();
            for (Group group : groups) {
                // Moodle answers names HTML-escaped (format_string): "A &amp; B".
                out.add(new CourseGroup(String.valueOf(group.id()), unescape(group.name()),
                        members.getOrDefault(group.id(), List.of())));
            }
            return out;
        });
    }

    private static Map<Long, List<String>> members(MoodleClient moodle, List<Long> groupIds)
            throws IOException, MoodleException {
        Map<Long, List<String>> members = new HashMap<>();
        if (groupIds.isEmpty()) {
            return members;
        }
        for (GroupMembers group : moodle.execute(MoodleCalls.groupMembers(groupIds))) {
            members.put(group.groupid(), group.userids().stream().map(String::valueOf).toList());
        }
        return members;
    }

    @Override
    public Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> groups) {
        Objects.requireNonNull(groups, "groups must not be null");
        return call(session, "publishing groups", (moodle, courseId) -> publish(moodle, courseId, groupingName, groups));
    }

    private Published publish(MoodleClient moodle, long courseId, String groupingName, List<GroupToPublish> wanted)
            throws IOException, MoodleException, Refused {
        String grouping = name(groupingName == null ? "" : groupingName);
        if (grouping.isEmpty()) {
            throw new Refused(Failure.REFUSED, "groupingnamemissing");
        }
        // Check everything before the first write: a refusal then leaves the course as it was.
        Map<String, GroupToPublish> byIdnumber = new LinkedHashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (GroupToPublish group : wanted) {
            String idnumber = idnumber(group.key());
            if (byIdnumber.putIfAbsent(idnumber, group) != null || !names.add(name(group.name()))) {
                throw new Refused(Failure.REFUSED, "duplicategroup");
            }
            for (String subject : group.subjects()) {
                if (!MOODLE_ID.matcher(subject).matches()) {
                    throw new Refused(Failure.REFUSED, "notamoodleuser");
                }
            }
        }
        Map<String, Group> existingByIdnumber = new HashMap<>();
        List<Group> courseGroups = moodle.execute(MoodleCalls.courseGroups(courseId));
        for (Group group : courseGroups) {
            if (group.idnumber() != null && !group.idnumber().isEmpty()) {
                existingByIdnumber.put(group.idnumber(), group);
            }
        }
        List<Map.Entry<String, GroupToPublish>> toCreate = new ArrayList<>();
        for (Map.Entry<String, GroupToPublish> entry : byIdnumber.entrySet()) {
            if (!existingByIdnumber.containsKey(entry.getKey())) {
                String wantedName = name(entry.getValue().name());
                // Moodle lists names formatted ("A &amp; B"): compare them as Moodle would list Kasvu's.
                if (courseGroups.stream().anyMatch(group -> MoodleText.sameName(wantedName, group.name()))) {
                    // Moodle refuses a second group of the same name in a course (a bare invalidparameter).
                    throw new Refused(Failure.REFUSED, "groupnametaken");
                }
                toCreate.add(entry);
            }
        }
        String groupingIdnumber = groupingIdnumber(grouping);
        Long groupingId = null;
        for (Grouping existing : moodle.execute(MoodleCalls.courseGroupings(courseId))) {
            if (groupingIdnumber.equals(existing.idnumber())) {
                groupingId = existing.id();
            } else if (groupingId == null && MoodleText.sameName(grouping, existing.name())) {
                throw new Refused(Failure.REFUSED, "groupingnametaken");
            }
        }
        if (groupingId == null) {
            groupingId = GroupWrites.createGrouping(moodle, new NewGrouping(courseId, grouping, "", 1,
                    groupingIdnumber)).id();
        }

        Map<String, Long> groupIds = new LinkedHashMap<>();
        existingByIdnumber.forEach((idnumber, group) -> groupIds.put(idnumber, group.id()));
        int created = 0;
        if (!toCreate.isEmpty()) {
            created = GroupWrites.createGroups(moodle, courseId, newGroups(courseId, toCreate), groupIds);
        }
        List<Long> ours = byIdnumber.keySet().stream().map(groupIds::get).toList();

        List<GroupingAssignment> assignments = new ArrayList<>();
        for (long groupId : ours) {
            assignments.add(new GroupingAssignment(groupingId, groupId));
        }
        if (!assignments.isEmpty()) {
            moodle.execute(MoodleCalls.assignGrouping(assignments));
        }

        Map<Long, List<String>> members = members(moodle, ours);
        List<GroupMembership> toAdd = new ArrayList<>();
        for (Map.Entry<String, GroupToPublish> entry : byIdnumber.entrySet()) {
            long groupId = groupIds.get(entry.getKey());
            Set<String> already = new java.util.HashSet<>(members.getOrDefault(groupId, List.of()));
            for (String subject : new LinkedHashSet<>(entry.getValue().subjects())) {
                if (!already.contains(subject)) {
                    toAdd.add(new GroupMembership(groupId, Long.parseLong(subject)));
                }
            }
        }
        if (!toAdd.isEmpty()) {
            moodle.execute(MoodleCalls.addGroupMembers(toAdd));
        }
        LOG.info("Moodle course {}: {} groups created, {} there already, {} members added", courseId, created,
                byIdnumber.size() - created, toAdd.size());
        return new Published(created, byIdnumber.size() - created);
    }

    private static List<NewGroup> newGroups(long courseId, List<Map.Entry<String, GroupToPublish>> batch) {
        return batch.stream().map(entry -> new NewGroup(courseId, name(entry.getValue().name()), "", 1,
                entry.getKey(), null, null, null)).toList();
    }

    @Override
    public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
        Objects.requireNonNull(events, "events must not be null");
        return call(session, "publishing events", (moodle, courseId) -> {
            // The list is the activity's complete set of course events: its scope is the activity's context.
            String scope = "course-events\n" + session.contextId();
            List<Wanted> all = new ArrayList<>();
            for (CourseEvent event : events) {
                all.add(new Wanted(event.key(), 0, event, scope));
            }
            return publishCalendar(moodle, session.platform(), courseId, all, Set.of(scope), Set.of());
        });
    }

    @Override
    public Reply<Published> publishGroupEvents(PageSession session, List<GroupEvent> events) {
        Objects.requireNonNull(events, "events must not be null");
        return call(session, "publishing group events", (moodle, courseId) -> {
            if (events.isEmpty()) {
                return new Published(0, 0);
            }
            Map<String, Long> groupIds = new HashMap<>();
            for (Group group : moodle.execute(MoodleCalls.courseGroups(courseId))) {
                if (group.idnumber() != null && !group.idnumber().isEmpty()) {
                    groupIds.put(group.idnumber(), group.id());
                }
            }
            List<Wanted> all = new ArrayList<>();
            Set<String> scopes = new LinkedHashSet<>();
            for (GroupEvent event : events) {
                Long groupId = groupIds.get(idnumber(event.groupKey()));
                if (groupId == null) {
                    // The group was never published (or a teacher deleted it): publish the groups first.
                    throw new Refused(Failure.REFUSED, "groupnotpublished");
                }
                // The events of a group named in the call are that group's complete set: its scope.
                String scope = "group-events\n" + session.contextId() + "\n" + event.groupKey();
                scopes.add(scope);
                // Group and course events keep their keys apart in the memory of made events.
                all.add(new Wanted("group-event\n" + event.event().key(), groupId, event.event(), scope));
            }
            return publishCalendar(moodle, session.platform(), courseId, all, scopes, Set.copyOf(groupIds.values()));
        });
    }

    /**
     * An event to have in the calendar: its key in {@link EventIds}, its group (0: a course event),
     * and the scope whose complete list it is part of.
     */
    private record Wanted(String key, long groupId, CourseEvent event, String scope) {

        /** What Kasvu sends for the event, hashed: a change of any of it is a change of the event. */
        String fingerprint() {
            return sha256(groupId + "\n" + name(event.name()) + "\n" + event.description() + "\n"
                    + event.start().getEpochSecond() + "\n" + event.duration().toSeconds()).substring(0, 32);
        }

        /** Whether Moodle's event is this one as Kasvu would make it: group, start, length and name. */
        boolean sameAs(CalendarEvent listed) {
            return listed.groupIdOrZero() == groupId && listed.timestart() != null
                    && listed.timestart() == event.start().getEpochSecond() && listed.timeduration() != null
                    && listed.timeduration() == event.duration().toSeconds()
                    && MoodleText.sameName(name(event.name()), listed.name());
        }

        NewCalendarEvent toCreate(long courseId) {
            return groupId > 0
                    ? NewCalendarEvent.forGroup(courseId, groupId, name(event.name()), event.description(),
                            event.start().getEpochSecond(), event.duration().toSeconds())
                    : new NewCalendarEvent(name(event.name()), event.description(), 1, courseId, null,
                            EventType.COURSE, event.start().getEpochSecond(), event.duration().toSeconds(), true, null);
        }
    }

    /**
     * Makes the calendar converge on the wanted events. Each scope's list is complete: an event Kasvu
     * made for a key of the scope that is no longer in its list is deleted; an event whose title,
     * description, start or length changed since Kasvu made it is replaced (deleted, then made again:
     * see {@code docs/moodle-admin.md} for why not updated in place); an unchanged one is left alone,
     * with no write (a teacher's own change in Moodle stays). An event no longer listed that has
     * already started in Moodle is history and stays (a peer group's meeting once held, for one).
     */
    private Published publishCalendar(MoodleClient moodle, String platform, long courseId, List<Wanted> wanted,
                                      Set<String> scopes, Set<Long> ourGroups)
            throws IOException, MoodleException, Refused {
        Map<String, Wanted> byKey = new LinkedHashMap<>();
        for (Wanted event : wanted) {
            if (byKey.putIfAbsent(event.key(), event) != null) {
                throw new Refused(Failure.REFUSED, "duplicateevent");
            }
            if (event.event().start().getEpochSecond() < 0 || event.event().duration().isNegative()) {
                throw new Refused(Failure.REFUSED, "invalidtime");
            }
        }
        Map<String, EventIds.Made> remembered = new HashMap<>();
        for (String key : byKey.keySet()) {
            eventIds.made(platform, courseId, key).ifPresent(made -> remembered.put(key, made));
        }
        // Keys Kasvu published before in these scopes that the lists no longer hold.
        Map<String, Set<String>> scopeKeys = new LinkedHashMap<>();
        Map<String, EventIds.Made> orphans = new LinkedHashMap<>();
        Set<String> gone = new LinkedHashSet<>();
        for (String scope : scopes) {
            Set<String> before = new LinkedHashSet<>(eventIds.keys(platform, courseId, scope));
            scopeKeys.put(scope, before);
            for (String key : before) {
                if (!byKey.containsKey(key)) {
                    Optional<EventIds.Made> made = eventIds.made(platform, courseId, key);
                    if (made.isPresent()) {
                        orphans.put(key, made.get());
                    } else {
                        gone.add(key);
                    }
                }
            }
        }
        if (byKey.isEmpty() && orphans.isEmpty()) {
            saveScopes(platform, courseId, scopeKeys, gone, byKey.values());
            return new Published(0, 0);
        }

        // The course's events (and its groups') in the window, plus the remembered ids, so that an event a
        // teacher moved out of the window still counts. Moodle's default user/site options: userevents=0
        // would hide the group events (quirk 20). With nothing wanted, only the remembered ids matter: a
        // window of one second at the epoch keeps the rest of the course out of the answer.
        long from = byKey.isEmpty() ? 1 : Math.max(0, byKey.values().stream()
                .mapToLong(e -> e.event().start().getEpochSecond()).min().orElseThrow() - DAY);
        long to = byKey.isEmpty() ? 1 : byKey.values().stream()
                .mapToLong(e -> e.event().start().getEpochSecond()).max().orElseThrow() + DAY;
        Set<Long> ids = new LinkedHashSet<>();
        remembered.values().forEach(made -> ids.add(made.eventId()));
        orphans.values().forEach(made -> ids.add(made.eventId()));
        List<Long> groups = byKey.values().stream().map(Wanted::groupId).filter(id -> id > 0).distinct().toList();
        CalendarEventsResult existing = moodle.execute(MoodleCalls.calendarEvents(new CalendarEventQuery(
                List.of(courseId), groups, List.copyOf(ids), null, null, from, to, false)));
        Map<Long, CalendarEvent> present = new HashMap<>();
        Map<String, List<CalendarEvent>> byStart = new HashMap<>();
        for (CalendarEvent event : existing.events()) {
            // Only events of this course that Kasvu could have made: course events, or events of its groups.
            boolean ours = event.id() != null && event.courseid() != null && event.courseid() == courseId
                    && (event.modulename() == null || event.modulename().isEmpty())
                    && ("course".equals(event.eventtype()) && event.groupIdOrZero() == 0
                    || "group".equals(event.eventtype()) && ourGroups.contains(event.groupIdOrZero()));
            if (ours) {
                present.put(event.id(), event);
                byStart.computeIfAbsent(event.groupIdOrZero() + "\n" + event.timestart(), k -> new ArrayList<>())
                        .add(event);
            }
        }
        long now = clock.instant().getEpochSecond();

        int unchanged = 0;
        List<Wanted> toCreate = new ArrayList<>();
        Map<String, Long> toReplace = new LinkedHashMap<>();
        // An event of Moodle's stands for one key at most: those remembered for a key are not adopted by another.
        Set<Long> claimed = new java.util.HashSet<>();
        remembered.values().forEach(made -> claimed.add(made.eventId()));
        for (Wanted event : byKey.values()) {
            EventIds.Made made = remembered.get(event.key());
            CalendarEvent listed = made == null ? null : present.get(made.eventId());
            if (listed == null) {
                Optional<CalendarEvent> match = byStart.getOrDefault(event.groupId() + "\n"
                        + event.event().start().getEpochSecond(), List.of()).stream()
                        .filter(e -> !claimed.contains(e.id()))
                        .filter(e -> MoodleText.sameName(name(event.event().name()), e.name())).findFirst();
                if (match.isEmpty()) {
                    toCreate.add(event);
                    continue;
                }
                // Made by an earlier publish whose answer (or memory) was lost: adopt it.
                listed = match.get();
                claimed.add(listed.id());
                made = new EventIds.Made(listed.id(), "");
            }
            boolean same = made.fingerprint().isEmpty() ? event.sameAs(listed)
                    : made.fingerprint().equals(event.fingerprint());
            if (same) {
                if (made.fingerprint().isEmpty()) {
                    // Remembered before fingerprints (or adopted): it matches, so remember what it is now.
                    eventIds.remember(platform, courseId, event.key(), made.eventId(), event.fingerprint());
                }
                unchanged++;
            } else {
                toReplace.put(event.key(), made.eventId());
                toCreate.add(event);
            }
        }
        Map<String, Long> toDelete = new LinkedHashMap<>();
        Set<String> history = new LinkedHashSet<>();
        for (Map.Entry<String, EventIds.Made> orphan : orphans.entrySet()) {
            CalendarEvent listed = present.get(orphan.getValue().eventId());
            if (listed == null) {
                gone.add(orphan.getKey());
            } else if (started(listed, now)) {
                // Out of the scope, so not looked at again; its id stays remembered should the key come back.
                history.add(orphan.getKey());
            } else {
                toDelete.put(orphan.getKey(), orphan.getValue().eventId());
            }
        }

        // Deletes first: a publish cut short after them makes the replaced events again next time (their
        // remembered ids are gone from Moodle), while a publish cut short after creating first would leave
        // the old events behind for good.
        List<Long> deleting = new ArrayList<>(toReplace.values());
        deleting.addAll(toDelete.values());
        if (!deleting.isEmpty()) {
            delete(moodle, deleting);
            gone.addAll(toDelete.keySet());
        }
        for (String key : gone) {
            eventIds.forget(platform, courseId, key);
        }
        Set<String> leaving = new LinkedHashSet<>(gone);
        leaving.addAll(history);
        saveScopes(platform, courseId, scopeKeys, leaving, byKey.values());

        int created = 0;
        int updated = 0;
        if (!toCreate.isEmpty()) {
            List<NewCalendarEvent> batch = toCreate.stream().map(w -> w.toCreate(courseId)).toList();
            CalendarEventsResult result = moodle.execute(MoodleCalls.createCalendarEvents(batch));
            if (!result.warnings().isEmpty()) {
                LOG.warn("Moodle course {}: {} events refused ({})", courseId, result.warnings().size(),
                        result.warnings().get(0).warningcode());
            }
            // Moodle answers the events it made in the order asked; refused ones come back as warnings.
            List<Wanted> unmatched = new ArrayList<>(toCreate);
            for (CalendarEvent made : result.events()) {
                for (java.util.Iterator<Wanted> it = unmatched.iterator(); it.hasNext(); ) {
                    Wanted event = it.next();
                    if (made.id() != null && made.groupIdOrZero() == event.groupId() && made.timestart() != null
                            && made.timestart() == event.event().start().getEpochSecond()
                            && MoodleText.sameName(name(event.event().name()), made.name())) {
                        eventIds.remember(platform, courseId, event.key(), made.id(), event.fingerprint());
                        it.remove();
                        if (toReplace.containsKey(event.key())) {
                            updated++;
                        } else {
                            created++;
                        }
                        break;
                    }
                }
            }
            if (!unmatched.isEmpty()) {
                String code = result.warnings().isEmpty() ? "eventnotcreated"
                        : String.valueOf(result.warnings().get(0).warningcode());
                // A user without moodle/calendar:manageentries gets its events back as nopermissions warnings.
                throw new Refused("nopermissions".equals(code) ? Failure.NOT_ALLOWED : Failure.REFUSED, code);
            }
        }
        if (updated + toDelete.size() + history.size() > 0) {
            LOG.info("Moodle course {}: {} events created, {} replaced, {} deleted, {} unchanged, {} past ones no longer"
                    + " listed left in place", courseId, created,
                    updated, toDelete.size(), unchanged, history.size());
        }
        return new Published(created, unchanged, updated, toDelete.size());
    }

    /** Whether Moodle's event has started: an event no longer listed then stays as history. */
    private static boolean started(CalendarEvent listed, long now) {
        return listed.timestart() != null && listed.timestart() <= now;
    }

    /** Deletes the events in one call; if one of them went meanwhile (Moodle then deletes none), one by one. */
    private static void delete(MoodleClient moodle, List<Long> ids) throws IOException, MoodleException {
        try {
            moodle.execute(MoodleCalls.deleteCalendarEvents(ids));
        } catch (MoodleException e) {
            if (e.kind() != MoodleException.Kind.MISSING_RECORD) {
                throw e;
            }
            if (ids.size() > 1) {
                for (long id : ids) {
                    delete(moodle, List.of(id));
                }
            }
            // A single id Moodle cannot find ("invalidrecord", table event): it is gone already.
        }
    }

    /** Each scope's keys are now what it had, less those gone, plus those of this publish in it. */
    private void saveScopes(String platform, long courseId, Map<String, Set<String>> scopeKeys, Set<String> gone,
                            java.util.Collection<Wanted> published) {
        for (Map.Entry<String, Set<String>> scope : scopeKeys.entrySet()) {
            Set<String> next = new LinkedHashSet<>(scope.getValue());
            next.removeAll(gone);
            published.stream().filter(w -> w.scope().equals(scope.getKey())).forEach(w -> next.add(w.key()));
            if (!next.equals(scope.getValue())) {
                eventIds.keys(platform, courseId, scope.getKey(), next);
            }
        }
    }

    /**
     * A name as Moodle takes it: control characters out, at most {@link #MAX_NAME} characters, and a
     * {@code <} that PHP's {@code strip_tags} would take for a tag followed by a space ({@code PARAM_TEXT}
     * refuses a whole call whose name {@code strip_tags} would change).
     */
    static String name(String text) {
        String clean = fi.kasvu.lms.lti.LtiIds.displayText(text).strip().replaceAll("<(?!\\s)", "< ");
        clean = clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
        return clean.endsWith("<") ? clean.substring(0, clean.length() - 1) : clean;
    }

    /** Undoes the HTML escaping {@code format_string} applies to names in web-service answers. */
    static String unescape(String text) {
        return MoodleText.unescape(text);
    }

    /** The Moodle idnumber of a group: its key, or a hash of it when the key would not fit or has control characters. */
    static String idnumber(String key) {
        if (key.length() <= MAX_IDNUMBER && key.chars().noneMatch(Character::isISOControl) && key.equals(key.strip())) {
            return key;
        }
        return "kasvu-sha256-" + sha256(key).substring(0, 40);
    }

    /** The Moodle idnumber of the grouping of this name. */
    static String groupingIdnumber(String name) {
        return "kasvu-grouping-" + sha256(name).substring(0, 40);
    }

    private static String sha256(String text) {
        return Hashes.sha256Hex(text);
    }
}

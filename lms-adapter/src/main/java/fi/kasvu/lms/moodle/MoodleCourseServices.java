package fi.kasvu.lms.moodle;

import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
 * </ul>
 *
 * <p>{@link Published} counts groups (created now / there already; a group that gained members
 * counts as there already) and events.
 *
 * <p>Failures come back typed, with Moodle's error code as the detail; the token never reaches a
 * message or a log line (the client redacts it, and only error codes are logged here).
 */
public final class MoodleCourseServices implements CourseServices {

    /** The web-service functions these services call. */
    public static final Set<String> FUNCTIONS = Set.of("core_group_get_course_groups", "core_group_get_group_members",
            "core_group_get_course_groupings", "core_group_create_groups", "core_group_create_groupings",
            "core_group_assign_grouping", "core_group_add_group_members", "core_calendar_get_calendar_events",
            "core_calendar_create_calendar_events");

    /** Moodle's limit on a group's or grouping's idnumber. */
    static final int MAX_IDNUMBER = 100;
    /** Moodle's limit on a group's, grouping's or event's name. */
    static final int MAX_NAME = 254;

    private static final Logger LOG = LoggerFactory.getLogger(MoodleCourseServices.class);
    private static final Pattern MOODLE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final long DAY = 86_400;

    private final MoodleSites sites;
    private final EventIds eventIds;

    /**
     * Remembers which Moodle event was made for which key of a course, across restarts and instances
     * (the composition root keeps them in the database).
     */
    public interface EventIds {

        /** The Moodle event id made for the key in the course of the platform, if remembered. */
        Optional<Long> find(String platform, long courseId, String key);

        /** Remembers the Moodle event id made for the key. */
        void remember(String platform, long courseId, String key, long eventId);

        /** Kept in memory only (tests; a restart forgets, and then events are found by start and name). */
        static EventIds inMemory() {
            Map<String, Long> ids = new ConcurrentHashMap<>();
            return new EventIds() {
                @Override
                public Optional<Long> find(String platform, long courseId, String key) {
                    return Optional.ofNullable(ids.get(platform + "\n" + courseId + "\n" + key));
                }

                @Override
                public void remember(String platform, long courseId, String key, long eventId) {
                    ids.put(platform + "\n" + courseId + "\n" + key, eventId);
                }
            };
        }
    }

    /** The services on the configured sites, remembering event ids in {@code eventIds}. */
    public MoodleCourseServices(MoodleSites sites, EventIds eventIds) {
        this.sites = Objects.requireNonNull(sites, "sites must not be null");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds must not be null");
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
        Map<String, Group> existingByName = new HashMap<>();
        for (Group group : moodle.execute(MoodleCalls.courseGroups(courseId))) {
            if (group.idnumber() != null && !group.idnumber().isEmpty()) {
                existingByIdnumber.put(group.idnumber(), group);
            }
            existingByName.put(unescape(group.name()), group);
        }
        List<Map.Entry<String, GroupToPublish>> toCreate = new ArrayList<>();
        for (Map.Entry<String, GroupToPublish> entry : byIdnumber.entrySet()) {
            if (!existingByIdnumber.containsKey(entry.getKey())) {
                if (existingByName.containsKey(name(entry.getValue().name()))) {
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
            } else if (groupingId == null && grouping.equals(unescape(existing.name()))) {
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
        return call(session, "publishing events", (moodle, courseId) -> publishEvents(moodle, session.platform(),
                courseId, events));
    }

    private Published publishEvents(MoodleClient moodle, String platform, long courseId, List<CourseEvent> wanted)
            throws IOException, MoodleException, Refused {
        List<Wanted> all = new ArrayList<>();
        for (CourseEvent event : wanted) {
            all.add(new Wanted(event.key(), 0, event));
        }
        return publishCalendar(moodle, platform, courseId, all);
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
            for (GroupEvent event : events) {
                Long groupId = groupIds.get(idnumber(event.groupKey()));
                if (groupId == null) {
                    // The group was never published (or a teacher deleted it): publish the groups first.
                    throw new Refused(Failure.REFUSED, "groupnotpublished");
                }
                // Group and course events keep their keys apart in the memory of made events.
                all.add(new Wanted("group-event\n" + event.event().key(), groupId, event.event()));
            }
            return publishCalendar(moodle, session.platform(), courseId, all);
        });
    }

    /** An event to have in the calendar: its key in {@link EventIds}, its group (0: a course event). */
    private record Wanted(String key, long groupId, CourseEvent event) {
        String match() {
            return groupId + "\n" + event.start().getEpochSecond() + "\n" + name(event.name());
        }
    }

    private Published publishCalendar(MoodleClient moodle, String platform, long courseId, List<Wanted> wanted)
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
        if (byKey.isEmpty()) {
            return new Published(0, 0);
        }
        Map<String, Long> remembered = new HashMap<>();
        for (String key : byKey.keySet()) {
            eventIds.find(platform, courseId, key).ifPresent(id -> remembered.put(key, id));
        }
        long from = byKey.values().stream().mapToLong(e -> e.event().start().getEpochSecond()).min().orElseThrow() - DAY;
        long to = byKey.values().stream().mapToLong(e -> e.event().start().getEpochSecond()).max().orElseThrow() + DAY;
        List<Long> groups = byKey.values().stream().map(Wanted::groupId).filter(id -> id > 0).distinct().toList();
        // The course's events (and its groups'), plus the remembered ids, so that an event a teacher moved
        // out of the window still counts. Moodle's default user/site options: userevents=0 would hide the
        // group events (quirk 20).
        CalendarEventsResult existing = moodle.execute(MoodleCalls.calendarEvents(new CalendarEventQuery(
                List.of(courseId), groups, List.copyOf(new LinkedHashSet<>(remembered.values())), null, null,
                Math.max(0, from), to, false)));
        Set<Long> present = new java.util.HashSet<>();
        Map<String, Long> byMatch = new HashMap<>();
        for (CalendarEvent event : existing.events()) {
            boolean ours = event.courseid() != null && event.courseid() == courseId
                    && ("course".equals(event.eventtype()) && event.groupIdOrZero() == 0
                    || "group".equals(event.eventtype()) && groups.contains(event.groupIdOrZero()));
            if (ours) {
                present.add(event.id());
                byMatch.putIfAbsent(event.groupIdOrZero() + "\n" + event.timestart() + "\n" + unescape(event.name()),
                        event.id());
            }
        }
        int unchanged = 0;
        List<Wanted> toCreate = new ArrayList<>();
        for (Wanted event : byKey.values()) {
            Long id = remembered.get(event.key());
            if (id != null && present.contains(id)) {
                unchanged++;
                continue;
            }
            Long same = byMatch.get(event.match());
            if (same != null) {
                eventIds.remember(platform, courseId, event.key(), same);
                unchanged++;
                continue;
            }
            toCreate.add(event);
        }
        int created = 0;
        if (!toCreate.isEmpty()) {
            List<NewCalendarEvent> batch = toCreate.stream().map(w -> w.groupId() > 0
                    ? NewCalendarEvent.forGroup(courseId, w.groupId(), name(w.event().name()), w.event().description(),
                            w.event().start().getEpochSecond(), w.event().duration().toSeconds())
                    : new NewCalendarEvent(name(w.event().name()), w.event().description(), 1, courseId, null,
                            EventType.COURSE, w.event().start().getEpochSecond(), w.event().duration().toSeconds(), true,
                            null)).toList();
            CalendarEventsResult result = moodle.execute(MoodleCalls.createCalendarEvents(batch));
            if (!result.warnings().isEmpty()) {
                LOG.warn("Moodle course {}: {} events refused ({})", courseId, result.warnings().size(),
                        result.warnings().get(0).warningcode());
            }
            // Moodle answers the events it made in the order asked; refused ones come back as warnings.
            List<Wanted> unmatched = new ArrayList<>(toCreate);
            for (CalendarEvent made : result.events()) {
                String match = made.groupIdOrZero() + "\n" + made.timestart() + "\n" + unescape(made.name());
                for (java.util.Iterator<Wanted> it = unmatched.iterator(); it.hasNext(); ) {
                    Wanted event = it.next();
                    if (made.id() != null && event.match().equals(match)) {
                        eventIds.remember(platform, courseId, event.key(), made.id());
                        it.remove();
                        created++;
                        break;
                    }
                }
            }
            if (created < toCreate.size()) {
                String code = result.warnings().isEmpty() ? "eventnotcreated"
                        : String.valueOf(result.warnings().get(0).warningcode());
                throw new Refused(Failure.REFUSED, code);
            }
        }
        return new Published(created, unchanged);
    }

    /** A name as Moodle keeps it: control characters out, at most {@link #MAX_NAME} characters. */
    static String name(String text) {
        String clean = fi.kasvu.lms.lti.LtiIds.displayText(text).strip();
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
    }

    /** Undoes the HTML escaping {@code format_string} applies to names in web-service answers. */
    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Language;
import fi.kasvu.lms.moodle.CalendarEvent;
import fi.kasvu.lms.moodle.CalendarEventQuery;
import fi.kasvu.lms.moodle.CalendarEventsResult;
import fi.kasvu.lms.moodle.Course;
import fi.kasvu.lms.moodle.EnrolledUser;
import fi.kasvu.lms.moodle.EventType;
import fi.kasvu.lms.moodle.Group;
import fi.kasvu.lms.moodle.GroupMembership;
import fi.kasvu.lms.moodle.GroupWrites;
import fi.kasvu.lms.moodle.Grouping;
import fi.kasvu.lms.moodle.GroupingAssignment;
import fi.kasvu.lms.moodle.MoodleCalls;
import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleException;
import fi.kasvu.lms.moodle.MoodleText;
import fi.kasvu.lms.moodle.MoodleUser;
import fi.kasvu.lms.moodle.NewCalendarEvent;
import fi.kasvu.lms.moodle.NewGroup;
import fi.kasvu.lms.moodle.NewGrouping;
import fi.kasvu.lms.moodle.SiteInfo;
import fi.kasvu.lms.moodle.UserGroup;
import fi.kasvu.lms.moodle.Warning;
import fi.kasvu.lms.moodle.sync.SyncPlan.EventPlan;
import fi.kasvu.lms.moodle.sync.SyncPlan.GroupPlan;
import fi.kasvu.lms.moodle.sync.SyncPlan.MemberPlan;
import fi.kasvu.lms.moodle.sync.SyncPlan.MessagePlan;
import fi.kasvu.lms.moodle.sync.SyncPlan.Reason;
import fi.kasvu.lms.moodle.sync.SyncPlan.Unmatched;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a formation to a Moodle course, idempotently: reads the course's groups, groupings,
 * members and events in a handful of calls, plans only what is missing, and writes it in
 * batches. Running it again after a failure finishes the job; running it after success changes nothing.
 *
 * <p>Order of writes: grouping, groups, assignments, members, events, and last the welcome
 * messages, so that a message never names a group or meeting that does not exist yet.
 */
public final class GroupSync {

    /** The functions a sync reads with. */
    public static final Set<String> READ_FUNCTIONS = Set.of("core_course_get_courses_by_field",
            "core_enrol_get_enrolled_users", "core_user_get_users_by_field", "core_group_get_course_groups",
            "core_group_get_course_groupings", "core_calendar_get_calendar_events");

    /** The functions a sync writes with (and site info, which checks them before the first write). */
    public static final Set<String> WRITE_FUNCTIONS = Set.of("core_webservice_get_site_info",
            "core_group_create_groups", "core_group_create_groupings", "core_group_assign_grouping",
            "core_group_add_group_members", "core_calendar_create_calendar_events",
            "core_message_send_instant_messages");

    private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);

    private final MoodleClient moodle;
    private final SyncJournal journal;
    private final SyncSettings settings;
    private final SyncProgress progress;

    /** A sync through the client, remembering messages and assignments in the journal. */
    public GroupSync(MoodleClient moodle, SyncJournal journal, SyncSettings settings, SyncProgress progress) {
        this.moodle = Objects.requireNonNull(moodle, "moodle must not be null");
        this.journal = Objects.requireNonNull(journal, "journal must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.progress = Objects.requireNonNull(progress, "progress must not be null");
    }

    /** Every function a sync needs in the token's service. */
    public static Set<String> requiredFunctions() {
        Set<String> all = new TreeSet<>(READ_FUNCTIONS);
        all.addAll(WRITE_FUNCTIONS);
        return all;
    }

    /**
     * Plans (dry run) or performs the sync.
     *
     * @throws CourseNotFoundException if no visible course has the short name
     * @throws MoodleException if Moodle refuses a call; run again after fixing the cause
     * @throws IOException if a call fails in transport; run again to resume
     */
    public SyncReport run(String courseShortname, SyncInput input, boolean dryRun)
            throws IOException, MoodleException, CourseNotFoundException {
        SyncPlan plan = plan(courseShortname, input);
        if (dryRun) {
            return new SyncReport(SyncReport.Outcome.DRY_RUN, plan, false, 0, 0, 0, 0, 0, problems(plan), Set.of());
        }
        return apply(plan, input);
    }

    /**
     * Reads Moodle's state and works out what is missing, without writing.
     *
     * @throws CourseNotFoundException if no visible course has the short name
     * @throws MoodleException if Moodle refuses a read
     * @throws IOException if a read fails in transport
     */
    public SyncPlan plan(String courseShortname, SyncInput input)
            throws IOException, MoodleException, CourseNotFoundException {
        List<Course> courses = moodle.execute(MoodleCalls.coursesByField(MoodleCalls.CourseField.SHORTNAME,
                courseShortname)).courses();
        if (courses.isEmpty()) {
            throw new CourseNotFoundException(courseShortname);
        }
        Course course = courses.get(0);
        long courseId = course.id();
        List<EnrolledUser> enrolled = moodle.execute(MoodleCalls.enrolledUsers(courseId));
        Map<String, Group> groupsByIdnumber = new HashMap<>();
        List<Group> courseGroups = moodle.execute(MoodleCalls.courseGroups(courseId));
        for (Group group : courseGroups) {
            if (group.idnumber() != null && !group.idnumber().isEmpty()) {
                groupsByIdnumber.put(group.idnumber(), group);
            }
        }
        Long groupingId = null;
        for (Grouping grouping : moodle.execute(MoodleCalls.courseGroupings(courseId))) {
            if (input.groupingIdnumber().equals(grouping.idnumber())) {
                groupingId = grouping.id();
            }
        }

        Map<Long, Set<Long>> membership = new HashMap<>();
        Map<String, List<EnrolledUser>> usersByKey = new HashMap<>();
        for (EnrolledUser user : enrolled) {
            for (UserGroup group : user.groups()) {
                membership.computeIfAbsent(group.id(), id -> new HashSet<>()).add(user.id());
            }
            String key = settings.matchBy().keyOf(user);
            if (!key.isEmpty()) {
                usersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(user);
            }
        }

        Set<String> existingEvents = readEvents(course, input, groupsByIdnumber);
        Language language = formationLanguage(course, input);

        List<GroupPlan> groups = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        int assignments = 0;
        for (SyncGroup group : input.groups()) {
            String idnumber = input.groupIdnumber(group);
            String name = SyncTexts.groupName(input, group, language);
            Group existing = groupsByIdnumber.get(idnumber);
            String conflict = null;
            // Moodle lists names formatted ("A &amp; B"), and refuses a second group of one name (a bare
            // invalidparameter for the whole batch): compare the name as Moodle would list it.
            Group sameName = existing != null ? null : courseGroups.stream()
                    .filter(g -> MoodleText.sameName(name, g.name())).findFirst().orElse(null);
            if (sameName != null) {
                conflict = "a group named \"" + name + "\" exists with idnumber \""
                        + Objects.toString(sameName.idnumber(), "") + "\"";
            }
            Long groupId = existing == null ? null : existing.id();
            Set<Long> members = groupId == null ? Set.of() : membership.getOrDefault(groupId, Set.of());
            List<SyncMember> matchedMembers = new ArrayList<>();
            Map<SyncMember, Long> userIds = new LinkedHashMap<>();
            for (SyncMember member : group.members()) {
                String key = settings.matchBy().keyOf(member);
                List<EnrolledUser> candidates = key.isEmpty() ? List.of() : usersByKey.getOrDefault(key, List.of());
                if (key.isEmpty()) {
                    unmatched.add(new Unmatched(member, group.number(), Reason.NO_KEY));
                } else if (candidates.size() > 1) {
                    unmatched.add(new Unmatched(member, group.number(), Reason.AMBIGUOUS));
                } else if (candidates.isEmpty()) {
                    unmatched.add(new Unmatched(member, group.number(), Reason.NOT_ON_SITE));
                } else {
                    matchedMembers.add(member);
                    userIds.put(member, candidates.get(0).id());
                }
            }
            List<EventPlan> events = new ArrayList<>();
            ZonedDateTime first = null;
            for (SyncMeeting meeting : group.meetings()) {
                ZonedDateTime start = meeting.date().atTime(settings.meetingTime()).atZone(settings.zone());
                if (first == null || start.isBefore(first)) {
                    first = start;
                }
                String eventName = SyncTexts.eventName(name, meeting, language);
                boolean exists = groupId != null && existingEvents.contains(eventKey(groupId, start.toEpochSecond()));
                events.add(new EventPlan(meeting, eventName, SyncTexts.eventDescription(meeting, language),
                        start.toEpochSecond(), settings.meetingLength().toSeconds(), exists));
            }
            List<MemberPlan> memberPlans = new ArrayList<>();
            for (SyncMember member : matchedMembers) {
                long userId = userIds.get(member);
                List<SyncMember> others = matchedOthers(group, member);
                String key = welcomeKey(courseId, input, group, userId);
                String text = SyncTexts.welcome(member, name, course.fullname(), others, first);
                memberPlans.add(new MemberPlan(member, userId, members.contains(userId),
                        new MessagePlan(key, text, journal.message(key))));
            }
            if (conflict == null && (groupId == null || groupingId == null || !journal.assigned(groupingId, groupId))) {
                assignments++;
            }
            groups.add(new GroupPlan(group, idnumber, name, SyncTexts.groupDescription(language), groupId, conflict,
                    memberPlans, events));
        }
        refineUnmatched(unmatched);
        return new SyncPlan(course, input.groupingIdnumber(), SyncTexts.groupingName(input, language), groupingId, groups,
                unmatched, assignments);
    }

    /**
     * The journal key of a welcome message, also sent as its {@code clientmsgid}: Moodle accepts only
     * letters, digits, {@code _} and {@code -} there and refuses the whole call otherwise (fixture quirk 19).
     */
    static String welcomeKey(long courseId, SyncInput input, SyncGroup group, long userId) {
        String formation = input.formationId().replaceAll("[^A-Za-z0-9_-]", "_");
        return "kasvu-welcome-" + courseId + "-" + formation + "-g" + group.number() + "-" + userId;
    }

    private static List<SyncMember> matchedOthers(SyncGroup group, SyncMember member) {
        List<SyncMember> others = new ArrayList<>(group.members());
        others.remove(member);
        return others;
    }

    /**
     * A Kasvu meeting is one group event at its start time: matching on the name instead would
     * create the events again whenever the formation's language (and so the name) changed.
     */
    private static String eventKey(long groupId, long timestart) {
        return groupId + "@" + timestart;
    }

    /**
     * The one language of a formation's group, grouping and event names: the settings' choice, else
     * the language the course forces, else the one most members prefer.
     */
    private Language formationLanguage(Course course, SyncInput input) {
        if (settings.language() != null) {
            return settings.language();
        }
        String forced = course.lang() == null ? "" : course.lang().strip();
        for (Language language : Language.values()) {
            if (forced.equals(language.code()) || forced.startsWith(language.code() + "_")) {
                return language;
            }
        }
        List<SyncMember> everyone = new ArrayList<>();
        input.groups().forEach(group -> everyone.addAll(group.members()));
        return SyncGroup.majority(everyone);
    }

    private Set<String> readEvents(Course course, SyncInput input, Map<String, Group> groupsByIdnumber)
            throws IOException, MoodleException {
        List<Long> ourGroups = new ArrayList<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (SyncGroup group : input.groups()) {
            Group existing = groupsByIdnumber.get(input.groupIdnumber(group));
            if (existing == null) {
                continue;
            }
            for (SyncMeeting meeting : group.meetings()) {
                long start = meeting.date().atTime(settings.meetingTime()).atZone(settings.zone()).toEpochSecond();
                from = Math.min(from, start);
                to = Math.max(to, start);
            }
            if (!group.meetings().isEmpty()) {
                ourGroups.add(existing.id());
            }
        }
        Set<String> keys = new HashSet<>();
        if (ourGroups.isEmpty()) {
            return keys;
        }
        CalendarEventsResult result = moodle.execute(MoodleCalls.calendarEvents(
                CalendarEventQuery.courseAndGroups(course.id(), ourGroups, from - 86_400, to + 86_400)));
        for (CalendarEvent event : result.events()) {
            if ("group".equals(event.eventtype()) && event.groupIdOrZero() > 0) {
                keys.add(eventKey(event.groupIdOrZero(), event.timestart() == null ? 0 : event.timestart()));
            }
        }
        return keys;
    }

    /** Tells members who are on the site but not enrolled from those not on the site at all (one call per batch). */
    private void refineUnmatched(List<Unmatched> unmatched) throws IOException, MoodleException {
        List<Unmatched> notFound = unmatched.stream().filter(u -> u.reason() == Reason.NOT_ON_SITE).toList();
        if (notFound.isEmpty()) {
            return;
        }
        Set<String> onSite = new HashSet<>();
        for (List<Unmatched> batch : batches(notFound)) {
            List<String> values = batch.stream().map(u -> settings.matchBy().keyOf(u.member())).distinct().toList();
            for (MoodleUser user : moodle.execute(MoodleCalls.usersByField(settings.matchBy().userField(), values))) {
                String key = switch (settings.matchBy()) {
                    case EMAIL -> user.email() == null ? "" : user.email().toLowerCase(Locale.ROOT);
                    case USERNAME -> user.username() == null ? "" : user.username();
                    case IDNUMBER -> user.idnumber() == null ? "" : user.idnumber();
                };
                onSite.add(key);
            }
        }
        unmatched.replaceAll(u -> u.reason() == Reason.NOT_ON_SITE && onSite.contains(settings.matchBy().keyOf(u.member()))
                ? new Unmatched(u.member(), u.groupNumber(), Reason.NOT_ENROLLED) : u);
    }

    /**
     * Writes what the plan found missing.
     *
     * @throws MoodleException if Moodle refuses a write; run again after fixing the cause
     * @throws IOException if a write fails in transport; run again to resume
     */
    SyncReport apply(SyncPlan plan, SyncInput input) throws IOException, MoodleException {
        List<String> problems = problems(plan);
        if (!plan.hasWrites()) {
            return new SyncReport(SyncReport.Outcome.UP_TO_DATE, plan, false, 0, 0, 0, 0, 0, problems, Set.of());
        }
        SiteInfo site = moodle.execute(MoodleCalls.siteInfo());
        Set<String> missing = site.missingFunctions(WRITE_FUNCTIONS);
        if (!missing.isEmpty()) {
            return new SyncReport(SyncReport.Outcome.REFUSED, plan, false, 0, 0, 0, 0, 0, problems, missing);
        }
        long courseId = plan.course().id();

        boolean groupingCreated = false;
        Long groupingId = plan.existingGroupingId();
        if (groupingId == null) {
            GroupWrites.Made grouping = GroupWrites.createGrouping(moodle, new NewGrouping(courseId,
                    plan.groupingName(), "", 1, plan.groupingIdnumber()));
            groupingId = grouping.id();
            groupingCreated = grouping.created();
        }

        Map<String, Long> groupIds = new HashMap<>();
        plan.groups().stream().filter(g -> g.existingGroupId() != null)
                .forEach(g -> groupIds.put(g.idnumber(), g.existingGroupId()));
        List<GroupPlan> toCreate = plan.groups().stream().filter(GroupPlan::toCreate).toList();
        int groupsCreated = 0;
        int done = 0;
        for (List<GroupPlan> batch : batches(toCreate)) {
            groupsCreated += GroupWrites.createGroups(moodle, courseId, newGroups(courseId, batch), groupIds);
            done += batch.size();
            progress.update("groups", done, toCreate.size());
        }

        List<GroupPlan> live = plan.groups().stream().filter(g -> g.conflict() == null).toList();
        List<GroupingAssignment> assignments = new ArrayList<>();
        for (GroupPlan group : live) {
            long groupId = groupIds.get(group.idnumber());
            if (!journal.assigned(groupingId, groupId)) {
                assignments.add(new GroupingAssignment(groupingId, groupId));
            }
        }
        for (List<GroupingAssignment> batch : batches(assignments)) {
            moodle.execute(MoodleCalls.assignGrouping(batch));
            for (GroupingAssignment assignment : batch) {
                journal.assignedNow(assignment.groupingid(), assignment.groupid());
            }
        }

        List<GroupMembership> memberships = new ArrayList<>();
        for (GroupPlan group : live) {
            long groupId = groupIds.get(group.idnumber());
            for (MemberPlan member : group.members()) {
                if (!member.alreadyIn()) {
                    memberships.add(new GroupMembership(groupId, member.userId()));
                }
            }
        }
        done = 0;
        for (List<GroupMembership> batch : batches(memberships)) {
            moodle.execute(MoodleCalls.addGroupMembers(batch));
            done += batch.size();
            progress.update("members", done, memberships.size());
        }

        List<NewCalendarEvent> events = new ArrayList<>();
        for (GroupPlan group : live) {
            long groupId = groupIds.get(group.idnumber());
            for (EventPlan event : group.events()) {
                if (!event.exists()) {
                    events.add(new NewCalendarEvent(event.name(), event.description(), 1, courseId, groupId,
                            EventType.GROUP, event.timestart(), event.duration(), true, null));
                }
            }
        }
        int eventsCreated = 0;
        done = 0;
        for (List<NewCalendarEvent> batch : batches(events)) {
            CalendarEventsResult result = moodle.execute(MoodleCalls.createCalendarEvents(batch));
            eventsCreated += result.events().size();
            for (Warning warning : result.warnings()) {
                problems.add("event refused (" + warning.warningcode() + "): " + warning.message());
            }
            done += batch.size();
            progress.update("events", done, events.size());
        }

        WelcomeSender welcomes = new WelcomeSender(moodle, journal, settings.batchSize(), progress,
                site.userid() == null ? 0 : site.userid(),
                site.missingFunctions(Set.of(WelcomeSender.READ_BACK)).isEmpty(), problems);
        List<MemberPlan> messages = new ArrayList<>();
        List<MemberPlan> uncertain = new ArrayList<>();
        for (GroupPlan group : live) {
            for (MemberPlan member : group.members()) {
                if (member.message().toSend()) {
                    messages.add(member);
                } else if (member.message().state() == SyncJournal.MessageState.UNCERTAIN) {
                    uncertain.add(member);
                }
            }
        }
        messages.addAll(welcomes.settleUncertain(uncertain));
        welcomes.send(messages);
        int sent = welcomes.sent();
        LOG.info("Moodle sync of course {} done: {} groups, {} members, {} events, {} messages", courseId,
                groupsCreated, memberships.size(), eventsCreated, sent);
        return new SyncReport(SyncReport.Outcome.COMPLETED, plan, groupingCreated, groupsCreated, assignments.size(),
                memberships.size(), eventsCreated, sent, problems, Set.of());
    }

    private static List<NewGroup> newGroups(long courseId, List<GroupPlan> batch) {
        return batch.stream().map(g -> new NewGroup(courseId, g.name(), g.description(), 1, g.idnumber(), null, null,
                null)).toList();
    }

    private static List<String> problems(SyncPlan plan) {
        List<String> problems = new ArrayList<>();
        for (GroupPlan group : plan.groups()) {
            if (group.conflict() != null) {
                problems.add("group " + group.idnumber() + " not created: " + group.conflict());
            }
        }
        for (Unmatched miss : plan.unmatched()) {
            problems.add("member " + miss.member().id() + " of group " + miss.groupNumber() + " not matched: "
                    + miss.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return problems;
    }

    private <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += settings.batchSize()) {
            batches.add(items.subList(from, Math.min(items.size(), from + settings.batchSize())));
        }
        return batches;
    }

    /** No visible course has the short name (or the token user cannot see it). */
    public static final class CourseNotFoundException extends Exception {

        private static final long serialVersionUID = 1L;

        /** The course that was not found. */
        public CourseNotFoundException(String shortname) {
            super("no visible course with short name " + shortname + " (or the token's user cannot see it)");
        }
    }
}

package fi.kasvu.lms.moodle;

import fi.kasvu.common.Require;
import java.util.List;
import java.util.Set;

/**
 * Typed factories for every Moodle web-service function Kasvu uses, each encoding its
 * parameters the way Moodle expects them.
 */
public final class MoodleCalls {

    /** Every web-service function these factories call, for {@link MoodleClient#checkFunctions(Set)}. */
    public static final Set<String> ALL_FUNCTIONS = Set.of(
            "core_webservice_get_site_info", "core_course_get_courses_by_field", "core_enrol_get_enrolled_users",
            "core_user_get_users_by_field", "core_group_create_groups", "core_group_get_course_groups",
            "core_group_add_group_members", "core_group_get_group_members", "core_group_delete_groups",
            "core_group_create_groupings", "core_group_assign_grouping", "core_group_get_course_groupings",
            "core_cohort_create_cohorts", "core_cohort_add_cohort_members", "core_cohort_search_cohorts",
            "core_calendar_create_calendar_events", "core_calendar_get_calendar_events",
            "core_calendar_delete_calendar_events",
            "core_message_send_instant_messages", "core_message_get_messages",
            "core_completion_get_activities_completion_status", "mod_lti_get_tool_types", "mod_lti_get_ltis_by_courses");

    private MoodleCalls() {
    }

    /** The course field to search by in {@link #coursesByField(CourseField, String)}. */
    public enum CourseField {
        /** The course id. */
        ID("id"),
        /** A comma-separated list of ids. */
        IDS("ids"),
        /** The short name. */
        SHORTNAME("shortname"),
        /** The idnumber. */
        IDNUMBER("idnumber"),
        /** The category id. */
        CATEGORY("category");

        private final String wire;

        CourseField(String wire) {
            this.wire = wire;
        }
    }

    /** The user field to search by in {@link #usersByField(UserField, List)}. */
    public enum UserField {
        /** The user id. */
        ID("id"),
        /** The idnumber. */
        IDNUMBER("idnumber"),
        /** The username (which Moodle requires in lower case). */
        USERNAME("username"),
        /** The email address. */
        EMAIL("email");

        private final String wire;

        UserField(String wire) {
            this.wire = wire;
        }
    }

    /** {@code core_webservice_get_site_info}: the token user and the service's functions. */
    public static MoodleCall<SiteInfo> siteInfo() {
        return MoodleCall.read("core_webservice_get_site_info", new FormBody(), SiteInfo.class);
    }

    /** {@code core_course_get_courses_by_field}: visible courses matching a field. */
    public static MoodleCall<CoursesResult> coursesByField(CourseField field, String value) {
        Require.nonNull("field", field);
        Require.nonNull("value", value);
        return MoodleCall.read("core_course_get_courses_by_field",
                new FormBody().add("field", field.wire).add("value", value), CoursesResult.class);
    }

    /** {@code core_enrol_get_enrolled_users} without options. */
    public static MoodleCall<List<EnrolledUser>> enrolledUsers(long courseId) {
        return enrolledUsers(courseId, EnrolledUsersOptions.none());
    }

    /** {@code core_enrol_get_enrolled_users}: the users enrolled in a course, with their groups. */
    public static MoodleCall<List<EnrolledUser>> enrolledUsers(long courseId, EnrolledUsersOptions options) {
        FormBody body = new FormBody().add("courseid", positive("courseId", courseId));
        int i = 0;
        if (options.withcapability() != null) {
            i = option(body, i, "withcapability", options.withcapability());
        }
        if (options.groupid() != null) {
            i = option(body, i, "groupid", Long.toString(options.groupid()));
        }
        if (options.onlyactive() != null) {
            i = option(body, i, "onlyactive", options.onlyactive() ? "1" : "0");
        }
        if (options.onlysuspended() != null) {
            i = option(body, i, "onlysuspended", options.onlysuspended() ? "1" : "0");
        }
        if (!options.userfields().isEmpty()) {
            i = option(body, i, "userfields", String.join(",", options.userfields()));
        }
        if (options.limitfrom() != null) {
            i = option(body, i, "limitfrom", Integer.toString(options.limitfrom()));
        }
        if (options.limitnumber() != null) {
            i = option(body, i, "limitnumber", Integer.toString(options.limitnumber()));
        }
        if (options.sortby() != null) {
            i = option(body, i, "sortby", options.sortby());
        }
        if (options.sortdirection() != null) {
            option(body, i, "sortdirection", options.sortdirection());
        }
        return MoodleCall.read("core_enrol_get_enrolled_users", body, MoodleCall.listOf(EnrolledUser.class));
    }

    private static int option(FormBody body, int index, String name, String value) {
        body.add("options[" + index + "][name]", name).add("options[" + index + "][value]", value);
        return index + 1;
    }

    /**
     * {@code core_user_get_users_by_field}: users by id, idnumber, username or email.
     *
     * @throws IllegalArgumentException for a username with capitals, which Moodle rejects
     */
    public static MoodleCall<List<MoodleUser>> usersByField(UserField field, List<String> values) {
        Require.nonNull("field", field);
        List<String> checked = Require.list("values", values);
        if (field == UserField.USERNAME) {
            for (String value : checked) {
                if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("usernames must be lower case for Moodle: " + value);
                }
            }
        }
        return MoodleCall.read("core_user_get_users_by_field",
                new FormBody().add("field", field.wire).strings("values", checked), MoodleCall.listOf(MoodleUser.class));
    }

    /** {@code core_group_create_groups}: creates groups in one transaction. */
    public static MoodleCall<List<Group>> createGroups(List<NewGroup> groups) {
        FormBody body = new FormBody();
        int i = 0;
        for (NewGroup group : nonEmpty("groups", groups)) {
            String p = "groups[" + i++ + "]";
            body.add(p + "[courseid]", group.courseid()).add(p + "[name]", group.name())
                    .add(p + "[description]", group.description())
                    .optional(p + "[descriptionformat]", group.descriptionformat())
                    .optional(p + "[idnumber]", group.idnumber())
                    .optional(p + "[enrolmentkey]", group.enrolmentkey())
                    .optional(p + "[visibility]", group.visibility())
                    .optional(p + "[participation]", group.participation());
        }
        return MoodleCall.write("core_group_create_groups", body, MoodleCall.listOf(Group.class));
    }

    /** {@code core_group_get_course_groups}: every group of a course. */
    public static MoodleCall<List<Group>> courseGroups(long courseId) {
        return MoodleCall.read("core_group_get_course_groups",
                new FormBody().add("courseid", positive("courseId", courseId)), MoodleCall.listOf(Group.class));
    }

    /** {@code core_group_add_group_members}: adds members (existing ones are a no-op); answers nothing. */
    public static MoodleCall<Void> addGroupMembers(List<GroupMembership> members) {
        FormBody body = new FormBody();
        int i = 0;
        for (GroupMembership member : nonEmpty("members", members)) {
            body.add("members[" + i + "][groupid]", member.groupid()).add("members[" + i + "][userid]", member.userid());
            i++;
        }
        return MoodleCall.writeVoid("core_group_add_group_members", body);
    }

    /** {@code core_group_get_group_members}: the members of several groups in one call. */
    public static MoodleCall<List<GroupMembers>> groupMembers(List<Long> groupIds) {
        return MoodleCall.read("core_group_get_group_members",
                new FormBody().longs("groupids", nonEmpty("groupIds", groupIds)), MoodleCall.listOf(GroupMembers.class));
    }

    /** {@code core_group_delete_groups}: deletes groups; unknown ids are silently ignored by Moodle. */
    public static MoodleCall<Void> deleteGroups(List<Long> groupIds) {
        return MoodleCall.writeVoid("core_group_delete_groups",
                new FormBody().longs("groupids", nonEmpty("groupIds", groupIds)));
    }

    /** {@code core_group_create_groupings}: creates groupings. */
    public static MoodleCall<List<Grouping>> createGroupings(List<NewGrouping> groupings) {
        FormBody body = new FormBody();
        int i = 0;
        for (NewGrouping grouping : nonEmpty("groupings", groupings)) {
            String p = "groupings[" + i++ + "]";
            body.add(p + "[courseid]", grouping.courseid()).add(p + "[name]", grouping.name())
                    .add(p + "[description]", grouping.description())
                    .optional(p + "[descriptionformat]", grouping.descriptionformat())
                    .add(p + "[idnumber]", grouping.idnumber());
        }
        return MoodleCall.write("core_group_create_groupings", body, MoodleCall.listOf(Grouping.class));
    }

    /** {@code core_group_assign_grouping}: puts groups in groupings (existing pairs are skipped); answers nothing. */
    public static MoodleCall<Void> assignGrouping(List<GroupingAssignment> assignments) {
        FormBody body = new FormBody();
        int i = 0;
        for (GroupingAssignment assignment : nonEmpty("assignments", assignments)) {
            body.add("assignments[" + i + "][groupingid]", assignment.groupingid())
                    .add("assignments[" + i + "][groupid]", assignment.groupid());
            i++;
        }
        return MoodleCall.writeVoid("core_group_assign_grouping", body);
    }

    /** {@code core_group_get_course_groupings}: every grouping of a course. */
    public static MoodleCall<List<Grouping>> courseGroupings(long courseId) {
        return MoodleCall.read("core_group_get_course_groupings",
                new FormBody().add("courseid", positive("courseId", courseId)), MoodleCall.listOf(Grouping.class));
    }

    /** {@code core_cohort_create_cohorts}: creates cohorts (idnumbers are unique site-wide). */
    public static MoodleCall<List<Cohort>> createCohorts(List<NewCohort> cohorts) {
        FormBody body = new FormBody();
        int i = 0;
        for (NewCohort cohort : nonEmpty("cohorts", cohorts)) {
            String p = "cohorts[" + i++ + "]";
            body.add(p + "[categorytype][type]", cohort.categoryType())
                    .add(p + "[categorytype][value]", cohort.categoryValue())
                    .add(p + "[name]", cohort.name()).add(p + "[idnumber]", cohort.idnumber())
                    .optional(p + "[description]", cohort.description())
                    .optional(p + "[descriptionformat]", cohort.descriptionformat())
                    .optional(p + "[visible]", cohort.visible());
        }
        return MoodleCall.write("core_cohort_create_cohorts", body, MoodleCall.listOf(Cohort.class));
    }

    /** {@code core_cohort_add_cohort_members}: adds members; unknown users come back as warnings. */
    public static MoodleCall<List<Warning>> addCohortMembers(List<CohortMember> members) {
        FormBody body = new FormBody();
        int i = 0;
        for (CohortMember member : nonEmpty("members", members)) {
            String p = "members[" + i++ + "]";
            body.add(p + "[cohorttype][type]", member.cohortType()).add(p + "[cohorttype][value]", member.cohortValue())
                    .add(p + "[usertype][type]", member.userType()).add(p + "[usertype][value]", member.userValue());
        }
        return MoodleCall.write("core_cohort_add_cohort_members", body, WarningsOnly.class, WarningsOnly::warnings);
    }

    /**
     * {@code core_cohort_search_cohorts}: cohorts whose name, idnumber or description contains the query.
     *
     * @param includes {@code all}, {@code parents} or {@code self}
     * @param limitfrom for {@code all} and {@code self} Moodle reads this as a page number
     */
    public static MoodleCall<List<Cohort>> searchCohorts(String query, long contextId, String includes, int limitfrom,
            int limitnum) {
        Require.nonNull("query", query);
        if (!List.of("all", "parents", "self").contains(includes)) {
            throw new IllegalArgumentException("includes must be all, parents or self: " + includes);
        }
        FormBody body = new FormBody().add("query", query).add("context[contextid]", positive("contextId", contextId))
                .add("includes", includes).add("limitfrom", Require.atLeast("limitfrom", limitfrom, 0))
                .add("limitnum", Require.atLeast("limitnum", limitnum, 1));
        return MoodleCall.read("core_cohort_search_cohorts", body, CohortsOnly.class, CohortsOnly::cohorts);
    }

    /** {@code core_calendar_create_calendar_events}: creates events; refused ones come back as warnings. */
    public static MoodleCall<CalendarEventsResult> createCalendarEvents(List<NewCalendarEvent> events) {
        FormBody body = new FormBody();
        int i = 0;
        for (NewCalendarEvent event : nonEmpty("events", events)) {
            String p = "events[" + i++ + "]";
            body.add(p + "[name]", event.name()).optional(p + "[description]", event.description())
                    .optional(p + "[format]", event.format()).optional(p + "[courseid]", event.courseid())
                    .optional(p + "[groupid]", event.groupid()).add(p + "[eventtype]", event.eventtype().wireName())
                    .add(p + "[timestart]", event.timestart()).optional(p + "[timeduration]", event.timeduration())
                    .optional(p + "[visible]", event.visible()).optional(p + "[repeats]", event.repeats());
        }
        return MoodleCall.write("core_calendar_create_calendar_events", body, CalendarEventsResult.class);
    }

    /**
     * {@code core_calendar_delete_calendar_events}: deletes events (not their repeats); answers nothing.
     * Moodle deletes them in one transaction: an id it cannot find ({@code invalidrecord}) or may not
     * delete ({@code nopermissions}) refuses the whole call.
     */
    public static MoodleCall<Void> deleteCalendarEvents(List<Long> eventIds) {
        FormBody body = new FormBody();
        int i = 0;
        for (long id : nonEmpty("eventIds", eventIds)) {
            body.add("events[" + i + "][eventid]", id).add("events[" + i + "][repeat]", 0);
            i++;
        }
        return MoodleCall.writeVoid("core_calendar_delete_calendar_events", body);
    }

    /** {@code core_calendar_get_calendar_events}: events of courses and groups in a window. */
    public static MoodleCall<CalendarEventsResult> calendarEvents(CalendarEventQuery query) {
        FormBody body = new FormBody().longs("events[eventids]", query.eventids())
                .longs("events[courseids]", query.courseids()).longs("events[groupids]", query.groupids())
                .optional("options[userevents]", query.userevents()).optional("options[siteevents]", query.siteevents())
                .optional("options[timestart]", query.timestart()).optional("options[timeend]", query.timeend())
                .optional("options[ignorehidden]", query.ignorehidden());
        return MoodleCall.read("core_calendar_get_calendar_events", body, CalendarEventsResult.class);
    }

    /**
     * {@code core_message_send_instant_messages}. Mixing a refused and a delivered message in one
     * call makes Moodle fail after delivering the good ones, so send one recipient per call.
     */
    public static MoodleCall<List<MessageResult>> sendInstantMessages(List<InstantMessage> messages) {
        FormBody body = new FormBody();
        int i = 0;
        for (InstantMessage message : nonEmpty("messages", messages)) {
            String p = "messages[" + i++ + "]";
            body.add(p + "[touserid]", message.touserid()).add(p + "[text]", message.text())
                    .optional(p + "[textformat]", message.textformat())
                    .optional(p + "[clientmsgid]", message.clientmsgid());
        }
        return MoodleCall.write("core_message_send_instant_messages", body, MoodleCall.listOf(MessageResult.class));
    }

    /**
     * {@code core_message_get_messages} for the messages (not notifications) a user sent to anyone,
     * read or unread, newest first: how a sync learns which welcome messages arrived when an answer was lost.
     */
    public static MoodleCall<SentMessages> messagesSentBy(long useridfrom, int limitfrom, int limitnum) {
        FormBody body = new FormBody().add("useridto", 0).add("useridfrom", useridfrom).add("type", "conversations")
                .add("read", 2).add("newestfirst", 1).add("limitfrom", limitfrom).add("limitnum", limitnum);
        return MoodleCall.read("core_message_get_messages", body, SentMessages.class);
    }

    /** {@code core_completion_get_activities_completion_status}: one user's activity completion in a course. */
    public static MoodleCall<CompletionStatuses> activitiesCompletionStatus(long courseId, long userId) {
        return MoodleCall.read("core_completion_get_activities_completion_status",
                new FormBody().add("courseid", positive("courseId", courseId)).add("userid", positive("userId", userId)),
                CompletionStatuses.class);
    }

    /** {@code mod_lti_get_tool_types}: the LTI tools registered on the site. */
    public static MoodleCall<List<LtiToolType>> ltiToolTypes() {
        return MoodleCall.read("mod_lti_get_tool_types", new FormBody(), MoodleCall.listOf(LtiToolType.class));
    }

    /** {@code mod_lti_get_ltis_by_courses}: the LTI activities of courses (none given: the caller's courses). */
    public static MoodleCall<LtisResult> ltisByCourses(List<Long> courseIds) {
        return MoodleCall.read("mod_lti_get_ltis_by_courses",
                new FormBody().longs("courseids", Require.list("courseIds", courseIds)), LtisResult.class);
    }

    private static long positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        return value;
    }

    private static <T> List<T> nonEmpty(String field, List<T> values) {
        List<T> copy = Require.list(field, values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }

    /** The wire shape {@code {"warnings":[…]}}. */
    public record WarningsOnly(List<Warning> warnings) {
        /** Normalises a missing list to an empty one. */
        public WarningsOnly {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** The wire shape {@code {"cohorts":[…]}}. */
    public record CohortsOnly(List<Cohort> cohorts) {
        /** Normalises a missing list to an empty one. */
        public CohortsOnly {
            cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
        }
    }
}

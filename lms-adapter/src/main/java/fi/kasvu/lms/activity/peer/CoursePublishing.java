package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.CourseServices.CourseEvent;
import fi.kasvu.lms.web.CourseServices.GroupEvent;
import fi.kasvu.lms.web.CourseServices.GroupToPublish;
import fi.kasvu.lms.web.CourseServices.Published;
import fi.kasvu.lms.web.CourseServices.Reply;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.peer.GroupMember;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerGroup;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishing a round's groups to the course on the platform, through {@link CourseServices}: one
 * course group per Kasvu group (keyed by the Kasvu group's id), all under one grouping, and one
 * course calendar event per planned meeting (keyed by the group's id and the meeting's number).
 * The port is idempotent by key, so publishing again creates only what is missing. Nothing a
 * member wrote (themes, places, notes, reflections) goes to the platform: the events carry the
 * group's name, the meeting's number and its day only.
 */
final class CoursePublishing {

    /** Meetings have a day, not a time: their events start at the day's beginning in Finland. */
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private CoursePublishing() {
    }

    /**
     * What publishing to the course gave, for the organiser's page.
     *
     * @param notice a sentence for the notice ("" when it failed)
     * @param error  a sentence for the error summary ("" when it did not fail)
     */
    record Outcome(String notice, String error) {
        boolean failed() {
            return !error.isEmpty();
        }
    }

    /** One published group with its number in its round. */
    record Numbered(int number, PeerGroup group) {
    }

    /**
     * Publishes the round's groups and their planned meetings.
     *
     * @param round  the round's number
     * @param groups the round's groups in Kasvu, numbered
     */
    static Outcome publish(CourseServices course, ClassRoster roster, PageSession session, PageTexts t, int round,
                           List<Numbered> groups) {
        String title = title(session, t);
        String grouping = t.t("peer.course.grouping", title, round);
        Map<PersonId, String> subjects = subjects(roster, session);
        List<GroupToPublish> toPublish = new ArrayList<>();
        List<GroupEvent> events = new ArrayList<>();
        for (Numbered numbered : groups) {
            PeerGroup group = numbered.group();
            String name = t.t("peer.course.group", title, round, numbered.number());
            List<String> members = new ArrayList<>();
            for (GroupMember member : group.members()) {
                PersonId person = member.participant().id();
                String subject = subjects.getOrDefault(person, person.value());
                if (!subject.startsWith("sub-sha256:")) {
                    members.add(subject);
                }
            }
            toPublish.add(new GroupToPublish(group.id(), name, members));
            for (Meeting meeting : group.meetings()) {
                if (meeting instanceof Meeting.Planned) {
                    // In the group's own calendar in the course (Moodle group events), not the whole course's.
                    events.add(new GroupEvent(group.id(), new CourseEvent(group.id() + "-m" + meeting.number(),
                            t.t("peer.course.event", name, meeting.number()), t.t("peer.course.event.text"),
                            meeting.date().atStartOfDay(ZONE).toInstant(), Duration.ZERO)));
                }
            }
        }
        Reply<Published> published = course.publishGroups(session, grouping, toPublish);
        if (published instanceof Reply.NotConfigured<Published>) {
            return new Outcome(t.t("peer.course.notConfigured"), "");
        }
        if (published instanceof Reply.Failed<Published> failed) {
            return new Outcome("", t.t("peer.course.failed", reason(t, failed), detail(failed.detail())));
        }
        Published made = ((Reply.Done<Published>) published).value();
        String groupsDone = t.t("peer.course.done", made.created(), made.unchanged(), grouping);
        if (events.isEmpty()) {
            return new Outcome(groupsDone, "");
        }
        Reply<Published> calendar = course.publishGroupEvents(session, events);
        if (calendar instanceof Reply.Failed<Published> failed) {
            return new Outcome(groupsDone, t.t("peer.course.failed.events", reason(t, failed),
                    detail(failed.detail())));
        }
        if (calendar instanceof Reply.Done<Published> done) {
            Published meetings = done.value();
            String changed = meetings.updated() + meetings.deleted() == 0 ? ""
                    : " " + t.t("peer.course.events.changed", meetings.updated(), meetings.deleted());
            return new Outcome(groupsDone + " " + t.t("peer.course.events", meetings.created(), meetings.unchanged())
                    + changed, "");
        }
        return new Outcome(groupsDone, "");
    }

    private static String title(PageSession session, PageTexts t) {
        String title = session.placement() == null ? "" : session.placement().title().strip();
        return title.isEmpty() ? t.t("peer.course.defaultTitle") : title.length() > 80 ? title.substring(0, 80) : title;
    }

    private static String reason(PageTexts t, Reply.Failed<?> failed) {
        return t.t("peer.course.failure." + failed.failure().name());
    }

    /** The platform's error code, as a short code only. */
    static String detail(String detail) {
        String code = detail.replaceAll("[^A-Za-z0-9_.:-]", "");
        return code.isEmpty() ? "–" : code.length() > 60 ? code.substring(0, 60) : code;
    }

    /** The platform user id of each learner on the course's roster. */
    private static Map<PersonId, String> subjects(ClassRoster roster, PageSession session) {
        Map<PersonId, String> subjects = new HashMap<>();
        try {
            for (ClassRoster.Member member : roster.learners(session)) {
                subjects.put(member.person(), member.subject());
            }
        } catch (RuntimeException unavailable) {
            // Without the roster, a person's id is the platform's user id (as launches make it).
        }
        return subjects;
    }
}

package fi.kasvu.lms.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A course kept in memory behind {@link CourseServices}, idempotent by key as the platform's
 * adapter is: a group or event whose key is there already is left as it is and counted unchanged
 * (a group event that differs from the one kept is replaced and counted updated, as the adapter does).
 * It can be switched to "not configured" or to failing with a reason, as a platform may answer.
 */
final class InMemoryCourse implements CourseServices {

    /** What the course answers. */
    enum Mode { WORKING, NOT_CONFIGURED, FAILING }

    volatile Mode mode = Mode.WORKING;
    volatile Failure failure = Failure.NOT_ALLOWED;
    final Map<String, GroupToPublish> groups = new LinkedHashMap<>();
    final Map<String, String> groupingOf = new LinkedHashMap<>();
    final Map<String, CourseEvent> events = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public synchronized Reply<List<CourseGroup>> groups(PageSession session) {
        calls.add("groups " + session.courseId());
        if (mode != Mode.WORKING) {
            return mode == Mode.NOT_CONFIGURED ? Reply.notConfigured() : Reply.failed(failure, "nopermissions");
        }
        return Reply.done(groups.values().stream().map(g -> new CourseGroup(g.key(), g.name(), g.subjects())).toList());
    }

    @Override
    public synchronized Reply<Published> publishGroups(PageSession session, String groupingName,
                                                       List<GroupToPublish> toPublish) {
        calls.add("publishGroups " + session.courseId() + " " + groupingName);
        if (mode != Mode.WORKING) {
            return mode == Mode.NOT_CONFIGURED ? Reply.notConfigured() : Reply.failed(failure, "nopermissions");
        }
        int created = 0;
        for (GroupToPublish group : toPublish) {
            if (groups.putIfAbsent(group.key(), group) == null) {
                groupingOf.put(group.key(), groupingName);
                created++;
            }
        }
        return Reply.done(new Published(created, toPublish.size() - created));
    }

    @Override
    public synchronized Reply<Published> publishEvents(PageSession session, List<CourseEvent> toPublish) {
        calls.add("publishEvents " + session.courseId());
        if (mode != Mode.WORKING) {
            return mode == Mode.NOT_CONFIGURED ? Reply.notConfigured() : Reply.failed(failure, "nopermissions");
        }
        int created = 0;
        for (CourseEvent event : toPublish) {
            if (events.putIfAbsent(event.key(), event) == null) {
                created++;
            }
        }
        return Reply.done(new Published(created, toPublish.size() - created));
    }

    @Override
    public synchronized Reply<Published> publishGroupEvents(PageSession session, List<GroupEvent> toPublish) {
        calls.add("publishGroupEvents " + session.courseId());
        if (mode != Mode.WORKING) {
            return mode == Mode.NOT_CONFIGURED ? Reply.notConfigured() : Reply.failed(failure, "nopermissions");
        }
        int created = 0;
        int updated = 0;
        for (GroupEvent event : toPublish) {
            if (!groups.containsKey(event.groupKey())) {
                return Reply.failed(Failure.REFUSED, "groupnotpublished");
            }
            CourseEvent before = events.put(event.event().key(), event.event());
            if (before == null) {
                created++;
            } else if (!before.equals(event.event())) {
                // The platform's adapter replaces an event that changed since it was published.
                updated++;
            }
        }
        return Reply.done(new Published(created, toPublish.size() - created - updated, updated, 0));
    }
}

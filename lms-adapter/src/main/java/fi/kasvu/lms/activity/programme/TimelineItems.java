package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.TimelineItem;
import fi.kasvu.programme.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Core's timeline items as the page shows them: localized, timed in the programme's zone, each
 * linking to what fulfils it (the online meeting, the reflection, the linked activity). Only
 * titles, times, places and names: a reflection's text never reaches an item.
 */
final class TimelineItems {

    private final Call call;
    private final Programme programme;
    private final Map<String, String> names;
    private final Instant now;
    private final PageTexts t;
    private final Language language;

    /** Whether the viewer has done an assignment (shown as "done" in what is next and what happened). */
    private java.util.function.Predicate<Assignment> done = assignment -> false;

    TimelineItems(Call call, Programme programme, Map<String, String> names, Instant now) {
        this.call = call;
        this.programme = programme;
        this.names = names;
        this.now = now;
        this.t = call.texts();
        this.language = t.language();
    }

    /** These items with the viewer's done assignments marked. */
    TimelineItems marking(java.util.function.Predicate<Assignment> done) {
        this.done = done;
        return this;
    }

    List<ProgrammeViews.Item> of(List<TimelineItem> items, boolean due) {
        List<ProgrammeViews.Item> shown = new ArrayList<>();
        for (TimelineItem item : items) {
            shown.add(item(item, due));
        }
        return shown;
    }

    private ProgrammeViews.Item item(TimelineItem item, boolean due) {
        String when = ProgrammeForms.when(item.at(), programme.zone(), language);
        if (item instanceof TimelineItem.Event event) {
            return event(event.event(), when);
        }
        if (item instanceof TimelineItem.Deadline deadline) {
            return deadline(deadline.assignment(), ProgrammeForms.day(deadline.assignment().due(), language),
                    due && deadline.deadline().isBefore(now));
        }
        TimelineItem.FeedbackToGive feedback = (TimelineItem.FeedbackToGive) item;
        String title = programme.assignment(feedback.assignmentId()).map(a -> a.title().in(language))
                .orElse(feedback.assignmentId());
        String learner = names.getOrDefault(feedback.learner().value(), "");
        return new ProgrammeViews.Item(when, t.t("timeline.feedbackToGive"), title,
                learner.isBlank() ? "" : t.t("timeline.learner", learner),
                call.base() + "/feedback/" + feedback.reflectionId(), t.t("timeline.openReflection"), false);
    }

    private ProgrammeViews.Item event(ScheduledEvent event, String when) {
        String kind = ProgrammeMessages.eventKind(event.kind(), language);
        List<String> details = new ArrayList<>();
        String href = null;
        if (event.venue() instanceof Venue.OnSite onSite) {
            details.add(t.t("timeline.place", onSite.place()));
        } else if (event.venue() instanceof Venue.Online online) {
            details.add(t.t("timeline.online"));
            href = online.link();
        } else if (event.venue() instanceof Venue.Hybrid hybrid) {
            details.add(t.t("timeline.hybrid", hybrid.place()));
            href = hybrid.link();
        } else {
            details.add(t.t("timeline.venueLater"));
        }
        if (!event.speaker().isEmpty()) {
            details.add(t.t("timeline.speaker", event.speaker()));
        }
        details.add(t.t("timeline.until", ProgrammeForms.when(event.ends(), programme.zone(), language)));
        return new ProgrammeViews.Item(when, kind, event.title().in(language), String.join(" · ", details), href,
                href == null ? "" : t.t("timeline.join", event.title().in(language)), false);
    }

    private ProgrammeViews.Item deadline(Assignment assignment, String when, boolean overdue) {
        String kind = ProgrammeMessages.assignmentKind(assignment.kind(), language);
        String title = assignment.title().in(language);
        String instructions = assignment.instructions() == null ? "" : assignment.instructions().in(language);
        if (done.test(assignment)) {
            instructions = join(t.t("timeline.done"), instructions);
            overdue = false;
        }
        if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity) {
            String id = activity.activityId();
            if (id != null && id.startsWith("https://")) {
                return new ProgrammeViews.Item(when, kind, title, instructions, id, t.t("timeline.openActivity", title),
                        overdue);
            }
            return new ProgrammeViews.Item(when, kind, title, join(instructions, t.t("timeline.notLinked")), null, "",
                    overdue);
        }
        return new ProgrammeViews.Item(when, kind, title, instructions,
                call.base() + "/reflection/" + assignment.id(), t.t("timeline.writeReflection", title), overdue);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + " · " + second;
    }
}

package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Venue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The organiser's page putting the programme's events in the course calendar through the
 * platform's web services ({@link CourseServices#publishEvents}): each event is known by the key
 * {@code <programme id>/<event id>}, so pressing the button again creates nothing twice. The page
 * says plainly when the platform's web services are not configured, and why a call failed.
 */
public final class CourseCalendarPage {

    /**
     * The page.
     *
     * @param frame   the page frame
     * @param nav     the organiser's navigation
     * @param errors  why the last publish failed (empty when it did not)
     * @param notice  what the last publish did ("" for none)
     * @param events  the events that would go to the calendar: title and time
     * @param back    the organiser's page
     */
    public record CourseCalendarView(Views.Frame frame, List<ProgrammeViews.NavLink> nav, List<Views.Message> errors,
                                     String notice, List<String> events, String back) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }

    private final Call call;
    private final PageTexts t;
    private final CourseServices course;

    CourseCalendarPage(Call call, CourseServices course) {
        this.call = call;
        this.t = call.texts();
        this.course = course;
    }

    /** The events as the course calendar gets them, titled in the organiser's language; never anyone's text. */
    static List<CourseServices.CourseEvent> events(Programme programme, Language language) {
        List<CourseServices.CourseEvent> events = new ArrayList<>();
        for (ScheduledEvent event : programme.events()) {
            StringBuilder description = new StringBuilder(ProgrammeMessages.eventKind(event.kind(), language));
            if (event.venue() instanceof Venue.OnSite onSite) {
                description.append(" · ").append(onSite.place());
            } else if (event.venue() instanceof Venue.Online online) {
                description.append(" · ").append(online.link());
            } else if (event.venue() instanceof Venue.Hybrid hybrid) {
                description.append(" · ").append(hybrid.place()).append(" · ").append(hybrid.link());
            }
            if (!event.speaker().isBlank()) {
                description.append(" · ").append(event.speaker());
            }
            events.add(new CourseServices.CourseEvent(programme.id() + "/" + event.id(), event.title().in(language),
                    description.toString(), event.starts(), Duration.between(event.starts(), event.ends())));
        }
        return events;
    }

    Answer show(Programme programme) {
        return page(200, programme, List.of(), "");
    }

    Answer publish(Programme programme) {
        CourseServices.Reply<CourseServices.Published> reply = course.publishEvents(call.session(),
                events(programme, t.language()));
        if (reply instanceof CourseServices.Reply.Done<CourseServices.Published> done) {
            CourseServices.Published published = done.value();
            String notice = t.t("courseCalendar.done", published.created(), published.unchanged());
            if (published.updated() + published.deleted() > 0) {
                notice += " " + t.t("courseCalendar.changed", published.updated(), published.deleted());
            }
            return page(200, programme, List.of(), notice);
        }
        if (reply instanceof CourseServices.Reply.Failed<CourseServices.Published> failed) {
            return page(502, programme, List.of(new Views.Message("#publish",
                    t.t("courseCalendar.failed." + failed.failure().name()))), "");
        }
        return page(409, programme, List.of(new Views.Message("#publish", t.t("courseCalendar.notConfigured"))), "");
    }

    private Answer page(int status, Programme programme, List<Views.Message> errors, String notice) {
        Language language = t.language();
        List<String> events = new ArrayList<>();
        for (ScheduledEvent event : programme.events()) {
            events.add(event.title().in(language) + " – " + ProgrammeForms.when(event.starts(), programme.zone(),
                    language));
        }
        return Answer.page(status, "programme/course-calendar.jte", new CourseCalendarView(
                call.frame(t.t("courseCalendar.title"), "course-calendar"), ProgrammeActivity.nav(call, "manage"),
                errors, notice, events, call.base() + "/manage"));
    }
}

package fi.kasvu.lms.activity.programme;

import fi.kasvu.lms.web.Views;
import java.util.List;

/**
 * The models of the programme's templates: plain, already localized values. A timeline item
 * carries titles, times and places only, never what anyone wrote in a reflection.
 */
public final class ProgrammeViews {

    private ProgrammeViews() {
    }

    /**
     * A link of the page's navigation.
     *
     * @param href    where it goes
     * @param label   what it says
     * @param current whether it is this page
     */
    public record NavLink(String href, String label, boolean current) {
    }

    /**
     * One entry of a timeline.
     *
     * @param when      the time, formatted in the programme's zone
     * @param kind      what kind of item (kick-off, intermediate assignment, feedback to give)
     * @param title     its title
     * @param details   a place, a speaker, a status ("" for none)
     * @param href      what the item links to: the online meeting or the activity that fulfils it (null for none)
     * @param linkLabel the link's text
     * @param overdue   whether its deadline has passed
     */
    public record Item(String when, String kind, String title, String details, String href, String linkLabel,
                       boolean overdue) {
    }

    /**
     * Everyone's timeline page.
     *
     * @param frame    the page frame
     * @param nav      the organiser's navigation (empty for a learner)
     * @param title    the programme's title ("" while none is set up)
     * @param intro    one sentence on the programme's days
     * @param ready    whether a programme exists in this activity
     * @param due      what is due for the viewer
     * @param next     what comes next
     * @param happened what happened
     * @param calendar the viewer's personal calendar page (null for none)
     */
    public record TimelineView(Views.Frame frame, List<NavLink> nav, String title, String intro, boolean ready,
                               List<Item> due, List<Item> next, List<Item> happened, String calendar) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }

        /** The person's e-mail reminder page (next to the calendar). */
        public String reminders() {
            return calendar == null ? null : calendar.replaceFirst("/calendar$", "/reminders");
        }
    }

    /**
     * An organiser's form for one event or assignment.
     *
     * @param id      the event's or assignment's id
     * @param heading what it is and when
     * @param action  where the form posts
     * @param fields  its fields
     * @param problems what is still to decide about it
     * @param note     what else to know ("" for none: a reflection's code for placing it in the gradebook)
     */
    public record ItemForm(String id, String heading, String action, List<Views.Field> fields, List<String> problems,
                           String note) {
    }

    /**
     * One member of the programme with their roles.
     *
     * @param name  their name
     * @param roles their roles, localized and joined
     */
    public record MemberRow(String name, String roles) {
    }

    /**
     * The organiser's page: create the programme from a template, or adapt it.
     *
     * @param frame     the page frame
     * @param nav       the navigation
     * @param errors    what was wrong in the last form
     * @param notice    what the last change did ("" for none)
     * @param ready     whether the programme exists
     * @param title     its title
     * @param create    the creation form's fields (when not ready)
     * @param toDecide  everything still to put right or decide
     * @param events    one form per event
     * @param assignments one form per assignment
     * @param members   the members
     * @param memberFields the form giving a person a role
     */
    public record ManageView(Views.Frame frame, List<NavLink> nav, List<Views.Message> errors, String notice,
                             boolean ready, String title, List<Views.Field> create, List<String> toDecide,
                             List<ItemForm> events, List<ItemForm> assignments, List<MemberRow> members,
                             List<Views.Field> memberFields) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }

    /**
     * A page saying why something cannot be done, with a way back.
     *
     * @param frame   the page frame
     * @param heading what happened
     * @param message what to do
     * @param back    the way back
     * @param backLabel the way back's text
     */
    public record NoticeView(Views.Frame frame, String heading, String message, String back, String backLabel) {
    }

    /**
     * The person's calendar subscription page.
     *
     * @param frame   the page frame
     * @param nav     the organiser's navigation
     * @param active  whether the person has a live address
     * @param address the address, shown once right after it was made (null otherwise)
     * @param notice  what the last action did ("" for none)
     * @param back    the timeline
     */
    public record CalendarView(Views.Frame frame, List<NavLink> nav, boolean active, String address, String notice,
                               String back) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }

    /**
     * The person's e-mail reminder page.
     *
     * @param frame     the page frame
     * @param nav       the organiser's navigation
     * @param errors    what was wrong
     * @param notice    what the last action did ("" for none)
     * @param available whether e-mail reminders are configured
     * @param address   the address in use ("" when opted out or none)
     * @param email     the address field
     * @param back      the timeline
     */
    public record RemindersView(Views.Frame frame, List<NavLink> nav, List<Views.Message> errors, String notice,
                                boolean available, String address, Views.Field email, String back) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }

    /**
     * The page creating the programme from an agency's template file.
     *
     * @param frame     the page frame
     * @param nav       the organiser's navigation
     * @param errors    the error summary
     * @param fields    the first day and the time zone
     * @param fileError what is wrong with the file as a whole (none chosen, N problems), or null
     * @param problems  every problem of the file, each with its line, in the page's language
     * @param examples  the built-in templates in the file format, to download
     * @param maxKb     the largest file read, in kilobytes
     * @param back      the organiser's page
     */
    public record TemplateFileView(Views.Frame frame, List<NavLink> nav, List<Views.Message> errors,
                                   List<Views.Field> fields, String fileError, List<String> problems,
                                   List<NavLink> examples, int maxKb, String back) {
        /** A text of the page bundles. */
        public String m(String key, Object... arguments) {
            return frame.texts().t(key, arguments);
        }
    }
}

package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Venue;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * One person's programme calendar as iCalendar (RFC 5545, written by ical4j): the programme's
 * events for every member, and for a participant the assignments' deadlines as all-day entries.
 * Titles, times and places only: no reflection text, no names of other people.
 */
public final class CalendarFeed {

    private CalendarFeed() {
    }

    private static final fi.kasvu.common.LocalizedText DONE = fi.kasvu.common.LocalizedText.of("Tehty", "Klart",
            "Done");

    /** The calendar of the person in the programme, its texts in the language; stamped with the instant. */
    public static String of(Programme programme, PersonId person, Language language, Instant now) {
        return of(programme, person, language, now, assignment -> false);
    }

    /**
     * The calendar of the person in the programme, its texts in the language; stamped with the
     * instant. A deadline the person has met stays in the calendar (it is part of her programme's
     * history) but reads "Done: …" in its title and description, so a calendar program shows it as
     * met rather than as something still to do.
     *
     * @param done whether an assignment is done for the person ({@link DoneForPerson#done})
     */
    public static String of(Programme programme, PersonId person, Language language, Instant now,
                            java.util.function.Predicate<Assignment> done) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Kasvu//Programme calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", programme.title().in(language)));
        boolean member = programme.members().stream().anyMatch(m -> m.person().equals(person));
        if (!member) {
            return calendar.toString();
        }
        for (ScheduledEvent event : programme.events()) {
            VEvent entry = new VEvent(event.starts(), event.ends(), event.title().in(language));
            entry.replace(new DtStamp(now));
            entry.add(new Uid(event.id() + "." + programme.id() + "@kasvu"));
            entry.add(new LastModified(programme.updated()));
            List<String> details = new ArrayList<>(List.of(ProgrammeMessages.eventKind(event.kind(), language)));
            if (!event.speaker().isEmpty()) {
                details.add(event.speaker());
            }
            if (event.venue() instanceof Venue.OnSite onSite) {
                entry.add(new Location(onSite.place()));
            } else if (event.venue() instanceof Venue.Online online) {
                entry.add(new Location(online.link()));
                entry.add(new Url(URI.create(online.link())));
            } else if (event.venue() instanceof Venue.Hybrid hybrid) {
                entry.add(new Location(hybrid.place()));
                entry.add(new Url(URI.create(hybrid.link())));
                details.add(hybrid.link());
            }
            entry.add(new Description(String.join("\n", details)));
            calendar.add(entry);
        }
        if (programme.has(person, ProgrammeRole.PARTICIPANT)) {
            for (Assignment assignment : programme.assignments()) {
                boolean met = done.test(assignment);
                String title = ProgrammeMessages.assignmentKind(assignment.kind(), language) + ": "
                        + assignment.title().in(language);
                VEvent deadline = new VEvent(assignment.due(), assignment.due().plusDays(1),
                        met ? DONE.in(language) + ": " + title : title);
                deadline.replace(new DtStamp(now));
                deadline.add(new Uid(assignment.id() + "." + programme.id() + "@kasvu"));
                deadline.add(new LastModified(programme.updated()));
                List<String> lines = new ArrayList<>();
                if (met) {
                    lines.add(DONE.in(language) + ".");
                }
                if (assignment.instructions() != null) {
                    lines.add(assignment.instructions().in(language));
                }
                if (!lines.isEmpty()) {
                    deadline.add(new Description(String.join("\n", lines)));
                }
                calendar.add(deadline);
            }
        }
        return calendar.toString();
    }
}

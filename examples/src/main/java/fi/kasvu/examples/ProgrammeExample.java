package fi.kasvu.examples;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.programme.ActivityCompletion;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Timeline;
import fi.kasvu.programme.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Seed 003's programme from its template, adapted by the organiser, seen on a participant's timeline. */
public final class ProgrammeExample {

    private ProgrammeExample() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        Instant now = Instant.parse("2026-08-15T09:00:00Z");
        PersonId olli = PersonId.of("organiser-olli");
        PersonId anna = PersonId.of("supervisor-anna");
        Programme p = ProgrammeTemplates.SUPERVISOR_COACHING.instantiate("ako-2026", "course-1",
                LocalDate.of(2026, 9, 1), helsinki, olli, now);
        p = p.addMember(olli, new Member(anna, ProgrammeRole.PARTICIPANT), now).orElseThrow();
        System.out.println("to decide: " + p.problems().size() + ", first: "
                + ProgrammeMessages.message(p.problems().get(0), Language.EN));
        ScheduledEvent kickOff = p.events().get(0);
        var late = p.putEvent(olli, "start", new ScheduledEvent(kickOff.id(), kickOff.kind(), kickOff.title(),
                kickOff.starts().plus(Duration.ofDays(400)), kickOff.ends().plus(Duration.ofDays(400)),
                new Venue.Online("https://teams.example/ako"), ""), now);
        System.out.println("moved past the end: " + ProgrammeMessages.message(late.problems().get(0), Language.EN));
        p = p.putEvent(olli, "start", new ScheduledEvent(kickOff.id(), kickOff.kind(), kickOff.title(),
                kickOff.starts(), kickOff.ends(), new Venue.Online("https://teams.example/ako"), ""), now).orElseThrow();

        Instant october = LocalDate.of(2026, 10, 1).atStartOfDay(helsinki).toInstant();
        Timeline timeline = Timeline.of(p, anna, october, List.of(), ActivityCompletion.none());
        System.out.println("happened: " + timeline.happened().size() + ", next: " + timeline.next().size()
                + ", due for Anna: " + timeline.dueForMe().size());
        List<DueItem> week = Timeline.dueItems(p, List.of(), ActivityCompletion.none(), october,
                october.plus(Duration.ofDays(7)));
        System.out.println("reminders this week: " + week.size() + " " + week.stream().map(DueItem::kind).toList());
    }
}

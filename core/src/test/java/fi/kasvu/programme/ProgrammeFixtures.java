package fi.kasvu.programme;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** People, days and programmes for the programme tests. */
public final class ProgrammeFixtures {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    public static final LocalDate STARTS = LocalDate.of(2026, 9, 1);
    public static final Instant CREATED = Instant.parse("2026-08-15T09:00:00Z");
    public static final PersonId ORGANISER = PersonId.of("organiser-olli");
    public static final PersonId COACH = PersonId.of("coach-katja");
    public static final PersonId LEARNER = PersonId.of("supervisor-anna");
    public static final PersonId OTHER_LEARNER = PersonId.of("supervisor-bertil");

    private ProgrammeFixtures() {
    }

    /** Seed 003's programme from its template, with a coach and two participants. */
    public static Programme supervisorCoaching() {
        Programme programme = ProgrammeTemplates.SUPERVISOR_COACHING.instantiate("prog-1", "course-1", STARTS, HELSINKI,
                ORGANISER, CREATED);
        programme = programme.addMember(ORGANISER, new Member(COACH, ProgrammeRole.COACH), CREATED).orElseThrow();
        programme = programme.addMember(ORGANISER, new Member(LEARNER, ProgrammeRole.PARTICIPANT), CREATED).orElseThrow();
        return programme.addMember(ORGANISER, new Member(OTHER_LEARNER, ProgrammeRole.PARTICIPANT), CREATED).orElseThrow();
    }

    /** A local time on a day of the programme, as an instant. */
    public static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(HELSINKI).toInstant();
    }

    /** A title in all three languages. */
    public static LocalizedText title(String text) {
        return LocalizedText.of(text, text, text);
    }
}

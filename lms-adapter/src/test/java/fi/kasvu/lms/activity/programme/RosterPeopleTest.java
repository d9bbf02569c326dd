package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.session.SeenPeople;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People for roles come from the course's roster as well as from launches: an organiser makes a
 * learner who has never opened the activity a coach, by the roster's name, and sees several
 * coaches; someone on neither list is refused; a roster that fails leaves the page working.
 */
class RosterPeopleTest {

    final Programmes programmes = Programmes.inMemory(CourseCalendarTest.CLOCK);
    boolean rosterDown;
    final ClassRoster roster = session -> {
        if (rosterDown) {
            throw new IllegalStateException("platform unreachable");
        }
        return List.of(new ClassRoster.Member("kaisa", "Kaisa Valmentaja"), new ClassRoster.Member("ville", "Ville Coach"),
                new ClassRoster.Member("anna", "Anna Esihenkilö"));
    };
    final ProgrammeActivity activity = ProgrammeActivity.of(programmes,
            ReflectionAssignments.inMemory(CourseCalendarTest.CLOCK), SeenPeople.inMemory(CourseCalendarTest.CLOCK),
            roster, CalendarSubscriptions.none(), ReminderContacts.none(), URI.create("https://kasvu.example/"),
            CourseCalendarTest.CLOCK, IdGenerator.sequence("id-"), DashboardFigures.Sources.empty(CourseCalendarTest.CLOCK),
            CourseServices.none());

    Answer organiser(String path, boolean post, Map<String, String> params) {
        return activity.handle(CourseCalendarTest.call(PageSession.Role.ORGANISER, "olli", "tenant-a", Language.EN,
                path, post, params));
    }

    @Test
    void rosterLearners_canBeMadeCoaches_beforeTheyOpenTheActivity_andSeveralCoachesAreListedByName() {
        organiser("create", true, Map.of("template", "supervisor-coaching", "starts", "2026-09-01",
                "zone", "Europe/Helsinki"));
        for (String coach : List.of("kaisa", "ville")) {
            Answer made = organiser("member", true, Map.of("member.person", coach, "member.role", "COACH"));
            assertThat(made).isInstanceOf(Answer.Redirect.class);
        }
        var programme = programmes.find(TenantId.of("tenant-a"), ProgrammeActivity.programmeId("course-7"))
                .orElseThrow().value();
        assertThat(programme.withRole(ProgrammeRole.COACH)).containsExactly(PersonId.of("kaisa"), PersonId.of("ville"));

        ProgrammeViews.ManageView page = (ProgrammeViews.ManageView) ((Answer.Page) organiser("manage", false,
                Map.of())).model();
        assertThat(page.members()).extracting(ProgrammeViews.MemberRow::name)
                .contains("Kaisa Valmentaja", "Ville Coach");

        Answer stranger = organiser("member", true, Map.of("member.person", "someone-else", "member.role", "COACH"));
        assertThat(((Answer.Page) stranger).status()).isEqualTo(422);

        rosterDown = true;
        Answer stillThere = organiser("manage", false, Map.of());
        assertThat(((Answer.Page) stillThere).status()).isEqualTo(200);
    }
}

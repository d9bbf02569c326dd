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
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.session.SeenPeople;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page and export as the activity answers them: organisers of the programme's
 * tenant only, reminders that may not have gone out reported to the organiser, and CSV cells a
 * spreadsheet would run as formulas escaped.
 */
class DashboardPageTest {

    final ReminderContacts contacts = new ReminderContacts() {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void subscribe(TenantId tenant, PersonId person, String email, Language language) {
        }

        @Override
        public boolean stop(TenantId tenant, PersonId person) {
            return false;
        }

        @Override
        public Optional<String> address(TenantId tenant, PersonId person) {
            return Optional.empty();
        }

        @Override
        public boolean valid(String email) {
            return false;
        }

        @Override
        public int uncertain(TenantId tenant, String programmeId) {
            return tenant.value().equals("tenant-a") && programmeId.equals(ProgrammeActivity.programmeId("course-7"))
                    ? 2 : 0;
        }
    };

    final ProgrammeActivity activity = ProgrammeActivity.of(Programmes.inMemory(CourseCalendarTest.CLOCK),
            ReflectionAssignments.inMemory(CourseCalendarTest.CLOCK), SeenPeople.inMemory(CourseCalendarTest.CLOCK),
            ClassRoster.none(), CalendarSubscriptions.none(), contacts, URI.create("https://kasvu.example/"),
            CourseCalendarTest.CLOCK, IdGenerator.sequence("id-"), DashboardFigures.Sources.empty(CourseCalendarTest.CLOCK),
            CourseServices.none());

    Answer as(PageSession.Role role, String who, String tenant, String path) {
        return activity.handle(CourseCalendarTest.call(role, who, tenant, Language.EN, path, false, Map.of()));
    }

    @Test
    void theOrganiserSeesRemindersThatMayNotHaveGoneOut_learnersAndOtherTenantsSeeNoDashboard() {
        activity.handle(CourseCalendarTest.call(PageSession.Role.ORGANISER, "olli", "tenant-a", Language.EN, "create",
                true, Map.of("template", "peer-mentoring", "starts", "2026-09-01", "zone", "Europe/Helsinki")));
        DashboardPage.DashboardView view = (DashboardPage.DashboardView) ((Answer.Page) as(PageSession.Role.ORGANISER,
                "olli", "tenant-a", "dashboard")).model();
        assertThat(view.ready()).isTrue();
        assertThat(view.uncertain()).isEqualTo(2);
        assertThat(view.m("dashboard.uncertain", view.uncertain())).startsWith("Reminders that may not have gone out: 2.");

        assertThat(as(PageSession.Role.LEARNER, "anna", "tenant-a", "dashboard")).isInstanceOf(Answer.NotFound.class);
        assertThat(as(PageSession.Role.LEARNER, "anna", "tenant-a", "dashboard.csv"))
                .isInstanceOf(Answer.NotFound.class);
        DashboardPage.DashboardView foreign = (DashboardPage.DashboardView) ((Answer.Page) as(
                PageSession.Role.ORGANISER, "eve", "tenant-b", "dashboard")).model();
        assertThat(foreign.ready()).as("another tenant's organiser finds no programme here").isFalse();
        assertThat(as(PageSession.Role.ORGANISER, "eve", "tenant-b", "dashboard.csv")).isInstanceOf(Answer.Redirect.class);

        Answer csv = as(PageSession.Role.ORGANISER, "olli", "tenant-a", "dashboard.csv");
        String text = new String(((Answer.Download) csv).body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Programme,").contains("Participation per assignment");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRun_getAnApostropheFirst() {
        assertThat(DashboardPage.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(DashboardPage.safe("+1")).isEqualTo("'+1");
        assertThat(DashboardPage.safe("-1")).isEqualTo("'-1");
        assertThat(DashboardPage.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DashboardPage.safe("Group 1")).isEqualTo("Group 1");
        assertThat(DashboardPage.safe("")).isEmpty();
    }
}

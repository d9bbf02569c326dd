package fi.kasvu.lms.activity.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.Requester;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.session.SeenPeople;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An assignment fulfilled by a Kasvu activity shows done on the participant's timeline when that
 * activity is complete for her in the same course (here: her 360 closed), and leaves "due for me";
 * someone else's, or one in another course, does not count.
 */
class LinkedCompletionTest {

    final Programmes programmes = Programmes.inMemory(CourseCalendarTest.CLOCK);
    final DashboardFigures.Sources sources = DashboardFigures.Sources.empty(CourseCalendarTest.CLOCK);
    final ProgrammeActivity activity = ProgrammeActivity.of(programmes,
            ReflectionAssignments.inMemory(CourseCalendarTest.CLOCK), SeenPeople.inMemory(CourseCalendarTest.CLOCK),
            ClassRoster.none(), CalendarSubscriptions.none(), ReminderContacts.none(),
            URI.create("https://kasvu.example/"), CourseCalendarTest.CLOCK, IdGenerator.sequence("id-"), sources,
            CourseServices.none());

    ProgrammeViews.TimelineView timeline(String who) {
        Answer answer = activity.handle(CourseCalendarTest.call(PageSession.Role.LEARNER, who, "tenant-a", Language.EN,
                "timeline", false, Map.of()));
        return (ProgrammeViews.TimelineView) ((Answer.Page) answer).model();
    }

    void closed360(String subject, String course) {
        FeedbackAssessment open = FeedbackAssessment.open("a-" + subject + "-" + course, PersonId.of(subject), course,
                DashboardFiguresTest.set(), false, CourseCalendarTest.CLOCK.instant());
        sources.feedback().save(fi.kasvu.common.TenantId.of("tenant-a"), Versioned.unsaved(open.close(
                Requester.person(PersonId.of(subject)), CourseCalendarTest.CLOCK.instant()).orElseThrow()));
    }

    @Test
    void aClosed360InTheCourse_marksThe360AssignmentDone_forItsSubjectOnly() {
        Answer created = activity.handle(CourseCalendarTest.call(PageSession.Role.ORGANISER, "olli", "tenant-a",
                Language.EN, "create", true, Map.of("template", "supervisor-coaching", "starts", "2026-09-01",
                        "zone", "Europe/Helsinki")));
        assertThat(created).isInstanceOf(Answer.Redirect.class);
        timeline("anna");
        timeline("bert");
        assertThat(titles(timeline("anna").due())).contains("360 assessment");

        closed360("anna", "course-7");
        closed360("bert", "another-course");

        ProgrammeViews.TimelineView anna = timeline("anna");
        assertThat(titles(anna.due())).doesNotContain("360 assessment");
        assertThat(anna.next()).filteredOn(i -> i.title().equals("360 assessment")).singleElement()
                .satisfies(i -> assertThat(i.details()).startsWith("Done"));
        ProgrammeViews.TimelineView bert = timeline("bert");
        assertThat(titles(bert.due())).contains("360 assessment");
        assertThat(bert.next()).filteredOn(i -> i.title().equals("360 assessment")).singleElement()
                .satisfies(i -> assertThat(i.details()).doesNotContain("Done"));
    }

    static List<String> titles(List<ProgrammeViews.Item> items) {
        return items.stream().map(ProgrammeViews.Item::title).toList();
    }
}

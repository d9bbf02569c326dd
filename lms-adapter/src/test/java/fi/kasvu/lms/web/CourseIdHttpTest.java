package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course services work on the platform's course: the LTI context id of the launch (Moodle's
 * course id, "2" in the recorded Moodle launch), never the activity's own document context.
 */
class CourseIdHttpTest {

    static PagesFixture fixture;
    static final InMemoryCourse COURSE = new InMemoryCourse();

    @BeforeAll
    static void start() throws Exception {
        COURSE.groups.put("g-1", new CourseServices.GroupToPublish("g-1", "Ryhmä 1", List.of("5", "6", "7")));
        fixture = PagesFixture.start(COURSE);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aTeachersGroupImport_asksTheCourseOfTheLaunchsContext() throws Exception {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of(PagesFixture.INSTRUCTOR))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-course-id",
                        "title", "Kokeilu"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", ExperimentHttpTest.TEAM)
                .claim("https://purl.imsglobal.org/spec/lti/claim/context",
                        Map.of("id", "2", "label", "K1", "title", "Kurssi 1"))
                .claim("name", "Olli Opettaja"));
        NoScriptBrowser teacher = new NoScriptBrowser();
        HttpResponse<String> teams = teacher.follow(teacher.launch(fixture.login("course-id-teacher", false)));
        assertThat(teams.uri().getPath()).endsWith("/teams");

        teacher.post(PagesHttpTest.base(teams) + "/teams", Map.of("csrf", PagesHttpTest.csrf(teams.body()),
                "do", "import"));

        assertThat(COURSE.calls).contains("groups 2").noneMatch(call -> call.contains("activity:"));
    }
}

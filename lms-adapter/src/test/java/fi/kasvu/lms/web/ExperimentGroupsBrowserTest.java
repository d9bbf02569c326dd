package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Teams from the course's groups on the real server (Jetty, H2, the platform simulator's roster of
 * Member 2 … 9) whose course services are an in-memory course with two groups, in Debian Chromium:
 * the teacher imports the groups and splits within them with the keyboard alone, and a failing
 * platform is explained; axe-core finds no WCAG 2.1 AA violation on any of these pages.
 */
class ExperimentGroupsBrowserTest {

    static PagesFixture fixture;
    static BrowserSession browser;
    static final InMemoryCourse COURSE = new InMemoryCourse();

    @BeforeAll
    static void start() throws Exception {
        COURSE.groups.put("g-north", new CourseServices.GroupToPublish("g-north", "North", List.of("2", "3", "4", "5")));
        COURSE.groups.put("g-south", new CourseServices.GroupToPublish("g-south", "South", List.of("6", "7", "8", "9")));
        fixture = PagesFixture.start(COURSE);
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    private static void teacher(String link) {
        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, PagesFixture.INSTRUCTOR, "en-GB", link,
                "Olli Opettaja");
        browser.launch(fixture.login("teacher-" + link, false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/teams");
    }

    private static String table() {
        return browser.driver.findElement(By.tagName("table")).getText();
    }

    @Test
    void theTeacherImportsTheGroups_splitsWithinThem_andIsToldWhyWhenMoodleFails_withTheKeyboardAlone()
            throws Exception {
        COURSE.mode = InMemoryCourse.Mode.WORKING;
        teacher("rl-groups-import");
        browser.tabTo(By.cssSelector("button[value=import]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Teams imported from the course's groups: 2."));
        assertThat(table()).contains("Team 1", "Member 2, Member 3, Member 4, Member 5", "Team 2",
                "Member 6, Member 7, Member 8, Member 9");
        browser.check("experiment-teams-imported-en");

        teacher("rl-groups-split");
        browser.tabTo(By.id("f-size"));
        browser.keys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, "2");
        assertThat(browser.driver.findElement(By.id("f-byGroup")).isSelected()).as("ticked by default").isTrue();
        browser.tabTo(By.cssSelector("button[value=split]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "each inside one of the course's 2 groups"));
        String teams = table();
        assertThat(teams).contains("Team 4").doesNotContain("Team 5");
        for (String row : teams.split("\n")) {
            if (row.matches("Team [0-9]+ .*")) {
                boolean north = row.matches(".*Member [2345],.*Member [2345].*");
                boolean south = row.matches(".*Member [6789],.*Member [6789].*");
                assertThat(north || south).as("one group per team: " + row).isTrue();
            }
        }
        browser.check("experiment-teams-split-groups-en");

        COURSE.mode = InMemoryCourse.Mode.FAILING;
        COURSE.failure = CourseServices.Failure.UNREACHABLE;
        teacher("rl-groups-failing");
        browser.tabTo(By.cssSelector("button[value=split]"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.driver.findElement(By.id("f-byGroup-error")).getText())
                .contains("The course's groups could not be read: Moodle could not be reached.", "Nothing was changed",
                        "untick the box");
        assertThat(browser.driver.findElements(By.tagName("table"))).as("no team was made").isEmpty();
        browser.check("experiment-teams-failing-en");
    }
}

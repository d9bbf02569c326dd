package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.PlatformSimulator;
import fi.kasvu.lms.web.ExperimentHttpTest.Person;
import fi.kasvu.store.jdbc.ScoreStates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The score state outside GROW, in real Chromium with axe-core: a team's decision the platform
 * answers with 409 reads as "not taken" on a member's experiment page (the frame's note) and in
 * the teacher's progress view member by member, in fi, sv and en; the teacher sends one member's
 * score again with the keyboard alone.
 */
class ScoreStatesBrowserTest {

    static PagesFixture fixture;
    static BrowserSession browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        browser = BrowserSession.shared();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    @Test
    void aTeamScoreNotTaken_readsSoForTheMemberAndTheTeacher_whoSendsItAgainWithTheKeyboard() throws Exception {
        String link = "rl-score-browser";
        Person a = TeamScoresHttpTest.toEvaluation(fixture, link, ExperimentHttpTest.TEAM);
        fixture.platform.answerScores(409);
        try {
            a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
            TenantId tenant = PlatformRegistration.tenantOf(fixture.platform.issuer(), PlatformSimulator.CLIENT_ID,
                    PlatformSimulator.DEPLOYMENT_ID);
            ScoreStates states = ScoreStates.of(fixture.database);
            String line = fixture.platform.lineItem().toString();
            for (int i = 0; i < 200 && !TeamScoresHttpTest.TEAM_1.stream().allMatch(m -> states.find(tenant, line, m)
                    .map(s -> s.state() == ScoreStates.State.SUPERSEDED).orElse(false)); i++) {
                fixture.server.deliverScores();
                Thread.sleep(50);
            }
        } finally {
            fixture.platform.answerScores(0);
        }

        // Member 4 opens the experiment: every page of it says where her score stands.
        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, PagesFixture.LEARNER, "fi-FI", link, "Member 4");
        browser.launch(fixture.login("4", false));
        browser.loaded();
        assertThat(browser.driver.findElement(By.id("score-note")).getText())
                .isEqualTo("Kurssilla on sinulta jo uudempi arvosana, joten tätä ei otettu vastaan.");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("score-note-learner-superseded-" + language);
        }
        assertThat(browser.driver.findElement(By.id("score-note")).getAttribute("role")).isEqualTo("status");

        ExperimentHttpTest.customize(fixture, ExperimentHttpTest.TEAM, PagesFixture.INSTRUCTOR, "fi-FI", link,
                "Olli Opettaja");
        browser.launch(fixture.login("teacher-" + link, false));
        browser.loaded();
        browser.driver.get(browser.base() + "/progress");
        browser.loaded();
        assertThat(browser.driver.findElement(By.cssSelector("ul.member-scores")).getText())
                .contains("Member 2: Ei otettu vastaan: kurssilla on uudempi arvosana");
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("score-team-progress-superseded-" + language);
        }

        browser.pressAndLoad(By.cssSelector("ul.member-scores form.resend button"));
        browser.wait.until(ExpectedConditions.urlContains("resent=1"));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice[role=status]")).getText())
                .isEqualTo("Arvosana on taas jonossa. Se lähetetään taustalla.");
        for (int i = 0; i < 200 && fixture.platform.scores.isEmpty(); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        browser.driver.navigate().refresh();
        browser.loaded();
        assertThat(browser.driver.findElement(By.cssSelector("ul.member-scores")).getText()).contains("Lähetetty");
        browser.check("score-team-progress-resent-fi");
    }
}

package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A teacher in a real browser: the activity picker returns a signed deep-linking response that
 * the simulated platform verifies, and the progress view shows what learners shared and never
 * what they kept private.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeacherBrowserTest {

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
    @Order(1)
    void picker_inEveryLanguage_returnsAVerifiedDeepLinkingResponse() throws Exception {
        fixture.asTeacherPicking("fi-FI");
        browser.launch(fixture.login("teacher-1", true));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/picker");
        browser.check("teacher-picker-kinds-fi");
        browser.clickAndLoad(By.cssSelector("a[href$='/picker/grow']"));
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check("teacher-picker-" + language);
        }

        browser.driver.findElement(By.id("f-template-development-discussion")).click();
        WebElement title = browser.driver.findElement(By.id("f-title"));
        title.sendKeys("Kehityskeskustelu <syksy>");
        WebElement minimum = browser.driver.findElement(By.id("f-minimum"));
        minimum.clear();
        minimum.sendKeys("4");
        new Select(browser.driver.findElement(By.id("f-language"))).selectByValue("sv");
        browser.driver.findElement(By.cssSelector("button[value=add]")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Activity created"));
        assertThat(fixture.platform.deepLinkResponses).singleElement().satisfies((JWTClaimsSet claims) -> {
            assertThat(claims.getAudience()).containsExactly(fixture.platform.issuer());
            assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
                    .isEqualTo("LtiDeepLinkingResponse");
            assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version")).isEqualTo("1.3.0");
            assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))
                    .isEqualTo("3");
            assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo("sim-data");
            List<Object> items = claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
            assertThat(items).hasSize(1);
            Map<?, ?> item = (Map<?, ?>) items.get(0);
            assertThat(item.get("type")).isEqualTo("ltiResourceLink");
            assertThat(item.get("title")).isEqualTo("Kehityskeskustelu <syksy>");
            assertThat(item.get("custom")).isEqualTo(Map.of("kasvu_kind", "grow", "kasvu_template", "development-discussion",
                    "kasvu_minimum_options", "4", "kasvu_language", "sv", "kasvu_graded", "true"));
            Map<?, ?> lineItem = (Map<?, ?>) item.get("lineItem");
            assertThat(lineItem.get("scoreMaximum")).isEqualTo(1.0);
            assertThat(lineItem.get("resourceId")).isEqualTo("grow:development-discussion");
        });
    }

    @Test
    @Order(2)
    void pickerProblems_areShownNextToTheField() throws Exception {
        fixture.asTeacherPicking("en-GB");
        browser.launch(fixture.login("teacher-2", true));
        browser.clickAndLoad(By.cssSelector("a[href$='/picker/grow']"));
        WebElement minimum = browser.driver.findElement(By.id("f-minimum"));
        minimum.clear();
        minimum.sendKeys("99");
        browser.clickAndLoad(By.cssSelector("button[value=add]"));

        assertThat(browser.driver.findElement(By.id("f-minimum-error")).getText())
                .isEqualTo("The minimum number of options must be a whole number from 1 to 20.");
        assertThat(browser.driver.findElement(By.id("f-minimum")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.check("teacher-picker-problems-en");
    }

    @Test
    @Order(3)
    void progressView_showsSharedContent_andNeverWhatWasKeptPrivate() throws Exception {
        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-class", "Aino Avoin");
        browser.launch(fixture.login("sharing-learner", false));
        browser.driver.findElement(By.id("f-goal-sessionGoal")).sendKeys("JAETTU-TAVOITE: opin delegoimaan");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));
        browser.driver.get(browser.base() + "/summary");
        browser.driver.findElement(By.id("f-share-goal")).click();
        browser.driver.findElement(By.cssSelector("button[value=share]")).click();
        browser.wait.until(ExpectedConditions.urlContains("shared=1"));

        fixture.as(PagesFixture.LEARNER, "fi-FI", "rl-class", "Pekka Piilo");
        browser.launch(fixture.login("private-learner", false));
        browser.driver.findElement(By.id("f-goal-sessionGoal")).sendKeys("SALAINEN-TAVOITE: vaihdan työpaikkaa");
        browser.driver.findElement(By.id("f-goal-measures")).sendKeys("SALAINEN-MITTARI");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));

        fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-class", "Olli Opettaja");
        browser.launch(fixture.login("teacher-3", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/progress");
        String page = browser.driver.getPageSource();

        assertThat(page).contains("Aino Avoin", "JAETTU-TAVOITE: opin delegoimaan", "Pekka Piilo",
                "Ei jaettua sisältöä", "Member 2", "Ei aloitettu");
        assertThat(page).doesNotContain("SALAINEN", "Olli Opettaja");
        assertThat(browser.driver.findElement(By.cssSelector("svg[role=img] desc")).getDomProperty("textContent"))
                .contains("Ei aloitettu: 8", "Tavoite: 2", "Valmis: 0");
        for (String language : List.of("fi", "sv", "en")) {
            browser.switchLanguage(language);
            assertThat(browser.driver.getPageSource()).doesNotContain("SALAINEN");
            browser.check("teacher-progress-" + language);
        }
    }

    @Test
    @Order(4)
    void aRefusedScore_readsRefused_andTheTeacherSendsItAgainWithTheKeyboardAlone() throws Exception {
        fixture.platform.answerScores(400);
        try {
            ScoreStateHttpTest.completed(fixture, "refused-learner", "rl-resend", "Rami Refused");
            fixture.as(PagesFixture.INSTRUCTOR, "fi-FI", "rl-resend", "Olli Opettaja");
            browser.launch(fixture.login("teacher-4", false));
            for (int i = 0; i < 200 && !browser.driver.getPageSource().contains("Hylätty (tila 400"); i++) {
                fixture.server.deliverScores();
                Thread.sleep(100);
                browser.driver.navigate().refresh();
                browser.loaded();
            }
            assertThat(browser.driver.getPageSource()).contains("Rami Refused", "Hylätty (tila 400", "Lähetä uudelleen")
                    .doesNotContain("<td>Lähetetty");
            for (String language : List.of("sv", "en", "fi")) {
                browser.switchLanguage(language);
                browser.check("teacher-progress-refused-" + language);
            }
        } finally {
            fixture.platform.answerScores(0);
        }

        browser.pressAndLoad(By.cssSelector("form.resend button"));
        browser.wait.until(ExpectedConditions.urlContains("resent=1"));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice[role=status]")).getText())
                .isEqualTo("Arvosana on taas jonossa. Se lähetetään taustalla.");
        browser.check("teacher-progress-resent-fi");
        for (int i = 0; i < 200 && fixture.platform.scores.stream()
                .noneMatch(s -> s.getString("userId").equals("refused-learner")); i++) {
            fixture.server.deliverScores();
            Thread.sleep(50);
        }
        browser.driver.navigate().refresh();
        browser.loaded();
        assertThat(browser.driver.getPageSource()).contains("<td>Lähetetty").doesNotContain("Lähetä uudelleen");
    }
}

package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page a user sees when the platform declines the login (Moodle's {@code error=access_denied}
 * when its session is not the launch's user), in a real browser: axe at zero violations, and the
 * way back to the platform with the keyboard alone.
 */
class DeclinedLaunchBrowserTest {

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
    void signedOutUser_readsWhatHappenedInFinnish_andReachesThePlatformWithTheKeyboard() throws Exception {
        fixture.platform.authError = "access_denied";
        var driver = browser.driver;

        driver.get(fixture.login("signed-out", false).toString());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("form")));
        driver.findElement(By.tagName("form")).submit();
        browser.wait.until(ExpectedConditions.urlContains("/lti/launch"));
        browser.loaded();

        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fi");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kasvua ei voitu avata");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("olit ehkä kirjautunut ulos", "Palaa kurssille ja avaa aktiviteetti uudelleen",
                        "access_denied");
        browser.check("declined-launch-fi");

        browser.tabTo(By.id("platform"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains(fixture.platform.issuer()));
        assertThat(driver.getCurrentUrl()).startsWith(fixture.platform.issuer());
    }
}

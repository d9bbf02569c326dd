package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The peer-group pages in a real browser: axe-core at zero violations on the intake form, the
 * organiser's page (participants, preview, published overview with its chart) and a member's group
 * page, in fi, sv and en; and a member who uses the keyboard alone to accept the confidentiality
 * agreement, write a group note, mark a meeting held and write a private reflection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerGroupsBrowserTest extends PeerGroupsFlow {

    static final String LINK = "rl-peer-browser";
    final InMemoryCourse course = new InMemoryCourse();
    BrowserSession browser;

    @BeforeAll
    void start() throws Exception {
        fixture = PagesFixture.start(course);
        browser = BrowserSession.shared();
        roster("browser-intake");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        fixture.close();
    }

    void everyLanguage(String name) throws Exception {
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.check(name + "-" + language);
        }
    }

    /** Axe on a page in sv, en and fi: the language switch opens the activity's start, so the page is opened again. */
    void everyLanguageOn(String url, String name) throws Exception {
        for (String language : List.of("sv", "en", "fi")) {
            browser.switchLanguage(language);
            browser.driver.get(url);
            browser.loaded();
            assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(language);
            browser.check(name + "-" + language);
        }
    }

    @Test
    @Order(1)
    void intakeForm_isAccessible_andFilledWithTheKeyboardAlone() throws Exception {
        as(PagesFixture.LEARNER, "fi-FI", LINK, "Kaisa Näppäin", Map.of("kasvu_organisation", "Maanmittauslaitos"));
        browser.launch(fixture.login("browser-intake", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/peer/intake");
        everyLanguage("peer-intake");

        browser.tabTo(By.id("f-site"));
        browser.keys("Kuopio");
        browser.tabTo(By.id("f-languages-sv"));
        browser.keys(Keys.SPACE);
        browser.pressAndLoad(By.cssSelector("form.intake button[type=submit]"));
        browser.wait.until(ExpectedConditions.urlContains("/peer/waiting"));
        assertThat(browser.driver.findElement(By.id("f-organisation")).getDomAttribute("value"))
                .isEqualTo("Maanmittauslaitos");
        assertThat(browser.driver.findElement(By.id("f-languages-sv")).isSelected()).isTrue();
        browser.check("peer-waiting-fi");
    }

    @Test
    @Order(2)
    void organiserPage_withPreviewAndPublishedGroups_isAccessible() throws Exception {
        Client organiser = organiser(LINK);
        upload(organiser, NINE);
        organiser.post("peer/form", "seed", "2", "first", "2026-11-02", "meetings", "3", "every", "2");

        as(PagesFixture.INSTRUCTOR, "fi-FI", LINK, "Olli Järjestäjä", Map.of());
        browser.launch(fixture.login("browser-organiser", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/peer/organiser");
        assertThat(browser.driver.findElement(By.id("h-draft")).getText()).contains("1");
        everyLanguage("peer-organiser-preview");

        browser.pressAndLoad(By.cssSelector("form[action$='/peer/publish'] button"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview")));
        assertThat(browser.driver.findElement(By.id("notice")).getText()).contains("3",
                "Kurssilla: 3 ryhmää luotiin ja 0 oli jo olemassa");
        everyLanguage("peer-organiser-published");

        // Publishing to the course again, with the keyboard: nothing is created twice.
        browser.tabTo(By.cssSelector("#course-publish button"));
        browser.keys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                "Kurssilla: 0 ryhmää luotiin ja 3 oli jo olemassa"));
        browser.check("peer-organiser-republished-fi");
        assertThat(course.groups).hasSize(3);
    }

    @Test
    @Order(4)
    void organiser_choosesACsvFile_andMovesSomeoneByHand_withTheKeyboardAlone() throws Exception {
        String link = "rl-peer-browser-move";
        as(PagesFixture.INSTRUCTOR, "fi-FI", link, "Olli Järjestäjä", Map.of());
        browser.launch(fixture.login("browser-organiser-move", false));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/peer/organiser");

        // A CSV file chosen in the file field: its text goes into the box, then "Check the list".
        java.nio.file.Path file = java.nio.file.Files.createTempFile("kasvu-people", ".csv");
        java.nio.file.Files.writeString(file, csv(NINE), java.nio.charset.StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("f-csvfile")).sendKeys(file.toAbsolutePath().toString());
        browser.wait.until(d -> d.findElement(By.id("f-csv")).getDomProperty("value").contains("pp9,Ilkka Ilves"));
        browser.pressAndLoad(By.cssSelector("form[action$='/peer/upload'] button[value=preview]"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("h-preview")));
        assertThat(browser.driver.findElement(By.id("h-preview")).getText()).contains("9 osallistujaa");
        browser.check("peer-organiser-upload-fi");
        browser.pressAndLoad(By.cssSelector("form[action$='/peer/upload'] button[value=store]"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "9"));

        browser.pressAndLoad(By.cssSelector("form[action$='/peer/form'] button"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("h-draft")));
        // Move the first member of group 1 to group 2: arrow down in the list, Tab to its button, Enter.
        org.openqa.selenium.WebElement select = browser.driver.findElement(By.cssSelector("#g-1 ~ ul.members select"));
        String id = select.getDomAttribute("id");
        browser.tabTo(By.id(id));
        browser.keys(Keys.ARROW_DOWN);
        browser.pressAndLoad(By.cssSelector("button[name=move][value='" + id.substring("f-to-".length()) + "']"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Siirretty ryhmään 2"));
        assertThat(browser.driver.findElement(By.id("violations")).getText()).contains("Ryhmän koko");
        browser.check("peer-organiser-moved-fi");
    }

    @Test
    @Order(3)
    void member_usesTheGroupPageWithTheKeyboardAlone() throws Exception {
        as(PagesFixture.LEARNER, "fi-FI", LINK, "Aino Aalto", Map.of());
        browser.launch(fixture.login("pp1", false));
        assertThat(browser.driver.getCurrentUrl()).contains("/peer/group/");
        everyLanguage("peer-group");

        browser.pressAndLoad(By.cssSelector("form[action$='/accept'] button"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confidentiality"),
                "Hyväksyit luottamuksellisuussopimuksen"));

        browser.tabTo(By.cssSelector("textarea[name^='note-']"));
        browser.keys("Sovimme, että seuraavalla kerralla puhumme palautteesta.");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));
        assertThat(browser.driver.findElement(By.id("f-note-0-error")).getText()).isEmpty();

        browser.pressAndLoad(By.cssSelector("form[action$='/held'] button"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("textarea[name='reflection-1']")));
        browser.tabTo(By.cssSelector("textarea[name='reflection-1']"));
        browser.keys("Huomasin, että annan neuvoja liian nopeasti.");
        browser.wait.until(ExpectedConditions.textToBe(By.id("save-status"), "Kaikki muutokset on tallennettu."));
        assertThat(browser.driver.findElement(By.id("f-reflection-1-error")).getText()).isEmpty();
        browser.check("peer-group-after-fi");

        browser.driver.navigate().refresh();
        browser.loaded();
        assertThat(browser.driver.findElement(By.cssSelector("textarea[name='reflection-1']")).getDomProperty("value"))
                .isEqualTo("Huomasin, että annan neuvoja liian nopeasti.");
        assertThat(browser.driver.getPageSource()).contains("Sovimme, että seuraavalla kerralla puhumme palautteesta.");

        // The organiser's page never shows either text.
        Client organiser = organiser(LINK);
        HttpResponse<String> overview = organiser.get(organiser.base + "/peer/organiser");
        assertThat(overview.body()).doesNotContain("palautteesta", "neuvoja");
    }

    @Test
    @Order(5)
    void peerGrow_coacheeWritesWithTheKeyboardAlone_andTheObserversPageIsAccessible() throws Exception {
        // Find who is coachee and observer of meeting 1 in Aino's group (plain HTTP), then use the browser.
        Client aino = learner(LINK, "pp1", "Aino Aalto");
        HttpResponse<String> page = aino.follow(aino.get(aino.base + "/start"));
        String groupPath = page.uri().getPath().replaceAll(".*/(peer/group/[^/#?]+).*", "$1");
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("<li><bdi>([^<]*)</bdi>, <bdi>Org [A-I]</bdi>")
                .matcher(page.body());
        Map<String, String> subjectOfRole = new java.util.HashMap<>();
        while (names.find()) {
            String subject = subjectOf(names.group(1));
            Client member = subject.equals("pp1") ? aino : learner(LINK, subject, names.group(1));
            String grow = member.get(member.base + "/" + groupPath + "/grow/1").body();
            subjectOfRole.put(grow.replaceAll("(?s).*You are the (coachee|coach|observer) in this meeting.*", "$1"),
                    subject);
        }
        assertThat(subjectOfRole).containsOnlyKeys("coachee", "coach", "observer");

        as(PagesFixture.LEARNER, "fi-FI", LINK, "Valmennettava", Map.of());
        browser.launch(fixture.login(subjectOfRole.get("coachee"), false));
        browser.driver.get(browser.base() + "/" + groupPath);
        browser.loaded();
        browser.pressAndLoad(By.cssSelector("a[href$='/grow/1']"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-goal")));
        String growUrl = browser.driver.getCurrentUrl();
        everyLanguageOn(growUrl, "peer-grow-coachee");
        browser.tabTo(By.id("f-goal"));
        browser.keys("Haluan oppia sanomaan ei.");
        browser.tabTo(By.id("f-share-GOAL"));
        browser.keys(Keys.SPACE);
        browser.pressAndLoad(By.cssSelector("form[action$='/save'] button"));
        browser.wait.until(ExpectedConditions.urlContains("#saved"));
        assertThat(browser.driver.findElement(By.id("f-goal")).getDomProperty("value"))
                .isEqualTo("Haluan oppia sanomaan ei.");
        assertThat(browser.driver.findElement(By.id("f-share-GOAL")).isSelected()).isTrue();
        browser.check("peer-grow-coachee-saved-fi");

        as(PagesFixture.LEARNER, "fi-FI", LINK, "Havainnoija", Map.of());
        browser.launch(fixture.login(subjectOfRole.get("observer"), false));
        browser.driver.get(browser.base() + "/" + groupPath + "/grow/1");
        browser.loaded();
        assertThat(browser.driver.getPageSource()).contains("Haluan oppia sanomaan ei.", "Ei jaettu.");
        everyLanguageOn(browser.driver.getCurrentUrl(), "peer-grow-observer");
    }
}

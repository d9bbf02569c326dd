package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reflection assignments on the real tool: the participant writes and submits in the graded
 * reflection placement (the completion reaches the platform's gradebook through the score
 * outbox), their coach reads it and gives feedback from the programme's timeline, and nobody else
 * (an organiser who does not coach them, the progress views) ever sees the text.
 */
class ReflectionPagesHttpTest {

    static PagesFixture fixture;
    static final String SECRET = "SALAINEN-POHDINTA: tiimini luottamus horjui";

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static void as(String role, String resourceLink, String name, Map<String, String> custom) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Valmennus"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom)
                .claim("name", name)
                .issueTime(java.util.Date.from(fixture.clock.instant()))
                .expirationTime(java.util.Date.from(fixture.clock.instant().plusSeconds(300))));
    }

    static final Map<String, String> PROGRAMME = Map.of("kasvu_kind", "programme");

    @Test
    void learnerSubmits_gradebookGetsTheCompletion_coachGivesFeedback_othersNeverSeeTheText() throws Exception {
        // the organiser creates the programme; the coach opens it once and is given the coach role
        as(PagesFixture.INSTRUCTOR, "rl-ref-prog", "Olli Järjestäjä", PROGRAMME);
        NoScriptBrowser olli = new NoScriptBrowser();
        HttpResponse<String> manage = olli.follow(olli.launch(fixture.login("ref-olli", false)));
        String programmeBase = PagesHttpTest.base(manage);
        String csrf = PagesHttpTest.csrf(manage.body());
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        manage = olli.follow(olli.post(programmeBase + "/create", Map.of("csrf", csrf, "template",
                "supervisor-coaching", "starts", today, "zone", "Europe/Helsinki")));
        Matcher code = Pattern.compile("(programme-[0-9a-f]{40}/reflection-1)").matcher(manage.body());
        assertThat(code.find()).as("the reflection's code is shown to the organiser").isTrue();

        as(PagesFixture.INSTRUCTOR, "rl-ref-prog", "Kaisa Valmentaja", PROGRAMME);
        NoScriptBrowser kaisa = new NoScriptBrowser();
        HttpResponse<String> kaisaPage = kaisa.follow(kaisa.launch(fixture.login("ref-kaisa", false)));
        String kaisaBase = PagesHttpTest.base(kaisaPage);
        manage = olli.get(programmeBase + "/manage");
        String kaisaId = manage.body().replaceAll("(?s).*<option value=\"([^\"]+)\">Kaisa Valmentaja</option>.*", "$1");
        assertThat(olli.post(programmeBase + "/member", Map.of("csrf", csrf, "member.person", kaisaId,
                "member.role", "COACH")).statusCode()).isEqualTo(303);

        // the participant joins through the timeline, then opens the graded reflection placement
        as(PagesFixture.LEARNER, "rl-ref-prog", "Anna Esihenkilö", PROGRAMME);
        NoScriptBrowser anna = new NoScriptBrowser();
        HttpResponse<String> timeline = anna.follow(anna.launch(fixture.login("ref-anna", false)));
        assertThat(timeline.body()).contains("/reflection/reflection-1\"", "Kirjoita reflektio");

        Map<String, String> reflection = Map.of("kasvu_kind", "reflection", "kasvu_reflection", code.group(1));
        as(PagesFixture.LEARNER, "rl-ref-grade", "Anna Esihenkilö", reflection);
        HttpResponse<String> page = anna.follow(anna.launch(fixture.login("ref-anna", false)));
        assertThat(page.uri().getPath()).endsWith("/reflection");
        assertThat(page.body()).contains("Reflektioni", "Vain sinä ja valmentajasi");
        String base = PagesHttpTest.base(page);
        String annaCsrf = PagesHttpTest.csrf(page.body());

        HttpResponse<String> empty = anna.post(base + "/reflection", Map.of("csrf", annaCsrf, "do", "submit",
                "text", "   "));
        assertThat(empty.statusCode()).isEqualTo(422);
        HttpResponse<String> tooLong = anna.post(base + "/reflection", Map.of("csrf", annaCsrf, "do", "save",
                "text", "x".repeat(10_001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Enintään 10000 merkkiä; tässä on 10001.");

        HttpResponse<String> saved = anna.follow(anna.post(base + "/reflection", Map.of("csrf", annaCsrf, "do", "save",
                "text", SECRET)));
        assertThat(saved.body()).contains("Luonnos tallennettiin.", SECRET);
        assertThat(fixture.platform.scores).noneMatch(s -> s.getString("userId").equals("ref-anna"));

        HttpResponse<String> submitted = anna.follow(anna.post(base + "/reflection", Map.of("csrf", annaCsrf,
                "do", "submit", "text", SECRET)));
        assertThat(submitted.body()).contains("Reflektio palautettiin.", "Palautettu reflektio", SECRET);
        waitFor(() -> fixture.platform.scores.stream().anyMatch(s -> s.getString("userId").equals("ref-anna")
                && s.getJsonNumber("scoreGiven").doubleValue() == 1.0));

        HttpResponse<String> again = anna.post(base + "/reflection", Map.of("csrf", annaCsrf, "do", "save",
                "text", "muutettu"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("eikä sitä voi enää muuttaa");

        // the organiser who does not coach her sees progress only
        as(PagesFixture.INSTRUCTOR, "rl-ref-grade", "Olli Järjestäjä", reflection);
        NoScriptBrowser olliGrade = new NoScriptBrowser();
        HttpResponse<String> progress = olliGrade.follow(olliGrade.launch(fixture.login("ref-olli", false)));
        assertThat(progress.uri().getPath()).endsWith("/progress");
        assertThat(progress.body()).contains("Anna Esihenkilö", "Palautettu").doesNotContain(SECRET);
        HttpResponse<String> olliTimeline = olli.get(programmeBase + "/timeline");
        assertThat(olliTimeline.body()).doesNotContain(SECRET).doesNotContain("/feedback/");
        String programmeProgress = olli.get(programmeBase + "/progress").body();
        assertThat(programmeProgress).contains("Anna Esihenkilö", "1/2").doesNotContain(SECRET);

        // the coach finds it on her timeline and gives feedback
        HttpResponse<String> coachTimeline = kaisa.get(kaisaBase + "/timeline");
        String feedbackPath = coachTimeline.body().replaceAll("(?s).*href=\"[^\"]*(/feedback/[^\"]+)\".*", "$1");
        assertThat(feedbackPath).startsWith("/feedback/");
        assertThat(olli.get(programmeBase + feedbackPath).statusCode()).as("not the coach: not found").isEqualTo(404);
        HttpResponse<String> toRead = kaisa.get(kaisaBase + feedbackPath);
        assertThat(toRead.body()).contains(SECRET, "Anna palaute");
        HttpResponse<String> given = kaisa.follow(kaisa.post(kaisaBase + feedbackPath, Map.of("csrf",
                PagesHttpTest.csrf(toRead.body()), "feedback", "Hyvä havainto luottamuksesta.")));
        assertThat(given.body()).contains("Palaute tallennettiin.");

        HttpResponse<String> withFeedback = anna.get(base + "/reflection");
        assertThat(withFeedback.body()).contains("Valmentajan palaute", "Hyvä havainto luottamuksesta.");
        assertThat(olli.get(programmeBase + "/timeline").body()).doesNotContain("Hyvä havainto");
    }

    @Test
    void aPlacementWithAForeignOrMissingCode_opensAClearPage_andNonParticipantsCannotStart() throws Exception {
        as(PagesFixture.LEARNER, "rl-ref-nocode", "Liisa", Map.of("kasvu_kind", "reflection",
                "kasvu_reflection", "programme-" + "0".repeat(40) + "/final-reflection"));
        NoScriptBrowser liisa = new NoScriptBrowser();
        HttpResponse<String> page = liisa.follow(liisa.launch(fixture.login("ref-liisa", false)));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Tätä reflektiota ei ole linkitetty ohjelmaan");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
            Thread.sleep(100);
        }
    }
}

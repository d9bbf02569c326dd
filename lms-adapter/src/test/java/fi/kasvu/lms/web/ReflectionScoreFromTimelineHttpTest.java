package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reflection submitted on the programme's timeline reaches the gradebook at once, through the
 * graded "Reflection assignment" placement the participant launched once before: its score is
 * queued in the same request as the submission (on the line item Kasvu remembered from that
 * launch) and delivered by the outbox worker, although every session of the graded placement has
 * ended and nobody opens it again. Another participant's submission scores only her, and only
 * where she launched the graded placement herself.
 */
class ReflectionScoreFromTimelineHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static final Map<String, String> PROGRAMME = Map.of("kasvu_kind", "programme");

    static void as(String role, String resourceLink, String name, Map<String, String> custom) {
        fixture.platform.tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", java.util.List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", resourceLink,
                        "title", "Valmennus"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom)
                .claim("name", name));
    }

    @Test
    void aReflectionSubmittedOnTheTimeline_isScoredWithoutAnotherVisitToTheGradedPlacement() throws Exception {
        as(PagesFixture.INSTRUCTOR, "rl-tl-prog", "Olli Järjestäjä",
                PROGRAMME);
        NoScriptBrowser olli = new NoScriptBrowser();
        HttpResponse<String> manage = olli.follow(olli.launch(fixture.login("tl-olli", false)));
        String today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
        manage = olli.follow(olli.post(PagesHttpTest.base(manage) + "/create", Map.of("csrf",
                PagesHttpTest.csrf(manage.body()), "template", "supervisor-coaching", "starts", today, "zone",
                "Europe/Helsinki")));
        Matcher code = Pattern.compile("(programme-[0-9a-f]{40}/reflection-1)").matcher(manage.body());
        assertThat(code.find()).isTrue();
        Map<String, String> graded = Map.of("kasvu_kind", "reflection", "kasvu_reflection", code.group(1));

        // Anna joins the programme and opens the graded placement once; Bertil joins but never opens it.
        for (String who : new String[] {"tl-anna", "tl-bertil"}) {
            as(PagesFixture.LEARNER, "rl-tl-prog", who, PROGRAMME);
            NoScriptBrowser learner = new NoScriptBrowser();
            learner.follow(learner.launch(fixture.login(who, false)));
        }
        as(PagesFixture.LEARNER, "rl-tl-grade", "tl-anna", graded);
        NoScriptBrowser annaGraded = new NoScriptBrowser();
        HttpResponse<String> gradedPage = annaGraded.follow(annaGraded.launch(fixture.login("tl-anna", false)));
        assertThat(gradedPage.uri().getPath()).endsWith("/reflection");

        // Every session ends (as two idle hours would end them): nothing is left for the sweeper to find.
        fixture.server.repositories().sessions().purgeClosed(fixture.clock.instant().plus(Duration.ofDays(1)));
        assertThat(fixture.server.sweepCompletions()).isZero();

        int before = fixture.platform.scores.size();
        Runnable replay = null;
        for (String who : new String[] {"tl-anna", "tl-bertil"}) {
            as(PagesFixture.LEARNER, "rl-tl-prog", who, PROGRAMME);
            NoScriptBrowser learner = new NoScriptBrowser();
            HttpResponse<String> timeline = learner.follow(learner.launch(fixture.login(who, false)));
            String base = PagesHttpTest.base(timeline);
            HttpResponse<String> page = learner.get(base + "/reflection/reflection-1");
            Map<String, String> form = Map.of("csrf", PagesHttpTest.csrf(page.body()), "do", "submit", "text",
                    "Opin kuuntelemaan, " + who);
            HttpResponse<String> submitted = learner.post(base + "/reflection/reflection-1", form);
            assertThat(submitted.statusCode()).isEqualTo(303);
            if (replay == null) {
                replay = () -> {
                    try {
                        assertThat(learner.post(base + "/reflection/reflection-1", form).statusCode())
                                .as("the same submission again").isEqualTo(409);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
            }
        }

        ReflectionPagesHttpTest.waitFor(() -> fixture.platform.scores.stream().skip(before)
                .anyMatch(s -> s.getString("userId").equals("tl-anna")
                        && s.getJsonNumber("scoreGiven").doubleValue() == 1.0));
        assertThat(fixture.platform.scores.stream().skip(before)).noneMatch(s -> s.getString("userId")
                .equals("tl-bertil"));
        replay.run();
        Thread.sleep(500);
        assertThat(fixture.platform.scores.stream().skip(before)
                .filter(s -> s.getString("userId").equals("tl-anna"))).hasSize(1);
    }
}

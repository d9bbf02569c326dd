package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 360 assessment over HTTP on the real tool (Jetty, H2, the platform simulator and its roster of
 * "Member 2".."Member 9"): invitations from the roster, rater answers that can never be tied to the
 * rater, groups too small to show, and the public rater link under attack (forged, replayed,
 * expired, oversized). Nothing a rater wrote, and no link token, reaches a log.
 */
class FeedbackHttpTest {

    static PagesFixture fixture;
    static final String CUSTOM = PagesFixture.CUSTOM;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** Launches the 360 placed on the resource link as the subject, with the roles and locale. */
    static HttpResponse<String> launch(PagesFixture fixture, PagesHttpTest.NoScriptBrowser browser, String subject,
                                       String roles, String locale, String resourceLink) throws Exception {
        return fixture.launch(browser, subject, roles, locale, resourceLink, "360",
                Map.of("kasvu_kind", "feedback-360"));
    }

    static HttpResponse<String> launch(PagesHttpTest.NoScriptBrowser browser, String subject, String roles, String locale,
                                       String resourceLink) throws Exception {
        return launch(fixture, browser, subject, roles, locale, resourceLink);
    }

    /** Every rating field of an answer form, rated with the value. */
    static Map<String, String> ratings(String html, String value) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = Pattern.compile("name=\"(r\\.[^\"]+)\"").matcher(html);
        while (m.find()) {
            form.put(m.group(1), value);
        }
        assertThat(form).hasSizeGreaterThanOrEqualTo(6);
        return form;
    }

    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        int end = html.indexOf("</section>", start);
        return start < 0 ? "" : html.substring(start, end);
    }

    @Test
    void rosterRaters_answer_andTheSubjectAndTeacherSeeCountsNeverWho_twoPeersAreLeftOutOfTheReport() throws Exception {
        String rl = "rl-360-roster";
        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(subject, "2", PagesFixture.LEARNER, "fi-FI", rl);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).endsWith("/feedback");
        assertThat(home.body()).contains("<h1>360-arviointi</h1>", "Member 3", "Member 4");
        String base = PagesHttpTest.base(home);
        String csrf = PagesHttpTest.csrf(home.body());

        for (String rater : List.of("3", "4")) {
            HttpResponse<String> invited = subject.follow(subject.post(base + "/feedback/invite",
                    Map.of("csrf", csrf, "rater", rater, "group", "PEERS")));
            assertThat(invited.body()).contains("Arvioija kutsuttiin");
        }
        HttpResponse<String> twice = subject.post(base + "/feedback/invite",
                Map.of("csrf", csrf, "rater", "3", "group", "OTHERS"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("Tämä henkilö on jo kutsuttu arvioijaksi.", "href=\"#f-rater\"",
                "<option value=\"3\" selected>");
        HttpResponse<String> stranger = subject.post(base + "/feedback/invite",
                Map.of("csrf", csrf, "rater", "not-in-course", "group", "PEERS"));
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("Valitse henkilö kurssin osallistujista.");
        String invitedBefore = section(subject.get(base + "/feedback").body(), "h-invite");
        assertThat(invitedBefore).contains("Member 3 – Kollegat", "Member 4 – Kollegat");

        String[] comments = {"Kuuntelee aina tarkasti (kolme)", "Antaa tilaa muille (neljä)"};
        for (int i = 0; i < 2; i++) {
            PagesHttpTest.NoScriptBrowser rater = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> raterHome = launch(rater, String.valueOf(3 + i), PagesFixture.LEARNER, "en-GB", rl);
            assertThat(raterHome.body()).contains("Assess Member 2");
            String rBase = PagesHttpTest.base(raterHome);
            String link = raterHome.body().replaceAll("(?s).*href=\"([^\"]*/feedback/rate/[^\"]+)\".*", "$1");
            HttpResponse<String> form = rater.get(URI.create(rBase).resolve(link).toString());
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("Assessment of Member 2");
            Map<String, String> answers = ratings(form.body(), String.valueOf(2 + i));
            answers.put("csrf", PagesHttpTest.csrf(form.body()));
            answers.put("strengths", comments[i]);
            HttpResponse<String> sent = rater.follow(rater.post(URI.create(rBase).resolve(link).toString(), answers));
            assertThat(sent.body()).contains("Thank you, your answers were saved").doesNotContain("Assess Member 2");
            HttpResponse<String> again = rater.post(URI.create(rBase).resolve(link).toString(), answers);
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(again.body()).contains("This invitation has already been answered.");
        }

        HttpResponse<String> after = subject.get(base + "/feedback");
        assertThat(section(after.body(), "h-invite")).isEqualTo(invitedBefore);
        assertThat(section(after.body(), "h-counts")).contains("<th scope=\"row\">Kollegat</th><td>2</td><td>2</td>");
        assertThat(after.body()).doesNotContain(comments[0], comments[1]);

        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> manage = launch(teacher, "1", PagesFixture.INSTRUCTOR, "fi-FI", rl);
        assertThat(manage.uri().getPath()).endsWith("/feedback/manage");
        assertThat(manage.body()).doesNotContain(comments[0], comments[1]);
        HttpResponse<String> progress = teacher.get(PagesHttpTest.base(manage) + "/progress");
        assertThat(progress.body()).contains("Kutsuttu", "Vastannut").doesNotContain(comments[0], comments[1]);

        HttpResponse<String> closed = subject.follow(subject.post(base + "/feedback/close", Map.of("csrf", csrf)));
        assertThat(closed.uri().getPath()).endsWith("/feedback/report");
        assertThat(closed.body()).contains("360-raporttisi", "Vastauksia on liian vähän yhteenkään lukuun.",
                "2 vastausta on jätetty pois kaikista luvuista").doesNotContain(comments[0], comments[1], "Kollegat:");
        assertThat(closed.body()).contains("<svg viewBox=\"0 0 640", "role=\"img\"", "<caption");
        HttpResponse<String> teacherAfter = teacher.get(PagesHttpTest.base(progress) + "/progress");
        assertThat(teacherAfter.body()).doesNotContain(comments[0], comments[1], "Oma keskiarvosi");
        assertThat(logs.logged()).doesNotContain(comments[0], comments[1]);
    }

    @Test
    void threePeersAreShownApart_commentsWithoutAttribution_andTheReportIsSharedOnlyWhenTheSubjectSharesIt()
            throws Exception {
        String rl = "rl-360-three";
        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(subject, "5", PagesFixture.LEARNER, "en-GB", rl);
        String base = PagesHttpTest.base(home);
        String csrf = PagesHttpTest.csrf(home.body());
        HttpResponse<String> self = subject.get(base + "/feedback/self");
        Map<String, String> own = ratings(self.body(), "5");
        own.put("csrf", csrf);
        own.put("strengths", "I listen");
        assertThat(subject.follow(subject.post(base + "/feedback/self", own)).body())
                .contains("Your own assessment was saved.");
        List<String> comments = List.of("Zeta comment", "Alpha comment", "Mid comment");
        for (int i = 0; i < 3; i++) {
            String rater = String.valueOf(6 + i);
            subject.post(base + "/feedback/invite", Map.of("csrf", csrf, "rater", rater, "group", "PEERS"));
            PagesHttpTest.NoScriptBrowser browser = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> raterHome = launch(browser, rater, PagesFixture.LEARNER, "en-GB", rl);
            String rBase = PagesHttpTest.base(raterHome);
            String link = raterHome.body().replaceAll("(?s).*href=\"([^\"]*/feedback/rate/[^\"]+)\".*", "$1");
            String url = URI.create(rBase).resolve(link).toString();
            Map<String, String> answers = ratings(browser.get(url).body(), String.valueOf(2 + i));
            answers.put("csrf", PagesHttpTest.csrf(raterHome.body()));
            answers.put("strengths", comments.get(i));
            assertThat(browser.post(url, answers).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> report = subject.follow(subject.post(base + "/feedback/close", Map.of("csrf", csrf)));
        String body = report.body();
        assertThat(body).contains("Peers: 3 answers, shown apart.", "The others' view rests on 3 answers.");
        int alpha = body.indexOf("Alpha comment"), mid = body.indexOf("Mid comment"), zeta = body.indexOf("Zeta comment");
        assertThat(alpha).isPositive().isLessThan(mid);
        assertThat(mid).isLessThan(zeta);
        assertThat(body).contains("I listen", "Your own mean 5.0, the others' mean 3.0.");

        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> progress = teacher.get(PagesHttpTest.base(launch(teacher, "1", PagesFixture.INSTRUCTOR,
                "en-GB", rl)) + "/progress");
        assertThat(progress.body()).doesNotContain("Your own mean", "Alpha comment");
        subject.post(base + "/feedback/share", Map.of("csrf", csrf, "share", "yes"));
        HttpResponse<String> shared = teacher.get(PagesHttpTest.base(progress) + "/progress");
        assertThat(shared.body()).contains("Shared report", "Your own mean 5.0, the others' mean 3.0.")
                .doesNotContain("Alpha comment", "I listen");
        subject.post(base + "/feedback/share", Map.of("csrf", csrf, "share", "no"));
        assertThat(teacher.get(PagesHttpTest.base(progress) + "/progress").body()).doesNotContain("Shared report");
    }

    @Test
    void aRaterLink_worksOnceWithoutAnAccount_andRefusesForgedReplayedExpiredAndOversizedInput() throws Exception {
        String rl = "rl-360-link";
        PagesHttpTest.NoScriptBrowser subject = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> home = launch(subject, "9", PagesFixture.LEARNER, "fi-FI", rl);
        String base = PagesHttpTest.base(home);
        String csrf = PagesHttpTest.csrf(home.body());
        HttpResponse<String> issued = subject.post(base + "/feedback/link", Map.of("csrf", csrf, "linkgroup", "OTHERS"));
        assertThat(issued.statusCode()).isEqualTo(200);
        String url = issued.body().replaceAll("(?s).*id=\"issued-link\" readonly value=\"([^\"]+)\".*", "$1");
        assertThat(url).matches("http://[^/]+/pages/r/feedback-360/[A-Za-z0-9_-]{32}");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(subject.get(base + "/feedback").body()).doesNotContain(token);

        PagesHttpTest.NoScriptBrowser outsider = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> form = outsider.get(url);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Näkemystäsi pyydetään", "Et tarvitse tunnusta").doesNotContain("name=\"csrf\"");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(outsider.get(url + "?lang=sv").body()).contains("Din syn efterfrågas");

        Map<String, String> answers = ratings(form.body(), "4");
        answers.put("strengths", "x".repeat(2001));
        answers.put("development", "Pidä taukoja");
        String action = url + "?lang=fi";
        HttpResponse<String> tooLong = outsider.post(action, answers);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Kentässä Vahvuudet voi olla enintään 2000 merkkiä; nyt siinä on 2001.",
                "Pidä taukoja", "value=\"4\" checked");
        HttpResponse<String> huge;
        try {
            huge = outsider.post(action, Map.of("strengths", "y".repeat(300_000)));
        } catch (java.io.IOException resetMidSend) {
            // Jetty may answer 413 and close before reading the whole body (see PagesHttpTest).
            huge = outsider.post(action, Map.of("strengths", "y".repeat(300_000)));
        }
        assertThat(huge.statusCode()).isEqualTo(413);

        answers.put("strengths", "NUL\u0000 here");
        HttpResponse<String> control = outsider.post(action, answers);
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(section(subject.get(base + "/feedback").body(), "h-counts"))
                .contains("<th scope=\"row\">Muut</th><td>1</td><td>0</td>");

        answers.put("strengths", "Ulkopuolisen kommentti");
        HttpResponse<String> thanks = outsider.post(action, answers);
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Vastauksesi tallennettiin.");
        HttpResponse<String> replay = outsider.post(action, answers);
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("Tällä kutsulla on jo vastattu.");
        assertThat(outsider.get(url).statusCode()).isEqualTo(410);
        assertThat(section(subject.get(base + "/feedback").body(), "h-counts"))
                .contains("<th scope=\"row\">Muut</th><td>1</td><td>1</td>");

        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> unknown = outsider.get(url.replace(token, forged));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Linkki ei kelpaa.");
        assertThat(outsider.get(url.replace(token, "short")).statusCode()).isEqualTo(404);
        assertThat(outsider.post(action.replace(token, forged), answers).statusCode()).isEqualTo(404);
        assertThat(outsider.get(url.replace(token, "../../s/" + token)).statusCode()).isIn(400, 401, 404);

        HttpResponse<String> second = subject.post(base + "/feedback/link", Map.of("csrf", csrf, "linkgroup", "PEERS"));
        String url2 = second.body().replaceAll("(?s).*id=\"issued-link\" readonly value=\"([^\"]+)\".*", "$1");
        fixture.clock.advance(Duration.ofDays(15));
        try {
            HttpResponse<String> expired = outsider.get(url2);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("Kutsu vanheni");
            HttpResponse<String> late = outsider.post(url2 + "?lang=fi", answers);
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(late.body()).contains("Kutsu vanheni");
        } finally {
            fixture.clock.advance(Duration.ofDays(-15));
        }
        String logged = logs.logged();
        assertThat(logged).doesNotContain(token, url2.substring(url2.lastIndexOf('/') + 1), "Ulkopuolisen kommentti",
                "Pidä taukoja");
    }
}

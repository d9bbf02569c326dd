package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fi.kasvu.lms.reminder.ReminderScheduler;
import fi.kasvu.lms.reminder.SmtpMailSender;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail reminders on the real tool: a participant gives her address on the programme's page, the
 * scheduler started as {@code kasvu serve} starts it sends her a reminder in her language through
 * an embedded SMTP server, and its opt-out link works once and says so plainly when used again.
 */
class RemindersHttpTest {

    static PagesFixture fixture;
    static GreenMail smtp;
    static ReminderScheduler scheduler;
    static final HttpClient MAIL_READER = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        scheduler = fixture.server.startReminders(new SmtpMailSender("127.0.0.1", smtp.getSmtp().getPort(),
                "kasvu@example.org", Duration.ofSeconds(5)), Duration.ofHours(12), "test-instance");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        smtp.stop();
    }

    static void as(String role, String name) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-rem",
                        "title", "Valmennus"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("kasvu_kind", "programme"))
                .claim("name", name));
    }

    @Test
    void participantOptsIn_getsAReminderInFinnish_andTheOptOutLinkWorksOnceAndIsClearTwice() throws Exception {
        as(PagesFixture.INSTRUCTOR, "Olli");
        NoScriptBrowser olli = new NoScriptBrowser();
        HttpResponse<String> manage = olli.follow(olli.launch(fixture.login("rem-olli", false)));
        String csrf = PagesHttpTest.csrf(manage.body());
        String base = PagesHttpTest.base(manage);
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki"));
        olli.post(base + "/create", Map.of("csrf", csrf, "template", "supervisor-coaching", "starts",
                today.toString(), "zone", "Europe/Helsinki"));
        olli.post(base + "/event/kick-off", Map.of("csrf", csrf, "event-kick-off.day", today.plusDays(1).toString(),
                "event-kick-off.from", "9:00", "event-kick-off.to", "12:30", "event-kick-off.venue", "onsite",
                "event-kick-off.place", "Sali 1"));

        as(PagesFixture.LEARNER, "Anna");
        NoScriptBrowser anna = new NoScriptBrowser();
        HttpResponse<String> timeline = anna.follow(anna.launch(fixture.login("rem-anna", false)));
        String annaBase = PagesHttpTest.base(timeline);
        String annaCsrf = PagesHttpTest.csrf(timeline.body());
        assertThat(timeline.body()).contains("Muistutukset sähköpostiin");
        HttpResponse<String> bad = anna.post(annaBase + "/reminders", Map.of("csrf", annaCsrf, "do", "subscribe",
                "email", "anna@, olli@example.org"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"anna@, olli@example.org\" ei ole sellainen", "href=\"#f-email\"");
        HttpResponse<String> on = anna.post(annaBase + "/reminders", Map.of("csrf", annaCsrf, "do", "subscribe",
                "email", "anna@example.org"));
        assertThat(on.body()).contains("Muistutukset menevät nyt osoitteeseen anna@example.org.");

        // The server's own scheduler thread may run its round at the same moment and send it first;
        // either way the reminder goes out exactly once.
        scheduler.run();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("a reminder arrives").isTrue();
        assertThat(smtp.getReceivedMessages()).as("Anna's kick-off reminder, once (Olli gave no address)").hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
        assertThat(mail.getSubject()).isEqualTo("Kasvu-muistutus: Tilaisuus lähestyy");
        String body = (String) mail.getContent();
        assertThat(body).contains("Aloitustilaisuus", "Esihenkilöiden valmennusprosessi");
        assertThat(scheduler.run().sent()).as("never twice").isZero();

        String optOut = body.replaceAll("(?s).*(http://[^\\s]+/reminders/optout/[A-Za-z0-9_-]{43}).*", "$1");
        HttpResponse<String> ask = MAIL_READER.send(HttpRequest.newBuilder(URI.create(optOut)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("<html lang=\"fi\"", "Lopeta muistutukset");
        HttpResponse<String> done = post(optOut);
        assertThat(done.body()).contains("Muistutukset lopetettiin.");
        HttpResponse<String> twice = post(optOut);
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body()).contains("Olit jo lopettanut muistutukset tällä linkillä.");
        assertThat(post(optOut.replaceAll("[A-Za-z0-9_-]{43}$", "A".repeat(43))).statusCode()).isEqualTo(404);
        assertThat(anna.get(annaBase + "/reminders").body()).contains("Et saa muistutuksia sähköpostiin.");
    }

    static HttpResponse<String> post(String url) throws Exception {
        return MAIL_READER.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

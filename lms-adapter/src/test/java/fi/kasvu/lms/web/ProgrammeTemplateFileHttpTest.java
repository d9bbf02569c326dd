package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.i18n.ProgrammeTemplateFile;
import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import fi.kasvu.programme.ProgrammeTemplates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agency's own programme template file over plain HTTP on the real tool (Jetty, H2, the
 * platform simulator): every problem of a bad file listed with its line in the organiser's
 * language, nothing created or lost, a good file creating the programme as a built-in template
 * does, and the attacks on the upload (oversized, not text, control characters, a learner, another
 * placement's programme, a missing CSRF token, a replayed post) refused.
 */
class ProgrammeTemplateFileHttpTest {

    static PagesFixture fixture;

    /** An agency's file: its own phase, an event with a place and a link, a meetup with a speaker. */
    static final String GOOD = String.join("\n",
            "# Our light mentoring",
            "template mentoring-light",
            "  days = 60",
            "  roles = participant, coach, organiser",
            "  title.fi = Kevyt mentorointi",
            "  title.sv = Lätt mentorskap",
            "  title.en = Light mentoring",
            "  description.fi = Kaksi tapaamista ja pohdinta.",
            "",
            "phase all",
            "  days = 0-59",
            "  title.fi = Koko ohjelma",
            "",
            "event kick-off",
            "  kind = kick-off",
            "  day = 0",
            "  time = 9:00-10:30",
            "  place = Sali Aalto",
            "  title.fi = Aloitus Aallossa",
            "",
            "event meetup-1",
            "  kind = meetup",
            "  day = 30",
            "  time = 13:00-15:00",
            "  link = https://teams.example/m1",
            "  speaker = Pia Puhuja",
            "  title.fi = Treffit Pian kanssa",
            "",
            "assignment reflection-1",
            "  kind = final",
            "  due = 59",
            "  fulfilled-by = reflection",
            "  title.fi = Mitä opin?",
            "");

    /** A file breaking the rules and the format: lines 4 (twice), 12, 14 (no title) and 18 are wrong. */
    static final String BAD = String.join("\n",
            "template broken",                // 1
            "  days = 100",                   // 2
            "  title.en = Broken",            // 3
            "  roles = participant, mentor",  // 4
            "  description.en = Broken",      // 5
            "phase start",                    // 6
            "  days = 0-49",                  // 7
            "  title.en = Start",             // 8
            "event kick-off",                 // 9
            "  kind = kick-off",              // 10
            "  time = 9:00-12:00",            // 11
            "  day = 60",                     // 12
            "  title.en = Kick-off",          // 13
            "assignment plan",                // 14
            "  kind = final",                 // 15
            "  due = 20",                     // 16
            "  fulfilled-by = development-plan", // 17
            "  title.en",                     // 18
            "");

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static String today() {
        return LocalDate.ofInstant(fixture.clock.instant(), ZoneId.of("Europe/Helsinki")).toString();
    }

    /** A launched browser on the placement, with its session's base and CSRF token. */
    record Session(NoScriptBrowser browser, String base, String csrf, HttpResponse<String> first) {

        /** Posts a multipart form as a browser without scripts sends a file field; the CSRF token unless told otherwise. */
        HttpResponse<String> upload(boolean withCsrf, Map<String, String> fields, byte[] file)
                throws IOException, InterruptedException {
            String boundary = "----kasvu" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>();
            if (withCsrf) {
                all.put("csrf", csrf);
            }
            all.putAll(fields);
            for (Map.Entry<String, String> field : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"templatefile\"; "
                    + "filename=\"our-programme.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return browser.http.send(HttpRequest.newBuilder(URI.create(base + "/template-file"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String file) throws IOException, InterruptedException {
            return upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki"),
                    file.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Session launch(String role, String locale, String resourceLink, String who) throws Exception {
        fixture.as(role, locale, resourceLink, "Valmennus", who, Map.of("kasvu_kind", "programme"));
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> first = browser.follow(browser.launch(fixture.login(who, false)));
        return new Session(browser, PagesHttpTest.base(first), PagesHttpTest.csrf(first.body()), first);
    }

    @Test
    void aFileWithMistakes_listsEveryProblemWithItsLine_inFinnish_andCreatesNothing_thenAGoodFileCreatesTheProgramme()
            throws Exception {
        Session olli = launch(PagesFixture.INSTRUCTOR, "fi-FI", "rl-tf-1", "Olli Järjestäjä");
        assertThat(olli.first().body()).contains("Luo se omasta pohjatiedostostanne", "/template-file\"");
        HttpResponse<String> form = olli.browser().get(olli.base() + "/template-file");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Luo ohjelma pohjatiedostosta", "enctype=\"multipart/form-data\"",
                "name=\"templatefile\"", "/template-file/supervisor-coaching.txt", "/template-file/peer-mentoring.txt");

        HttpResponse<String> example = olli.browser().get(olli.base() + "/template-file/supervisor-coaching.txt");
        assertThat(example.statusCode()).isEqualTo(200);
        assertThat(example.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(example.body()).isEqualTo(ProgrammeTemplateFile.write(ProgrammeTemplates.SUPERVISOR_COACHING));
        assertThat(olli.browser().get(olli.base() + "/template-file/grow-questions.txt").statusCode())
                .isEqualTo(404);

        HttpResponse<String> bad = olli.upload(true, Map.of("starts", "31.2.2026", "zone", "Europe/Helsinki"),
                BAD.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Tiedoston ongelmat (5)",
                "Rivi 4 (roles): \"mentor\" ei kelpaa kenttään roles. Vaihtoehdot: participant, coach, organiser.",
                "Rivi 4 (roles): Rooleista puuttuu järjestäjä",
                "Rivi 12 (day): Tilaisuuden kick-off päivä 60 ei osu vaiheeseen start (päivät 0–49).",
                "Rivi 14 (title.fi/sv/en): Kohdasta assignment plan puuttuu kenttä title.fi/sv/en.",
                "Rivi 18: \"title.en\" ei ole otsikko",
                "\"31.2.2026\" ei ole päivä", "value=\"31.2.2026\"", "href=\"#file-problems\"");
        assertThat(olli.browser().get(olli.base() + "/manage").body()).contains("Luo ohjelma", "name=\"template\"");

        HttpResponse<String> created = olli.browser().follow(olli.upload(GOOD));
        assertThat(created.uri().getPath()).endsWith("/manage");
        assertThat(created.body()).contains("Ohjelma luotiin pohjatiedostostasi", "Kevyt mentorointi",
                "Aloitus Aallossa", "value=\"Sali Aalto\"", "value=\"https://teams.example/m1\"",
                "value=\"Pia Puhuja\"", "Mitä opin?", "Vielä päätettävää");
        assertThat(olli.browser().get(olli.base() + "/template-file").statusCode()).isEqualTo(303);
    }

    @Test
    void theProblems_readInSwedishAndEnglish_too() throws Exception {
        Session sara = launch(PagesFixture.INSTRUCTOR, "sv-FI", "rl-tf-sv", "Sara Arrangör");
        HttpResponse<String> swedish = sara.upload(BAD);
        assertThat(swedish.statusCode()).isEqualTo(422);
        assertThat(swedish.body()).contains("Problem i filen (5)", "Rad 12 (day): Tillfällets kick-off dag 60 ligger "
                + "inte i fasen start (dagarna 0–49).", "Ingenting skapades.");

        Session emma = launch(PagesFixture.INSTRUCTOR, "en-GB", "rl-tf-en", "Emma Organiser");
        HttpResponse<String> english = emma.upload(BAD);
        assertThat(english.body()).contains("Problems in the file (5)", "day 60 is not within phase start (days 0–49).",
                "Line 18: \"title.en\" is neither a heading");
        HttpResponse<String> none = emma.upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki"),
                new byte[0]);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Choose a template file.", "href=\"#f-file\"");
    }

    @Test
    void oversizedBinaryAndControlCharacterFiles_areRefusedWithClearMessages() throws Exception {
        Session olga = launch(PagesFixture.INSTRUCTOR, "en-GB", "rl-tf-attack", "Olga Organiser");
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        assertThat(olga.upload(true, Map.of(), tenMegabytes).statusCode()).isEqualTo(413);

        byte[] large = ("# " + "x".repeat(200) + "\n").repeat(1500).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = olga.upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki"), large);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("The file is too large (" + large.length + " bytes); at most "
                + ProgrammeTemplateFile.MAX_BYTES + " bytes are read.");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff};
        HttpResponse<String> image = olga.upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki"), png);
        assertThat(image.statusCode()).isEqualTo(422);
        assertThat(image.body()).contains("Line 1: The line is not UTF-8 text.");

        HttpResponse<String> control = olga.upload(GOOD.replace("  days = 60", "  days = 60\u0000"));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("Line 3: The line holds an invisible control character").doesNotContain("\u0000");

        HttpResponse<String> script = olga.upload(GOOD.replace("title.fi = Aloitus Aallossa",
                "title.fi = <script>alert(1)</script>").replace("kind = meetup", "kind = <img src=x onerror=alert(1)>"));
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");

        // The file sent as the request body itself, not as a form: no form, no token, refused.
        HttpResponse<String> raw = olga.browser().http.send(HttpRequest.newBuilder(URI.create(olga.base()
                        + "/template-file")).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(403);

        assertThat(olga.browser().get(olga.base() + "/manage").body()).contains("name=\"template\"");
    }

    @Test
    void aLearner_aMissingCsrfToken_anotherPlacementsProgramme_andAReplay_changeNothing() throws Exception {
        Session owner = launch(PagesFixture.INSTRUCTOR, "en-GB", "rl-tf-owner", "Otto Owner");
        owner.browser().follow(owner.browser().post(owner.base() + "/create", Map.of("csrf", owner.csrf(),
                "template", "supervisor-coaching", "starts", today(), "zone", "Europe/Helsinki")));
        owner.browser().follow(owner.browser().post(owner.base() + "/event/kick-off", Map.of("csrf", owner.csrf(),
                "event-kick-off.day", LocalDate.parse(today()).plusDays(7).toString(), "event-kick-off.from", "9:00",
                "event-kick-off.to", "12:30", "event-kick-off.venue", "onsite", "event-kick-off.place", "Hall 7")));
        String before = owner.browser().get(owner.base() + "/manage").body();
        assertThat(before).contains("value=\"Hall 7\"", "Supervisor coaching programme");

        // A good file for a placement that has its programme already: refused, nothing saved is lost.
        HttpResponse<String> again = owner.upload(GOOD);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Nothing of yours was lost");
        assertThat(owner.browser().get(owner.base() + "/manage").body()).contains("value=\"Hall 7\"",
                "Supervisor coaching programme").doesNotContain("Light mentoring");

        Session learner = launch(PagesFixture.LEARNER, "en-GB", "rl-tf-owner", "Lauri Learner");
        assertThat(learner.upload(GOOD).statusCode()).isEqualTo(404);
        assertThat(learner.browser().get(learner.base() + "/template-file").statusCode()).isEqualTo(404);
        assertThat(learner.browser().get(learner.base() + "/template-file/peer-mentoring.txt").statusCode())
                .isEqualTo(404);

        // Another placement's organiser naming the first placement's programme: the page has no such parameter.
        Session other = launch(PagesFixture.INSTRUCTOR, "en-GB", "rl-tf-other", "Oona Other");
        HttpResponse<String> forged = other.upload(false, Map.of("starts", today(), "zone", "Europe/Helsinki"),
                GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(other.browser().get(other.base() + "/manage").body()).contains("name=\"template\"");
        HttpResponse<String> elsewhere = other.upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki",
                "programme", "programme-" + "0".repeat(40), "context", "rl-tf-owner"), GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(elsewhere.statusCode()).isEqualTo(303);
        assertThat(other.browser().get(other.base() + "/manage").body()).contains("Light mentoring");
        assertThat(owner.browser().get(owner.base() + "/manage").body()).contains("value=\"Hall 7\"")
                .doesNotContain("Light mentoring");

        // Another tenant's programme, named in the form: the tenant and the programme come from the session only.
        fi.kasvu.common.TenantId foreign = fi.kasvu.common.TenantId.of("other-agency");
        String foreignId = fi.kasvu.lms.activity.programme.ProgrammeActivity.programmeId("foreign-course");
        var repositories = fixture.server.repositories();
        fi.kasvu.programme.ProgrammeService.of(repositories.programmes(), repositories.reflectionAssignments(),
                fi.kasvu.programme.ProgrammeEvents.none(), fixture.clock, () -> foreignId).fromTemplate(foreign,
                ProgrammeTemplates.PEER_MENTORING, "foreign-course", LocalDate.parse(today()),
                ZoneId.of("Europe/Helsinki"), fi.kasvu.common.PersonId.of("foreign-organiser"));
        var foreignBefore = repositories.programmes().find(foreign, foreignId).orElseThrow();
        Session third = launch(PagesFixture.INSTRUCTOR, "en-GB", "rl-tf-third", "Tuula Third");
        HttpResponse<String> foreignNamed = third.upload(true, Map.of("starts", today(), "zone", "Europe/Helsinki",
                "programme", foreignId, "tenant", foreign.value()), GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(foreignNamed.statusCode()).isEqualTo(303);
        assertThat(repositories.programmes().find(foreign, foreignId).orElseThrow()).isEqualTo(foreignBefore);
        assertThat(third.browser().get(third.base() + "/manage").body()).contains("Light mentoring")
                .doesNotContain("Peer and reverse mentoring");

        // The same post again (a second tab, a replay): the programme is not made twice or replaced.
        HttpResponse<String> replay = other.upload(true, Map.of("starts", LocalDate.parse(today()).plusDays(30)
                .toString(), "zone", "Europe/Helsinki"), GOOD.replace("Light mentoring", "Replaced")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(other.browser().get(other.base() + "/manage").body()).contains("Light mentoring")
                .doesNotContain("Replaced");
    }
}

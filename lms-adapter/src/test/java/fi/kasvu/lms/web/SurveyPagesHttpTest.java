package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.store.jdbc.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The survey pages over plain HTTP (no script) on H2; {@link SurveyPagesPostgresTest} runs the
 * same on PostgreSQL. Answers are anonymous in the stored rows, a second answer with the same
 * key replaces the first, another key of a counted person stores nothing, bad input is named and
 * loses nothing, and the difference attack is withheld in the export.
 */
class SurveyPagesHttpTest {

    static PagesFixture fixture;

    static final String UNITS = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("Yksikkö A\nYksikkö B".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start(TestDatabases.h2(Files.createTempDirectory("kasvu-survey")), s -> s);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static void as(PagesFixture fixture, String roles, String link) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", "fi-FI", "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", link,
                        "title", "Työkulttuuri"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom",
                        Map.of("kasvu_kind", "culture-assessment", "kasvu_units", UNITS)));
    }

    /** One person's pages. */
    record Person(PagesHttpTest.NoScriptBrowser browser, String base, HttpResponse<String> first) {
        static Person launch(PagesFixture fixture, String roles, String link, String subject) throws Exception {
            as(fixture, roles, link);
            PagesHttpTest.NoScriptBrowser browser = new PagesHttpTest.NoScriptBrowser();
            HttpResponse<String> page = browser.follow(browser.launch(fixture.login(subject, false)));
            return new Person(browser, PagesHttpTest.base(page), page);
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.follow(browser.get(base + "/" + path));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("csrf", PagesHttpTest.csrf(first.body()));
            return browser.follow(browser.post(base + "/" + path, all));
        }
    }

    static String hidden(String html, String name) {
        return html.replaceAll("(?s).*name=\"" + name + "\" value=\"([^\"]*)\".*", "$1");
    }

    static Map<String, String> answer(String form, String unit, int value) {
        Map<String, String> fields = new HashMap<>();
        fields.put("round", hidden(form, "round"));
        fields.put("ballot", hidden(form, "ballot"));
        fields.put("unit", unit);
        fields.put("q.ca1", Integer.toString(value));
        fields.put("q.di1", Integer.toString(value));
        return fields;
    }

    @Test
    void anonymousBallots_replaceWithTheKey_withholdTheDifference_andNameBadInput() throws Exception {
        run(fixture, "rl-survey-http");
    }

    static void run(PagesFixture fixture, String link) throws Exception {
        Person organiser = Person.launch(fixture, PagesFixture.INSTRUCTOR, link, "org-" + link);
        assertThat(organiser.first().uri().getPath()).endsWith("/manage");
        assertThat(organiser.post("manage", Map.of("do", "open")).body()).contains("Kierros on auki");

        List<String> subjects = List.of("subject-a1-" + link, "subject-a2-" + link, "subject-a3-" + link,
                "subject-b1-" + link);
        List<String> keys = new ArrayList<>();
        Person first = null;
        for (int i = 0; i < subjects.size(); i++) {
            Person learner = Person.launch(fixture, PagesFixture.LEARNER, link, subjects.get(i));
            assertThat(learner.first().body()).contains("Vastauksesi ovat nimettömiä");
            Map<String, String> fields = answer(learner.first().body(), i < 3 ? "u1" : "u2", i < 3 ? 4 : 1);
            keys.add(fields.get("ballot"));
            HttpResponse<String> saved = learner.post("survey", fields);
            assertThat(saved.uri().getPath()).endsWith("/survey/saved");
            if (i == 0) {
                first = learner;
            }
        }

        // The same key replaces; another key of a counted person stores nothing.
        Map<String, String> again = answer(first.first().body(), "u1", 5);
        assertThat(first.post("survey", again).uri().getPath()).endsWith("/survey/replaced");
        Map<String, String> otherKey = answer(first.get("survey").body(), "u1", 2);
        HttpResponse<String> elsewhere = first.post("survey", otherKey);
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("Olet jo vastannut tähän kierrokseen toisella selaimella");

        // Bad input: a value outside 1..5, an over-long comment.
        Person late = Person.launch(fixture, PagesFixture.LEARNER, link, "subject-late-" + link);
        Map<String, String> bad = answer(late.first().body(), "u2", 3);
        bad.put("q.di1", "7");
        bad.put("q.comment-dialogue", "Tärkeä kommentti");
        HttpResponse<String> refused = late.post("survey", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Valitse väittämälle ”Meillä kuunnellaan toista ja kysytään ennen kuin "
                + "vastataan.” arvo 1–5.", "Tärkeä kommentti", "value=\"3\" checked");
        bad.put("q.di1", "3");
        bad.put("q.comment-dialogue", "x".repeat(2001));
        refused = late.post("survey", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Kommenttisi on liian pitkä: enintään 2000 merkkiä, nyt 2001.");

        assertThat(organiser.get("manage").body()).contains("<td>4</td>");
        assertNoBatchSmallerThanThree(fixture);

        // Closed while the late learner's form was open: refused, nothing lost.
        organiser.post("manage", Map.of("do", "close"));
        assertStoredRowsAreAnonymous(fixture, subjects, keys);
        bad.put("q.comment-dialogue", "Tärkeä kommentti");
        HttpResponse<String> closed = late.post("survey", bad);
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("Kierros sulkeutui vastatessasi", "Tärkeä kommentti");

        // Everyone 4, unit A 3, unit B 1: unit A would give away B's one answer by subtraction.
        HttpResponse<String> results = organiser.get("results?round=1");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("Kaikki: 4 vastaajaa", "chart-blocks", "chart-trend")
                .doesNotContain("Yksikkö A: 3 vastaajaa", "Yksikkö B: 1", "chart-breakdown");
        String csv = organiser.get("export.csv?round=1").body();
        assertThat(csv).contains("Kaikki").doesNotContain("Yksikkö");
        assertThat(organiser.browser().get(organiser.base() + "/export.csv?round=2").statusCode()).isEqualTo(404);
    }

    /**
     * What someone watching the database live sees while the round is open: ballots are written in
     * batches of three or more, so the rows hold either no response or at least three, and the
     * participation record names exactly as many people as there are responses (it grows with a
     * batch, not with a person).
     */
    static void assertNoBatchSmallerThanThree(PagesFixture fixture) throws Exception {
        int responses = 0;
        int people = 0;
        try (Connection connection = fixture.database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT kind, document FROM kasvu_document WHERE kind IN ('survey.response', 'survey.participation')")) {
            while (rows.next()) {
                if (rows.getString("kind").equals("survey.response")) {
                    responses++;
                } else {
                    people += rows.getString("document").split("subject-", -1).length - 1;
                }
            }
        }
        assertThat(responses).as("stored responses while 4 answered").isIn(0, 3, 4);
        assertThat(people).as("people in the participation record").isEqualTo(responses);
    }

    /** What the database administrator sees: responses without people, participation without answers or times. */
    static void assertStoredRowsAreAnonymous(PagesFixture fixture, List<String> subjects, List<String> keys)
            throws Exception {
        List<String> responses = new ArrayList<>();
        List<String> participation = new ArrayList<>();
        try (Connection connection = fixture.database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT kind, id, owner, updated_at, document FROM kasvu_document WHERE kind LIKE 'survey.%'")) {
            while (rows.next()) {
                String row = rows.getString("id") + " " + rows.getString("owner") + " " + rows.getString("document");
                OffsetDateTime updated = rows.getObject("updated_at", OffsetDateTime.class);
                if (rows.getString("kind").equals("survey.response")) {
                    responses.add(row);
                    assertThat(updated.atZoneSameInstant(ZoneOffset.UTC).toLocalTime().toSecondOfDay())
                            .as("a response's stored time tells only the day").isZero();
                } else if (rows.getString("kind").equals("survey.participation")) {
                    participation.add(row);
                    assertThat(updated.atZoneSameInstant(ZoneOffset.UTC).toLocalTime().toSecondOfDay()).isZero();
                }
            }
        }
        assertThat(responses).hasSizeGreaterThanOrEqualTo(4);
        for (String row : responses) {
            for (String subject : subjects) {
                assertThat(row).doesNotContain(subject);
            }
            for (String key : keys) {
                assertThat(row).doesNotContain(key);
            }
        }
        assertThat(participation).anySatisfy(row -> assertThat(row).contains(subjects.get(0), subjects.get(3)));
        for (String row : participation) {
            for (String response : responses) {
                assertThat(row).doesNotContain(response.substring(0, response.indexOf(' ')));
            }
        }
    }
}

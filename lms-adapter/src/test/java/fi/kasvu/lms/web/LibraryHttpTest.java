package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.ExperimentHttpTest.Person;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case library over HTTP on the real server: its own kind and every experiment's link, each
 * entry readable only as far as its level allows (other ids tried), contributions with their bad
 * inputs, and search by building block, tag and text.
 */
class LibraryHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static final Map<String, String> LIBRARY = Map.of("kasvu_kind", "library");

    static Person reader(String subject, String link) throws Exception {
        return ExperimentHttpTest.launch(fixture, subject, "Member " + subject, PagesFixture.LEARNER, link, "fi-FI",
                LIBRARY);
    }

    static List<String> entryIds(String body) {
        Matcher m = Pattern.compile("/library/entry/([A-Za-z0-9_-]+)\"").matcher(body);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void contributions_areSearchable_byBlockTagAndText_andBadInputIsExplained() throws Exception {
        Person aino = reader("lib-1", "rl-lib-a");
        assertThat(aino.first().uri().getPath()).endsWith("/library");
        assertThat(aino.first().body()).contains("Tapauskirjasto", "Jaa tapausesimerkki tai oivallus");

        HttpResponse<String> refused = aino.post("library/new", Map.of("entry.kind", "case", "entry.title", "",
                "entry.summary", "x".repeat(10_001), "entry.tags", "a".repeat(51), "entry.level", "course"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Täytä tämä kohta.", "enintään 10000 merkkiä, nyt 10001",
                "Kukin tunniste voi olla enintään 50 merkkiä.", "Vahvista, että olette poistaneet nimet",
                "value=\"" + "a".repeat(51) + "\"");

        Map<String, String> entry = new LinkedHashMap<>(Map.of("entry.kind", "case", "entry.title",
                "Poliisin uusi toimintamalli", "entry.summary", "Tiimit päättävät itse työnjaostaan",
                "entry.body", "Koko tarina", "entry.tags", "Yhteisöohjautuvuus, toimintamalli",
                "entry.level", "organisation", "entry.confirm", "on"));
        entry.put("entry.block-community-directed", "on");
        HttpResponse<String> added = aino.browser().follow(aino.post("library/new", entry));
        assertThat(added.body()).contains("Kiitos: merkintäsi on kirjastossa.", "Poliisin uusi toimintamalli");
        aino.post("library/new", Map.of("entry.kind", "insight", "entry.title", "Kysy ensin", "entry.summary",
                "Kysyminen ennen vastaamista rauhoitti palaverit", "entry.tags", "dialogi", "entry.level", "course",
                "entry.confirm", "on"));

        Person bo = reader("lib-2", "rl-lib-b");
        assertThat(bo.get("library?block=community-directed").body()).contains("Poliisin uusi toimintamalli", "Löytyi: 1")
                .doesNotContain("Kysy ensin");
        assertThat(bo.get("library?tag=toimintamalli").body()).contains("Poliisin uusi toimintamalli");
        assertThat(bo.get("library?q=tiimit+ty%C3%B6njaostaan").body()).contains("Poliisin uusi toimintamalli");
        assertThat(bo.get("library?q=palaverit").body()).contains("Löytyi: 0").doesNotContain("Kysy ensin");
        assertThat(aino.get("library?q=palaverit").body()).contains("Kysy ensin");
        String id = entryIds(bo.get("library").body()).get(0);
        assertThat(bo.get("library/entry/" + id).body()).contains("Koko tarina", "Tapausesimerkki");
        assertThat(bo.get("library?tag=" + "t".repeat(60)).statusCode()).isEqualTo(422);
    }

    @Test
    void anExperimentSharedWithItsTeam_isReadByTheTeamOnly_evenWhenOthersTryItsId() throws Exception {
        String link = "rl-lib-exp";
        ExperimentHttpTest.formTeams(fixture, link);
        Person a = ExperimentHttpTest.learner(fixture, "2", link);
        Person b = ExperimentHttpTest.learner(fixture, "4", link);
        Person other = ExperimentHttpTest.learner(fixture, "3", link);
        ExperimentHttpTest.walkToPlan(a, b);
        a.postStep("plan", "next", ExperimentHttpTest.plan(ExperimentHttpTest.today(fixture)));
        a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "TIIMIN-OPPI"));
        a.post("step/decision", Map.of("do", "decide", "decision.choice", "drop", "decision.reasons", "Ei toiminut"));
        a.post("step/sharing", Map.of("do", "publish", "share.level", "team", "share.confirm", "on"));

        String mine = b.get("library?kind=experiment&q=TIIMIN-OPPI").body();
        assertThat(mine).contains("Kokeilu", "Rajattu joukko");
        List<String> ids = entryIds(mine);
        assertThat(ids).hasSize(1);
        assertThat(b.get("library/entry/" + ids.get(0)).body()).contains("TIIMIN-OPPI", "Luovumme");

        String theirs = other.get("library?kind=experiment&q=TIIMIN-OPPI").body();
        assertThat(theirs).contains("Löytyi: 0");
        assertThat(entryIds(theirs)).isEmpty();
        assertThat(other.get("library/entry/" + ids.get(0)).statusCode()).isEqualTo(404);
        Person outsider = reader("lib-3", "rl-lib-c");
        assertThat(outsider.get("library/entry/" + ids.get(0)).statusCode()).isEqualTo(404);
        Person teacher = ExperimentHttpTest.teacher(fixture, link);
        assertThat(teacher.get("library/entry/" + ids.get(0)).statusCode()).isEqualTo(404);
        assertThat(a.get("step/sharing").body()).contains("Tapauksenne on jaettu kirjastossa.");
    }

    @Test
    void thePicker_offersNoGradingForTheLibrary_andAPostedGradedIsIgnored_whileTheExperimentKeepsIt() throws Exception {
        fixture.asTeacherPicking("en-GB");
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> kinds = teacher.follow(teacher.launch(fixture.login("lib-picker", true)));
        HttpResponse<String> library = teacher.get(kinds.uri() + "/library");
        assertThat(library.body()).contains("Case examples, experiments and insights").doesNotContain("name=\"graded\"");
        assertThat(teacher.get(kinds.uri() + "/experiment").body()).contains("name=\"graded\"");
        // A hand-made post with graded=on places an ungraded library all the same.
        HttpResponse<String> placed = teacher.post(kinds.uri() + "/library", Map.of("csrf",
                PagesHttpTest.csrf(library.body()), "graded", "on", "title", "Kirjasto"));
        assertThat(placed.statusCode()).isEqualTo(200);
        Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(placed.body());
        assertThat(jwt.find()).isTrue();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.group(1).split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"kasvu_kind\":\"library\"", "\"kasvu_graded\":\"false\"")
                .doesNotContain("lineItem");
    }

    @Test
    void allAgencies_readsWhatEveryTenantSharedWithEveryone_andNoTenantsOwnEntry() throws Exception {
        fi.kasvu.library.LibraryEntries entries = fixture.server.repositories().libraryEntries();
        fi.kasvu.common.TenantId other = fi.kasvu.common.TenantId.of("other-agency");
        java.time.Instant now = fixture.clock.instant();
        entries.save(other, fi.kasvu.common.Versioned.unsaved(new fi.kasvu.library.LibraryEntry("other-org",
                fi.kasvu.library.LibraryEntry.Kind.INSIGHT, fi.kasvu.common.Language.FI, "MUU-ORG", "Vain meille",
                "", java.util.Set.of(), "tenant", null, fi.kasvu.library.Visibility.ORGANISATION,
                fi.kasvu.common.PersonId.of("o-1"), false, now, null))).orElseThrow();
        entries.save(other, fi.kasvu.common.Versioned.unsaved(new fi.kasvu.library.LibraryEntry("other-all",
                fi.kasvu.library.LibraryEntry.Kind.CASE_EXAMPLE, fi.kasvu.common.Language.FI, "MUU-KAIKILLE",
                "Kaikille virastoille", "", java.util.Set.of(), fi.kasvu.library.LibraryEntries.SERVER_WIDE, null,
                fi.kasvu.library.Visibility.EVERYONE, fi.kasvu.common.PersonId.of("o-2"), false, now, null)))
                .orElseThrow();

        Person reader = reader("lib-9", "rl-lib-all");
        String browse = reader.get("library").body();
        assertThat(browse).contains("MUU-KAIKILLE", "Kaikki virastot").doesNotContain("MUU-ORG", "Vain meille");
        assertThat(reader.get("library/entry/other-all").body()).contains("Kaikille virastoille");
        assertThat(reader.get("library/entry/other-org").statusCode()).isEqualTo(404);

        assertThat(reader.get("library/new").body()).contains("value=\"everyone\"", "Kaikki virastot");
        for (String[] level : new String[][] {{"everyone", "OMA-KAIKILLE"}, {"organisation", "OMA-ORG"},
                {"course", "OMA-KURSSI"}}) {
            assertThat(reader.post("library/new", Map.of("entry.kind", "insight", "entry.title", level[1],
                    "entry.summary", "Tiivistelmä", "entry.level", level[0], "entry.confirm", "on")).statusCode())
                    .isEqualTo(303);
        }
        assertThat(reader.post("library/new", Map.of("entry.kind", "insight", "entry.title", "X", "entry.summary",
                "Y", "entry.level", "galaxy", "entry.confirm", "on")).statusCode()).isEqualTo(422);
        // The other tenant reads the server-wide entry through the port, and nothing else of this tenant.
        assertThat(entries.sharedServerWide().documents()).extracting(v -> v.value().title())
                .contains("OMA-KAIKILLE", "MUU-KAIKILLE").doesNotContain("OMA-ORG", "OMA-KURSSI", "MUU-ORG");
        assertThat(entries.listByContext(other, "tenant").documents()).extracting(v -> v.value().title())
                .containsExactly("MUU-ORG");
        // A team shares its experiment with all agencies: the preview says so.
        String link = "rl-lib-all-exp";
        ExperimentHttpTest.formTeams(fixture, link);
        Person a = ExperimentHttpTest.learner(fixture, "2", link);
        Person b = ExperimentHttpTest.learner(fixture, "4", link);
        ExperimentHttpTest.walkToPlan(a, b);
        a.postStep("plan", "next", ExperimentHttpTest.plan(ExperimentHttpTest.today(fixture)));
        a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "KAIKILLE-OPPI"));
        a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
        assertThat(a.post("step/sharing", Map.of("do", "preview", "share.level", "everyone")).body())
                .contains("Kaikki virastot", "KAIKILLE-OPPI");
        assertThat(a.post("step/sharing", Map.of("do", "publish", "share.level", "everyone", "share.confirm", "on"))
                .statusCode()).isEqualTo(303);
        assertThat(entries.sharedServerWide().documents()).extracting(v -> v.value().body())
                .anySatisfy(body -> assertThat(body).contains("KAIKILLE-OPPI"));
    }
}

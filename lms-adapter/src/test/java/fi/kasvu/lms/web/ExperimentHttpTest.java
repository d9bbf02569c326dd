package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.web.PagesHttpTest.NoScriptBrowser;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team experiment over plain HTTP on the real server (Jetty, H2, the platform simulator with
 * its roster of Member 2 … Member 9): teams formed from the roster, every step, several members
 * at once, the bad inputs the issue lists, and who sees what.
 */
class ExperimentHttpTest {

    static PagesFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** One person's browser in one activity. */
    record Person(NoScriptBrowser browser, String base, String csrf, HttpResponse<String> first) {
        HttpResponse<String> get(String path) throws Exception {
            return browser.get(base + "/" + path);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("csrf", csrf);
            return browser.post(base + "/" + path, all);
        }

        /** Opens the step page, then posts the fields with the page's own base hashes, as the form would. */
        HttpResponse<String> postStep(String page, String action, Map<String, String> fields) throws Exception {
            String body = get("step/" + page).body();
            Map<String, String> form = new LinkedHashMap<>(hiddenBases(body));
            form.putAll(fields);
            form.put("do", action);
            return post("step/" + page, form);
        }
    }

    static Map<String, String> hiddenBases(String body) {
        Map<String, String> bases = new LinkedHashMap<>();
        Matcher m = Pattern.compile("name=\"(base\\.[^\"]+)\" value=\"([^\"]*)\"").matcher(body);
        while (m.find()) {
            bases.put(m.group(1), m.group(2));
        }
        return bases;
    }

    static Person launch(PagesFixture fixture, String subject, String name, String roles, String link, String locale,
                         Map<String, String> custom) throws Exception {
        customize(fixture, custom, roles, locale, link, name);
        NoScriptBrowser browser = new NoScriptBrowser();
        HttpResponse<String> page = browser.follow(browser.launch(fixture.login(subject, false)));
        return new Person(browser, PagesHttpTest.base(page), PagesHttpTest.csrf(page.body()), page);
    }

    /** Launches as PagesFixture.as does, with the placement's custom parameters. */
    static void customize(PagesFixture fixture, Map<String, String> custom, String roles, String locale, String link, String name) {
        fixture.platform.untampered().tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roles))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of("locale", locale, "document_target", "iframe"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", link, "title",
                        "Kokeilu"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom)
                .claim("name", name));
    }

    static final Map<String, String> TEAM = Map.of("kasvu_kind", "experiment", "kasvu_blocks", "dialogue",
            "kasvu_done", "decision", "kasvu_personal", "true");

    static Person teacher(PagesFixture fixture, String link) throws Exception {
        return launch(fixture, "teacher-" + link, "Olli Opettaja", PagesFixture.INSTRUCTOR, link, "fi-FI", TEAM);
    }

    static Person learner(PagesFixture fixture, String subject, String link) throws Exception {
        return launch(fixture, subject, "Member " + subject, PagesFixture.LEARNER, link, "fi-FI", TEAM);
    }

    /** Member 2 … 9 split into teams of 4: team 1 is 2, 4, 6, 8 and team 2 is 3, 5, 7, 9. */
    static Person formTeams(PagesFixture fixture, String link) throws Exception {
        Person teacher = teacher(fixture, link);
        assertThat(teacher.first().uri().getPath()).endsWith("/teams");
        HttpResponse<String> split = teacher.browser().follow(teacher.post("teams", Map.of("do", "split", "size", "4")));
        assertThat(split.body()).contains("Tiimi 1", "Tiimi 2").doesNotContain("Tiimi 3");
        return teacher;
    }

    static void walkToPlan(Person a, Person b) throws Exception {
        a.post("step/picture", Map.of("do", "add", "entry.kind", "works", "entry.text", "Aamupalaverit toimivat"));
        b.post("step/picture", Map.of("do", "add", "entry.kind", "hard", "entry.text", "Etäjäsenet jäävät sivuun"));
        assertThat(a.post("step/picture", Map.of("do", "next")).headers().firstValue("Location").orElseThrow())
                .endsWith("/step/phenomenon");
        assertThat(a.postStep("phenomenon", "next", Map.of("phenomenon.phenomenon", "Etä-äänet hiipuvat",
                "phenomenon.howItShows", "Etäjäsenet puhuvat viimeisinä")).headers().firstValue("Location")
                .orElseThrow()).endsWith("/step/change");
        assertThat(b.postStep("change", "next", Map.of("change.from", "Äänekkäin puhuu", "change.to",
                "Kaikki kuullaan", "change.firstStep", "Etäjäsenet aloittavat")).headers().firstValue("Location")
                .orElseThrow()).endsWith("/step/plan");
    }

    static Map<String, String> plan(LocalDate start) {
        return Map.of("plan.ifWe", "annamme etäjäsenten puhua ensin", "plan.thenExpect", "kaikki osallistuvat",
                "plan.whatIsTried", "Kierros palaverin alussa", "plan.start", start.toString(),
                "plan.end", start.plusWeeks(2).toString(), "plan.measures.1.signal", "Palaverit, joissa kaikki puhuivat",
                "plan.measures.1.baseline", "2/8", "plan.criteria.1.criterion", "Kaikki puhuvat 6/8 palaverissa");
    }

    static LocalDate today(PagesFixture fixture) {
        return LocalDate.ofInstant(fixture.clock.instant(), When.ZONE);
    }

    @Test
    void aTeamWalksEveryStep_decides_sharesWithAPreview_andEveryMemberIsScored() throws Exception {
        formTeams(fixture, "rl-exp-flow");
        Person a = learner(fixture, "2", "rl-exp-flow");
        Person b = learner(fixture, "4", "rl-exp-flow");
        assertThat(a.first().uri().getPath()).endsWith("/step/picture");
        assertThat(a.first().body()).contains("Tilannekuva", "Mitä työssämme tapahtuu juuri nyt?", "Tiimi 1 · 4 jäsentä",
                "Tapauskirjasto");

        walkToPlan(a, b);
        HttpResponse<String> run = a.browser().follow(a.postStep("plan", "next", plan(today(fixture))));
        assertThat(run.uri().getPath()).endsWith("/step/run");
        HttpResponse<String> observed = b.browser().follow(b.post("step/run", Map.of("do", "observe",
                "observation.on", today(fixture).toString(), "observation.text", "Kaikki puhuivat tänään")));
        assertThat(observed.body()).contains("Kaikki puhuivat tänään", "Havaintoloki");
        HttpResponse<String> evaluation = b.get("step/evaluation");
        assertThat(evaluation.body()).contains("Kaikki puhuvat 6/8 palaverissa", "Toteutuiko se?");
        HttpResponse<String> decision = a.browser().follow(a.post("step/evaluation", Map.of("do", "evaluate",
                "verdict.c1", "met", "evidence.c1", "7/8", "evaluation.learned", "Puhejärjestys ratkaisee")));
        assertThat(decision.uri().getPath()).endsWith("/step/decision");
        assertThat(decision.body()).contains("Puhejärjestys ratkaisee", "Otamme käyttöön");

        HttpResponse<String> decided = a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt",
                "decision.reasons", "Kaikki kuultiin"));
        assertThat(decided.headers().firstValue("Location").orElseThrow()).endsWith("/step/sharing");
        // Every member is scored at once, also those who never open the team again (6 and 8 never did).
        waitForScores(4);
        assertThat(fixture.platform.scores).extracting(s -> s.getString("userId")).contains("2", "4", "6", "8");

        HttpResponse<String> sharing = a.get("step/sharing");
        assertThat(sharing.body()).contains("Ennen kuin jaatte", "Poistakaa nimet");
        HttpResponse<String> preview = a.post("step/sharing", Map.of("do", "preview", "share.level", "course",
                "share.tags", "hybridityö, palaverit"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Esikatselu", "Jos annamme etäjäsenten puhua ensin, niin kaikki osallistuvat.",
                "Puhejärjestys ratkaisee", "Vuorovaikutus, arvostus ja yhteistyö", "hybridityö")
                .doesNotContain("Aamupalaverit toimivat", "Kaikki puhuivat tänään");
        HttpResponse<String> unconfirmed = a.post("step/sharing", Map.of("do", "publish", "share.level", "course",
                "share.tags", "hybridityö"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Vahvista, että olette poistaneet nimet", "value=\"hybridityö\"");
        HttpResponse<String> shared = a.browser().follow(a.post("step/sharing", Map.of("do", "publish",
                "share.level", "course", "share.tags", "hybridityö", "share.confirm", "on")));
        assertThat(shared.body()).contains("Tapauksenne on jaettu kirjastossa.");
    }

    private static void waitForScores(int count) throws InterruptedException {
        for (int i = 0; i < 600 && fixture.platform.scores.size() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(fixture.platform.scores.size()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void twoMembersOnOneField_seeBothTexts_whileDifferentFieldsMergeSilently() throws Exception {
        formTeams(fixture, "rl-exp-clash");
        Person a = learner(fixture, "2", "rl-exp-clash");
        Person b = learner(fixture, "4", "rl-exp-clash");
        Person c = learner(fixture, "6", "rl-exp-clash");
        a.post("step/picture", Map.of("do", "add", "entry.kind", "works", "entry.text", "A"));
        b.post("step/picture", Map.of("do", "add", "entry.kind", "hard", "entry.text", "B"));
        a.post("step/picture", Map.of("do", "next"));
        String aPage = a.get("step/phenomenon").body();
        String bPage = b.get("step/phenomenon").body();
        String base = hiddenBases(aPage).get("base.phenomenon.phenomenon");
        assertThat(hiddenBases(bPage).get("base.phenomenon.phenomenon")).isEqualTo(base);

        HttpResponse<String> first = a.post("autosave", Map.of("name", "phenomenon.phenomenon", "value",
                "Aino: etä-äänet hiipuvat", "base", base));
        HttpResponse<String> clash = b.post("autosave", Map.of("name", "phenomenon.phenomenon", "value",
                "Bo: kukaan ei kysy etäjäseniltä", "base", base));
        HttpResponse<String> other = c.post("autosave", Map.of("name", "phenomenon.howItShows", "value",
                "Cecilia: he puhuvat viimeisinä", "base", hiddenBases(c.get("step/phenomenon").body())
                        .get("base.phenomenon.howItShows")));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("\"conflict\":true", "Aino: etä-äänet hiipuvat", "Toinen jäsen muutti");
        assertThat(other.statusCode()).isEqualTo(200);
        String stored = c.get("step/phenomenon").body();
        assertThat(stored).contains("Aino: etä-äänet hiipuvat", "Cecilia: he puhuvat viimeisinä")
                .doesNotContain("Bo: kukaan");

        // Without JavaScript: the full form from the old page shows both texts, saves the other fields.
        Map<String, String> form = new LinkedHashMap<>(hiddenBases(bPage));
        form.put("do", "save");
        form.put("phenomenon.phenomenon", "Bo: kukaan ei kysy etäjäseniltä");
        form.put("phenomenon.whomItAffects", "Etäjäsenet");
        HttpResponse<String> page = b.post("step/phenomenon", form);
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Toisen jäsenen teksti", "Aino: etä-äänet hiipuvat",
                "Bo: kukaan ei kysy etäjäseniltä");
        assertThat(c.get("step/phenomenon").body()).contains("Etäjäsenet</textarea>", "Aino: etä-äänet hiipuvat");

        // Bo merges and saves over the text he has now seen.
        Map<String, String> merged = new LinkedHashMap<>(hiddenBases(page.body()));
        merged.put("do", "save");
        merged.put("phenomenon.phenomenon", "Etä-äänet hiipuvat, kukaan ei kysy");
        assertThat(b.post("step/phenomenon", merged).statusCode()).isEqualTo(303);
        assertThat(a.get("step/phenomenon").body()).contains("Etä-äänet hiipuvat, kukaan ei kysy");
    }

    @Test
    void badInput_isExplainedInTheLearnersLanguage_andNothingSavedIsLost() throws Exception {
        Person teacher = formTeams(fixture, "rl-exp-bad");
        Person a = learner(fixture, "2", "rl-exp-bad");
        Person b = learner(fixture, "4", "rl-exp-bad");
        walkToPlan(a, b);

        HttpResponse<String> tooLong = a.post("autosave", Map.of("name", "plan.ifWe", "value", "x".repeat(10_001),
                "base", hiddenBases(a.get("step/plan").body()).get("base.plan.ifWe")));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("enintään 10000 merkkiä, nyt 10001");

        Map<String, String> dated = new LinkedHashMap<>(plan(today(fixture)));
        dated.put("plan.end", "31/12/2026");
        HttpResponse<String> badDate = a.postStep("plan", "save", dated);
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.body()).contains("”31/12/2026” ei ole päivämäärä", "id=\"f-plan-end-error\"",
                "value=\"31/12/2026\"", "annamme etäjäsenten puhua ensin");
        assertThat(a.get("step/plan").body()).contains("annamme etäjäsenten puhua ensin");

        // A stale tab still on the phenomenon page posts after the team moved on.
        HttpResponse<String> stale = b.post("step/phenomenon", Map.of("do", "save",
                "phenomenon.consequences", "MYÖHÄSTYNYT TEKSTI"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Tiiminne on siirtynyt eteenpäin", "suunnitelma", "MYÖHÄSTYNYT TEKSTI");
        assertThat(a.get("step/phenomenon").body()).contains("Etä-äänet hiipuvat").doesNotContain("MYÖHÄSTYNYT");
        HttpResponse<String> staleSave = b.post("autosave", Map.of("name", "phenomenon.consequences", "value", "x",
                "base", ""));
        assertThat(staleSave.statusCode()).isEqualTo(409);
        assertThat(staleSave.body()).contains("\"stale\":true");

        assertThat(a.browser().follow(a.postStep("plan", "next", plan(today(fixture)))).uri().getPath()).endsWith("/step/run");
        HttpResponse<String> observation = a.post("step/run", Map.of("do", "observe", "observation.on", "eilen",
                "observation.text", "Hyvä palaveri"));
        assertThat(observation.statusCode()).isEqualTo(422);
        assertThat(observation.body()).contains("”eilen” ei ole päivämäärä", "Hyvä palaveri");
        HttpResponse<String> early = a.post("step/run", Map.of("do", "observe", "observation.on",
                today(fixture).minusDays(3).toString(), "observation.text", "Liian aikaisin"));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("on liian aikainen", "Liian aikaisin");
        a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "partly", "evidence.c1", "5/8",
                "evaluation.learned", "Alku lupaava"));
        HttpResponse<String> noReasons = a.post("step/decision", Map.of("do", "decide", "decision.choice", "extend",
                "decision.newEnd", today(fixture).plusWeeks(4).toString(), "decision.reasons", " "));
        assertThat(noReasons.statusCode()).isEqualTo(422);
        assertThat(noReasons.body()).contains("Kirjoita päätöksenne perustelut.", "id=\"f-decision-reasons-error\"");
        HttpResponse<String> badEnd = a.post("step/decision", Map.of("do", "decide", "decision.choice", "extend",
                "decision.newEnd", "ensi kuussa", "decision.reasons", "Tarvitaan lisää dataa"));
        assertThat(badEnd.body()).contains("”ensi kuussa” ei ole päivämäärä", "Tarvitaan lisää dataa");

        // Extending returns the team to its run and keeps the earlier evaluation.
        HttpResponse<String> extended = a.browser().follow(a.post("step/decision", Map.of("do", "decide",
                "decision.choice", "extend", "decision.newEnd", today(fixture).plusWeeks(4).toString(),
                "decision.reasons", "Tarvitaan lisää dataa")));
        assertThat(extended.uri().getPath()).endsWith("/step/run");
        assertThat(extended.body()).contains("Aiempi kierros (jatkettu)", "Alku lupaava");

        // The teacher moves member 4 out of the team while they are writing.
        Map<String, String> teams = new LinkedHashMap<>();
        String page = teacher.get("teams").body();
        Matcher select = Pattern.compile("<label for=\"f-(team-[0-9a-f]{16})\">Tiimi: Member 4</label>").matcher(page);
        assertThat(select.find()).isTrue();
        teams.put(select.group(1).replace("team-", "team."), "0");
        teams.put("do", "assign");
        teacher.post("teams", teams);
        HttpResponse<String> removed = b.post("step/run", Map.of("do", "observe", "observation.on",
                today(fixture).toString(), "observation.text", "POISTETUN HAVAINTO"));
        assertThat(removed.statusCode()).isEqualTo(403);
        assertThat(removed.body()).contains("Et ole enää tässä tiimissä", "POISTETUN HAVAINTO");
        HttpResponse<String> removedSave = b.post("autosave", Map.of("name", "plan.ifWe", "value", "x", "base", ""));
        assertThat(removedSave.statusCode()).isEqualTo(403);
        assertThat(removedSave.body()).contains("Et ole enää tässä tiimissä");
        assertThat(b.browser().follow(b.get("step/run")).body()).contains("Et ole vielä missään tiimissä");
        assertThat(a.get("step/run").body()).doesNotContain("POISTETUN HAVAINTO");
    }

    @Test
    void aCaseLongerThanTheLibraryTakes_isRefusedWithAMessage_andTheDecisionStays() throws Exception {
        formTeams(fixture, "rl-exp-long");
        Person a = learner(fixture, "2", "rl-exp-long");
        Person b = learner(fixture, "4", "rl-exp-long");
        walkToPlan(a, b);
        Map<String, String> plan = new LinkedHashMap<>(plan(today(fixture)));
        plan.put("plan.ifWe", "j".repeat(6_000));
        plan.put("plan.thenExpect", "n".repeat(6_000));
        a.postStep("plan", "next", plan);
        a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "Opimme"));
        a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));

        HttpResponse<String> preview = a.post("step/sharing", Map.of("do", "preview", "share.level", "course"));

        assertThat(preview.statusCode()).isEqualTo(422);
        assertThat(preview.body()).contains("Tapaus olisi pidempi kuin kirjasto ottaa vastaan (10000 merkkiä)");
        assertThat(a.get("step/decision").body()).contains("Otamme käyttöön", "Toimi");
    }

    @Test
    void anotherTeamsLearner_seesNothingOfTheTeam_andTheTeacherSeesStepsAndDecisionsOnly() throws Exception {
        Person teacher = formTeams(fixture, "rl-exp-walls");
        Person a = learner(fixture, "2", "rl-exp-walls");
        Person b = learner(fixture, "4", "rl-exp-walls");
        Person other = learner(fixture, "3", "rl-exp-walls");
        walkToPlan(a, b);
        a.postStep("plan", "save", Map.of("plan.ifWe", "SALAINEN-SUUNNITELMA"));

        for (String path : List.of("step/picture", "step/phenomenon", "step/change", "step/plan",
                "step/picture?team=1", "step/plan?id=" + "x", "no-team")) {
            String body = other.browser().follow(other.get(path)).body();
            assertThat(body).as(path).doesNotContain("Aamupalaverit", "Etä-äänet", "SALAINEN", "Kaikki kuullaan");
        }
        assertThat(other.get("step/plan").headers().firstValue("Location").orElseThrow()).endsWith("/step/picture");
        HttpResponse<String> foreignSave = other.post("autosave", Map.of("name", "plan.ifWe", "value", "HYÖKKÄYS",
                "base", ""));
        assertThat(foreignSave.statusCode()).isIn(409, 422);
        assertThat(a.get("step/plan").body()).doesNotContain("HYÖKKÄYS");
        assertThat(other.get("step/../../teams").statusCode()).isIn(303, 400, 401, 404);

        String teams = teacher.get("teams").body();
        String progress = teacher.get("progress").body();
        for (String page : List.of(teams, progress)) {
            assertThat(page).contains("Tiimi 1", "Suunnitelma").doesNotContain("SALAINEN", "Aamupalaverit",
                    "Etä-äänet", "Kaikki kuullaan", "Äänekkäin");
        }
        assertThat(teams).contains("<svg", "role=\"img\"", "<desc id=\"team-chart-desc\">2 tiimiä. tilannekuva: 1");
        assertThat(teams).contains("Member 2", "Member 4");
    }

    @Test
    void aLearnerWithoutATeam_getsAClearPage_andMayStartAPersonalExperimentWhenAllowed() throws Exception {
        teacher(fixture, "rl-exp-alone");
        Person alone = learner(fixture, "outsider", "rl-exp-alone");
        assertThat(alone.first().uri().getPath()).endsWith("/no-team");
        assertThat(alone.first().body()).contains("Et ole vielä missään tiimissä", "Aloita henkilökohtainen kokeilu");
        HttpResponse<String> personal = alone.browser().follow(alone.post("personal", Map.of()));
        assertThat(personal.uri().getPath()).endsWith("/step/picture");
        assertThat(personal.body()).contains("Henkilökohtainen kokeilusi");

        Map<String, String> closed = new LinkedHashMap<>(TEAM);
        closed.put("kasvu_personal", "false");
        Person strict = launch(fixture, "outsider", "Member outsider", PagesFixture.LEARNER, "rl-exp-closed", "sv-FI", closed);
        assertThat(strict.first().body()).contains("Du är inte med i något team ännu")
                .doesNotContain("Börja ett personligt försök");
        assertThat(strict.browser().follow(strict.post("personal", Map.of())).uri().getPath()).endsWith("/no-team");
    }

    @Test
    void anObservationForTheTeamOnly_neverReachesTheCaseTheLibraryOrTheTeacher_whileALetOutOneIsQuoted()
            throws Exception {
        String link = "rl-exp-teamonly";
        Person teacher = formTeams(fixture, link);
        Person a = learner(fixture, "2", link);
        Person b = learner(fixture, "4", link);
        walkToPlan(a, b);
        a.postStep("plan", "next", plan(today(fixture)));
        String day = today(fixture).toString();
        HttpResponse<String> form = a.get("step/run");
        assertThat(form.body()).contains("Kuka saa lukea", "Vain tiimimme", "Saa lainata jaettuun tapaukseemme");
        HttpResponse<String> bad = a.post("step/run", Map.of("do", "observe", "observation.on", day,
                "observation.text", "HYLÄTTY-TEKSTI", "observation.visibility", "everyone"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Valitse, kuka saa lukea havainnon.", "HYLÄTTY-TEKSTI");
        a.post("step/run", Map.of("do", "observe", "observation.on", day, "observation.text", "TIIMIN-SALAISUUS",
                "observation.visibility", "team"));
        b.post("step/run", Map.of("do", "observe", "observation.on", day, "observation.text", "JAETTAVA-HAVAINTO",
                "observation.visibility", "case"));
        // A post without the choice (an old tab, a hand-made form) keeps the observation inside the team.
        a.post("step/run", Map.of("do", "observe", "observation.on", day, "observation.text", "OLETUS-HAVAINTO"));
        String log = b.get("step/run").body();
        assertThat(log).contains("TIIMIN-SALAISUUS", "JAETTAVA-HAVAINTO", "OLETUS-HAVAINTO", "Vain tiimille",
                "Saa lainata jaettuun tapaukseen").doesNotContain("HYLÄTTY-TEKSTI");

        a.post("step/evaluation", Map.of("do", "evaluate", "verdict.c1", "met", "evidence.c1", "7/8",
                "evaluation.learned", "Opimme"));
        a.post("step/decision", Map.of("do", "decide", "decision.choice", "adopt", "decision.reasons", "Toimi"));
        String preview = a.post("step/sharing", Map.of("do", "preview", "share.level", "organisation")).body();
        assertThat(preview).contains("Havaintoja kokeilun ajalta", day + ": JAETTAVA-HAVAINTO")
                .doesNotContain("TIIMIN-SALAISUUS", "OLETUS-HAVAINTO");
        assertThat(a.post("step/sharing", Map.of("do", "publish", "share.level", "organisation", "share.confirm",
                "on")).statusCode()).isEqualTo(303);
        Person reader = launch(fixture, "reader-9", "Reader", PagesFixture.LEARNER, "rl-exp-teamonly-lib", "fi-FI",
                Map.of("kasvu_kind", "library"));
        String library = reader.get("library?q=JAETTAVA-HAVAINTO").body();
        Matcher id = Pattern.compile("/library/entry/([A-Za-z0-9_-]+)\"").matcher(library);
        assertThat(id.find()).isTrue();
        assertThat(reader.get("library/entry/" + id.group(1)).body()).contains("JAETTAVA-HAVAINTO")
                .doesNotContain("TIIMIN-SALAISUUS", "OLETUS-HAVAINTO");
        for (String page : List.of("teams", "progress")) {
            assertThat(teacher.get(page).body()).doesNotContain("TIIMIN-SALAISUUS", "OLETUS-HAVAINTO",
                    "JAETTAVA-HAVAINTO");
        }
    }
}

package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.cli.KasvuCommand;
import fi.kasvu.peer.Formation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The peer-group activity over plain HTTP on H2: intake in the learner's language with what the
 * platform sends, the upload's line-and-column problems, the bad inputs of forming, formation equal
 * to the command's, moving by hand, and the confidentiality scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerGroupsHttpTest extends PeerGroupsFlow {

    @BeforeAll
    void start() throws Exception {
        fixture = PagesFixture.start();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void reflectionsAndNotes_reachOnlyWhomTheyMay_onH2() throws Exception {
        confidentialityScenario("rl-peer-h2");
    }

    @Test
    void intake_inTheLearnersLanguage_prefilledFromThePlatform_andTheUploadWins() throws Exception {
        roster("intake-1");
        as(PagesFixture.LEARNER, "fi-FI", "rl-peer-intake", "Iida Intake",
                Map.of("kasvu_organisation", "Valtiokonttori", "kasvu_site", "$Person.address.locality"));
        Client learner = new Client();
        HttpResponse<String> page = learner.launch(fixture.login("intake-1", false));
        assertThat(page.uri().getPath()).endsWith("/peer/intake");
        assertThat(page.body()).contains("<html lang=\"fi\">", "Tietosi vertaisryhmiä varten",
                "value=\"Valtiokonttori\"");
        // An unsubstituted Moodle variable is not a site.
        assertThat(page.body()).doesNotContain("$Person");

        HttpResponse<String> refused = learner.post("peer/intake", "organisation", "", "role", "SUPERVISOR");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Kirjoita organisaatio, jossa työskentelet.",
                "Valitse vähintään yksi kieli, jolla voit työskennellä.");

        // Control characters are refused at the edge with a page that says so; too long text and a
        // manager who is not on the roster are refused by the form, each next to its field.
        HttpResponse<String> control = learner.post("peer/intake", "organisation", "Valtio\u0007konttori", "role",
                "SUPERVISOR", "languages", "fi");
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("ohjausmerkkejä");
        HttpResponse<String> tooLong = learner.post("peer/intake", "organisation", "Valtiokonttori", "unit",
                "x".repeat(201), "role", "SUPERVISOR", "languages", "fi", "manager", "not-on-the-roster");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Kenttään mahtuu enintään 200 merkkiä eikä ohjausmerkkejä.",
                "Valitse esihenkilösi luettelosta");

        HttpResponse<String> saved = learner.post("peer/intake", "organisation", "Valtiokonttori", "site", "Kuopio",
                "role", "EXPERT", "languages", "en", "languages", "fi", "interests", "hybrid work; wellbeing");
        assertThat(saved.statusCode()).isEqualTo(303);
        page = learner.follow(saved);
        assertThat(page.uri().getPath()).endsWith("/peer/waiting");
        assertThat(page.body()).contains("Tietosi on tallennettu", "value=\"Kuopio\"");

        Client organiser = organiser("rl-peer-intake");
        HttpResponse<String> list = organiser.get(organiser.base + "/peer/organiser");
        assertThat(list.body()).contains("Participants (1)", "Valtiokonttori", "Kuopio", "Intake form", "fi, en");

        upload(organiser, List.of("intake-1,Iida Intake,,Verohallinto,,Turku,SUPERVISOR,sv,,",
                "pp1,Aino Aalto,,Org A,,Helsinki,SUPERVISOR,fi,,"));
        list = organiser.get(organiser.base + "/peer/organiser");
        assertThat(list.body()).contains("Participants (2)", "Verohallinto", "Uploaded list")
                .doesNotContain("Valtiokonttori");
        HttpResponse<String> overwrite = learner.post("peer/intake", "organisation", "Valtiokonttori", "role",
                "EXPERT", "languages", "fi");
        assertThat(overwrite.statusCode()).isEqualTo(409);
        assertThat(overwrite.body()).contains("Järjestäjä on tuonut tietosi luettelosta");
    }

    @Test
    void upload_badInput_namesLineAndColumn_andStoresNothing() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-bad");
        HttpResponse<String> missing = organiser.post("peer/upload", "do", "store", "csv",
                "id,name,email,organisation,unit,site,role,languages,manager_id\npp1,Aino,,Org A,,,SUPERVISOR,fi,\n");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Line 1, column interests: the header lacks the column(s) interests");

        HttpResponse<String> duplicate = organiser.post("peer/upload", "do", "store", "csv",
                csv(List.of(NINE.get(0), NINE.get(1), NINE.get(0))));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Line 4, column id: the id", "appears twice (first on line 2)");

        HttpResponse<String> manager = organiser.post("peer/upload", "do", "preview", "csv",
                csv(List.of(NINE.get(0), "pp2,Bertil Berg,,Org B,,Vaasa,SUPERVISOR,fi,pp99,")));
        assertThat(manager.statusCode()).isEqualTo(422);
        assertThat(manager.body()).contains("Line 3, column manager_id: the manager id", "is not the id of any row");

        HttpResponse<String> stranger = organiser.post("peer/upload", "do", "store", "csv",
                csv(List.of(NINE.get(0), "not-enrolled,Nora Stranger,,Org X,,Oulu,SUPERVISOR,fi,,")));
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(stranger.body()).contains("Line 3, column id: the person", "is not on this course");

        HttpResponse<String> language = organiser.post("peer/upload", "do", "store", "csv",
                csv(List.of("pp1,Aino,,Org A,,,SUPERVISOR,fi;de,,")));
        assertThat(language.body()).contains("Line 2, column languages: unknown language");

        HttpResponse<String> page = organiser.get(organiser.base + "/peer/organiser");
        assertThat(page.body()).contains("Participants (0)");
    }

    @Test
    void upload_aChosenFile_withoutScripts_isCheckedAndStored_asThePastedText() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-file");
        byte[] nine = csv(NINE).getBytes(StandardCharsets.UTF_8);
        // A file wins over the box: the box's stale text is not read.
        HttpResponse<String> preview = organiser.multipart("peer/upload", true, Map.of("do", "preview", "csv",
                "stale,box"), "csvfile", "people.csv", nine);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("The list is valid: 9 participants", "Aino Aalto");
        // The preview puts the file's text in the box, so "store" (the box, the file field now empty) stores it.
        HttpResponse<String> stored = organiser.multipart("peer/upload", true, Map.of("do", "store", "csv", csv(NINE)),
                "csvfile", "", new byte[0]);
        assertThat(stored.body()).contains("Stored 9 participants", "Participants (9)");

        // A file saved by a spreadsheet in Windows-1252, or with a NUL, is refused naming its line; nothing changes.
        byte[] latin = (HEADER + "\npp1,Aino Aalto,,Org A,,Helsinki,SUPERVISOR,fi,,\npp2,Bertil Gr\u00f6n,,Org B,,,"
                + "SUPERVISOR,fi,,\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        HttpResponse<String> encoding = organiser.multipart("peer/upload", true, Map.of("do", "store"), "csvfile",
                "people.csv", latin);
        assertThat(encoding.statusCode()).isEqualTo(422);
        assertThat(encoding.body()).contains("Line 3: the file is not UTF-8 text.");
        HttpResponse<String> control = organiser.multipart("peer/upload", true, Map.of("do", "store"), "csvfile",
                "people.csv", (HEADER + "\npp1,Aino\u0000,,Org A,,,SUPERVISOR,fi,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("Line 2: the file contains invisible control characters");
        // A file's problems name line and column as the box's do, with a byte-order mark ignored.
        HttpResponse<String> duplicate = organiser.multipart("peer/upload", true, Map.of("do", "store"), "csvfile",
                "people.csv", ("\uFEFF" + csv(List.of(NINE.get(0), NINE.get(0)))).getBytes(StandardCharsets.UTF_8));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Line 3, column id: the id");
        // Too large a file, and a form without the CSRF token, are refused.
        HttpResponse<String> large = organiser.multipart("peer/upload", true, Map.of("do", "store"), "csvfile",
                "people.csv", new byte[1_100_000]);
        assertThat(large.statusCode()).isEqualTo(413);
        HttpResponse<String> forged = organiser.multipart("peer/upload", false, Map.of("do", "store"), "csvfile",
                "people.csv", csv(List.of(NINE.get(0))).getBytes(StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(organiser.get(organiser.base + "/peer/organiser").body()).contains("Participants (9)");
    }

    @Test
    void peerGrow_inATriadMeeting_isTheCoacheesOwn_theCoachSuggests_theObserverSeesWhatIsShared() throws Exception {
        roster();
        String link = "rl-peer-grow";
        Client organiser = organiser(link);
        upload(organiser, NINE);
        organiser.post("peer/form", "seed", "3", "first", "2026-10-01", "meetings", "3", "every", "4");
        assertThat(organiser.post("peer/publish").body()).contains("Published 3 groups");
        var log = captureLog();
        try {
            Client aino = learner(link, "pp1", "Aino Aalto");
            HttpResponse<String> page = aino.follow(aino.get(aino.base + "/start"));
            String groupPath = page.uri().getPath().replaceAll(".*/(peer/group/[^/#?]+).*", "$1");
            assertThat(page.body()).contains("Peer GROW conversation of meeting 1", "/" + groupPath + "/grow/1\"");
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("<li><bdi>([^<]*)</bdi>, <bdi>Org [A-I]</bdi>")
                    .matcher(page.body());
            Map<String, Client> byRole = new java.util.HashMap<>();
            while (names.find()) {
                String subject = subjectOf(names.group(1));
                Client member = subject.equals("pp1") ? aino : learner(link, subject, names.group(1));
                String grow = member.get(member.base + "/" + groupPath + "/grow/1").body();
                String role = grow.replaceAll("(?s).*You are the (coachee|coach|observer) in this meeting.*", "$1");
                byRole.put(role, member);
            }
            assertThat(byRole).containsOnlyKeys("coachee", "coach", "observer");
            Client coachee = byRole.get("coachee");
            Client coach = byRole.get("coach");
            Client observer = byRole.get("observer");
            String grow = groupPath + "/grow/1";

            // The coachee writes, sharing the goal only.
            HttpResponse<String> saved = coachee.post(grow + "/save", "goal", "GOAL-SHARED", "measures", "I say no once",
                    "tried", "REALITY-PRIVATE", "insight", "I fear conflict", "options", "Option A\nOption B",
                    "action", "Talk to my manager", "due", "2026-10-15", "commitment", "8", "share-GOAL", "on");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            HttpResponse<String> own = coachee.get(coachee.base + "/" + grow);
            assertThat(own.body()).contains("GOAL-SHARED", "REALITY-PRIVATE", "Option A\nOption B", "value=\"8\"");
            String ownVersion = own.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

            HttpResponse<String> observed = observer.get(observer.base + "/" + grow);
            assertThat(observed.body()).contains("GOAL-SHARED", "Not shared.")
                    .doesNotContain("REALITY-PRIVATE", "Option A", "Talk to my manager", "name=\"goal\"");
            // The coach writes alongside: a suggested option goes into the coachee's conversation.
            HttpResponse<String> suggested = coach.post(grow + "/suggest", "suggestion", "COACH-IDEA");
            assertThat(suggested.statusCode()).isEqualTo(200);
            assertThat(suggested.body()).contains("Your suggestion was added to the coachee's options")
                    .doesNotContain("REALITY-PRIVATE", "Option A");
            assertThat(coachee.get(coachee.base + "/" + grow).body()).contains("Option A\nOption B\nCOACH-IDEA");
            assertThat(coach.post(grow + "/suggest", "suggestion", "").statusCode()).isEqualTo(422);

            // Bad input keeps what was typed and saves nothing; a stale tab's save is refused.
            HttpResponse<String> bad = coachee.post(grow + "/save", "goal", "KEEP-ME", "commitment", "11", "due",
                    "tomorrow", "version", ownVersion);
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("KEEP-ME", "Give your commitment as a whole number from 1 to 10.",
                    "Give the date as YYYY-MM-DD");
            assertThat(coachee.post(grow + "/save", "goal", "x".repeat(2001)).body())
                    .contains("The field holds at most 2000 characters.");
            HttpResponse<String> stale = coachee.post(grow + "/save", "goal", "STALE-TAB", "version", ownVersion);
            assertThat(stale.statusCode()).isEqualTo(422);
            assertThat(stale.body()).contains("The conversation changed in another tab", "STALE-TAB");
            assertThat(coachee.get(coachee.base + "/" + grow).body()).contains("GOAL-SHARED", "COACH-IDEA")
                    .doesNotContain("KEEP-ME", "STALE-TAB");

            // Only the coachee writes, only the coach suggests; nobody else reaches the conversation.
            assertThat(coach.post(grow + "/save", "goal", "HIJACK").statusCode()).isEqualTo(404);
            assertThat(observer.post(grow + "/save", "goal", "HIJACK").statusCode()).isEqualTo(404);
            assertThat(observer.post(grow + "/suggest", "suggestion", "HIJACK").statusCode()).isEqualTo(404);
            assertThat(coachee.get(coachee.base + "/" + groupPath + "/grow/99").statusCode()).isEqualTo(404);
            assertThat(coachee.get(coachee.base + "/" + groupPath + "/grow/x").statusCode()).isEqualTo(404);
            String outsider = List.of("pp1", "pp2", "pp3", "pp4", "pp5", "pp6", "pp7", "pp8", "pp9").stream()
                    .filter(sub -> !page.body().contains(NINE.stream().filter(r -> r.startsWith(sub + ","))
                            .findFirst().orElseThrow().split(",")[1] + "</bdi>, <bdi>Org")).findFirst().orElseThrow();
            Client other = learner(link, outsider, "Outsider");
            assertThat(other.get(other.base + "/" + grow).statusCode()).isEqualTo(404);
            assertThat(other.post(grow + "/suggest", "suggestion", "INTRUDER").statusCode()).isEqualTo(404);
            assertThat(organiser.get(organiser.base + "/" + grow).statusCode()).isEqualTo(404);
            assertThat(organiser.get(organiser.base + "/peer/organiser").body())
                    .doesNotContain("GOAL-SHARED", "REALITY-PRIVATE", "COACH-IDEA");
            assertThat(organiser.get(organiser.base + "/peer/export.csv").body()).doesNotContain("GOAL-SHARED");
            assertThat(coachee.get(coachee.base + "/" + grow).body()).doesNotContain("HIJACK", "INTRUDER");
        } finally {
            stopCapture(log);
        }
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("GOAL-SHARED", "REALITY-PRIVATE", "COACH-IDEA", "KEEP-ME"));
    }

    @Test
    void forming_tooFewPeople_andAnInfeasibleConstraint_areExplained() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-few");
        upload(organiser, List.of(NINE.get(0), NINE.get(1)));
        HttpResponse<String> few = organiser.post("peer/form", "seed", "1");
        assertThat(few.statusCode()).isEqualTo(422);
        assertThat(few.body()).contains("There are 2 participants; Peer triads need at least 3 people for one group.");

        // Three people of one organisation cannot keep "no two share an organisation": core explains.
        upload(organiser, List.of("pp1,Aino Aalto,,Org A,,Helsinki,SUPERVISOR,fi,,",
                "pp2,Bertil Berg,,Org A,,Vaasa,SUPERVISOR,fi,,", "pp3,Cecilia Cole,,Org A,,Oulu,SUPERVISOR,fi,,"));
        HttpResponse<String> infeasible = organiser.follow(organiser.post("peer/form", "seed", "1"));
        assertThat(infeasible.body()).contains("Hard constraints broken", "Shared organisation, unit or site:",
                "(breaks a hard constraint)", "Org A");
        assertThat(infeasible.body()).containsPattern("break a hard constraint|organisation");

        HttpResponse<String> badPlan = organiser.post("peer/form", "seed", "x", "first", "next week");
        assertThat(badPlan.statusCode()).isEqualTo(422);
        assertThat(badPlan.body()).contains("The seed must be a whole number.",
                "Give the first meeting as a date such as 2027-01-20");
    }

    @Test
    void theFormationsFindingsExplanationsAndBrokenConstraints_areInTheOrganisersLanguage() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-lang");
        // Seven people, three of one organisation: groups of four and three (a size note), a crowded
        // organisation (a finding) and a group that has to break "no two share an organisation".
        upload(organiser, List.of("pp1,Aino Aalto,,Org A,,Helsinki,SUPERVISOR,fi,,wellbeing",
                "pp2,Bertil Berg,,Org A,,Vaasa,SUPERVISOR,fi,,wellbeing", "pp3,Cecilia Cole,,Org A,,Oulu,SUPERVISOR,fi,,",
                "pp4,Dan Dahl,,Org D,,Helsinki,SUPERVISOR,fi,,", "pp5,Eeva Ek,,Org E,,Vaasa,SUPERVISOR,fi,,",
                "pp6,Frans Fors,,Org F,,Oulu,SUPERVISOR,fi,,", "pp7,Greta Grön,,Org G,,Helsinki,SUPERVISOR,fi,,"));
        String english = draft(organiser.follow(organiser.post("peer/form", "seed", "1")).body());
        List<String> sentences = reasons(english);
        assertThat(sentences).as(english).anyMatch(r -> r.startsWith("7 participants form 2 groups"))
                .anyMatch(r -> r.contains("members rather than 3"))
                .anyMatch(r -> r.contains("members from the same organisation (Org A)"));

        Map<String, List<String>> expected = Map.of(
                "fi", List.of("Osallistujia 7, ryhmiä 2 (kokosääntö 3–4, tavoite 3): ryhmäkoot 1 × 4, 1 × 3.",
                        "jäsentä tavoitteen 3 sijaan", "jäsentä samasta organisaatiosta (Org A)"),
                "sv", List.of("Deltagare 7, grupper 2 (storleksregel 3–4, mål 3): gruppstorlekar 1 × 4, 1 × 3.",
                        "medlemmar i stället för 3", "medlemmar från samma organisation (Org A)"));
        for (Map.Entry<String, List<String>> language : expected.entrySet()) {
            organiser.post("language", "lang", language.getKey(), "back", "peer/organiser");
            String page = draft(organiser.get(organiser.base + "/peer/organiser").body());

            assertThat(page).as(language.getKey()).contains(language.getValue());
            for (String sentence : sentences) {
                assertThat(page).as(language.getKey() + " shows no English reason").doesNotContain(sentence);
            }
            assertThat(reasons(page)).as(language.getKey()).hasSameSizeAs(sentences)
                    .noneMatch(r -> r.matches("(?s).*\\b(participants|members|groups|hard constraint|pairs|share an"
                            + " interest|meets for the first time|search steps)\\b.*"));
        }
    }

    /** The preview part of the organiser's page. */
    static String draft(String html) {
        int start = html.indexOf("id=\"h-draft\"");
        assertThat(start).as("a preview is shown").isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** Every reason the preview shows: findings, broken constraints and the groups' explanations. */
    static List<String> reasons(String draft) {
        List<String> found = new ArrayList<>();
        Matcher items = Pattern.compile("<li>([^<]+)</li>|<p class=\"hint\">([^<]+)</p>").matcher(draft);
        while (items.find()) {
            found.add(items.group(1) != null ? items.group(1) : items.group(2));
        }
        return found;
    }

    @Test
    void formation_inTheLms_isTheCommandsFormation_forTheSameParticipantsAndSeed() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-same");
        upload(organiser, NINE);
        HttpResponse<String> preview = organiser.follow(organiser.post("peer/form", "seed", "42", "groupBy",
                "organisation"));
        List<List<String>> lms = previewGroups(preview.body());

        Path dir = Files.createTempDirectory("kasvu-peer-same");
        Path input = dir.resolve("people.csv");
        Files.writeString(input, csv(NINE), StandardCharsets.UTF_8);
        CommandLine cli = KasvuCommand.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "42",
                "--out", dir.resolve("groups.json").toString());
        assertThat(status).as(err.toString()).isEqualTo(0);
        Formation command = KasvuJson.create().fromJson(Files.readString(dir.resolve("groups.json")), Formation.class);
        List<List<String>> cmd = new ArrayList<>();
        command.groups().forEach(g -> cmd.add(g.members().stream().map(m -> m.participant().name()).sorted().toList()));

        assertThat(lms).hasSize(3).isEqualTo(cmd);
    }

    @Test
    void movingAPersonByHand_showsTheBrokenConstraintAtOnce() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-move");
        upload(organiser, NINE);
        HttpResponse<String> preview = organiser.follow(organiser.post("peer/form", "seed", "5"));
        List<List<String>> groups = previewGroups(preview.body());
        assertThat(preview.body()).doesNotContain("Hard constraints broken");
        String moved = subjectOf(groups.get(0).get(0));

        HttpResponse<String> after = organiser.post("peer/move", "move", moved, "to-" + moved, "2");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Moved into group 2; the groups now break 1 hard constraint(s)",
                "Hard constraints broken", "Group size:");
        List<List<String>> changed = previewGroups(after.body());
        assertThat(changed.get(1)).hasSize(4).contains(groups.get(0).get(0));

        HttpResponse<String> alone = organiser.post("peer/move", "move", subjectOf(changed.get(0).get(0)),
                "to-" + subjectOf(changed.get(0).get(0)), "3");
        assertThat(alone.statusCode()).isEqualTo(422);
        assertThat(alone.body()).contains("Group 1 would be left with fewer than two members");
    }

    @Test
    void picker_offersPeerGroups_withTheKindOfGroup() throws Exception {
        fixture.asTeacherPicking("en-GB");
        PagesHttpTest.NoScriptBrowser teacher = new PagesHttpTest.NoScriptBrowser();
        HttpResponse<String> kinds = teacher.follow(teacher.launch(fixture.login("peer-picker", true)));
        assertThat(kinds.body()).contains("Peer groups", "/picker/peer-groups");
        HttpResponse<String> form = teacher.get(kinds.uri() + "/peer-groups");
        assertThat(form.body()).contains("Kind of group", "Peer triads", "Reverse mentoring", "Coaching groups (5–8)",
                "Onboarding pool");
        HttpResponse<String> refused = teacher.post(kinds.uri() + "/peer-groups", Map.of("csrf",
                PagesHttpTest.csrf(form.body()), "groupKind", "quartet"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose the kind of group");
        HttpResponse<String> placed = teacher.post(kinds.uri() + "/peer-groups", Map.of("csrf",
                PagesHttpTest.csrf(form.body()), "groupKind", "onboarding-pool", "graded", ""));
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(placed.body()).contains("name=\"JWT\"");
    }

    @Test
    void onboardingPool_takesCapacities_fromTheUploadAndTheIntake() throws Exception {
        roster("pool-intake");
        Map<String, String> pool = Map.of("kasvu_group_kind", "onboarding-pool");
        Client organiser = organiser("rl-peer-pool", pool);
        HttpResponse<String> noCapacity = organiser.post("peer/upload", "do", "preview", "csv", csv(NINE));
        assertThat(noCapacity.statusCode()).isEqualTo(422);
        assertThat(noCapacity.body()).contains("Line 1, column capacity: the header lacks the column(s) capacity");
        String header = HEADER + ",capacity\n";
        HttpResponse<String> badCapacity = organiser.post("peer/upload", "do", "preview", "csv", header
                + "pp1,Onni Onboarder,,Agency,,Helsinki,SUPERVISOR,fi,,,x\n");
        assertThat(badCapacity.body()).contains("Line 2, column capacity: the capacity", "from 0 to 50");

        String rows = header + String.join("\n", List.of(
                "pp1,Onni Onboarder,,Agency,,Helsinki,SUPERVISOR,fi,,,2",
                "pp2,Outi Onboarder,,Agency,,Oulu,SUPERVISOR,fi,,,2",
                "pp3,Niina Newcomer,,Agency,,Helsinki,NEWCOMER,fi,,,",
                "pp4,Nils Newcomer,,Agency,,Oulu,NEWCOMER,fi,,,0",
                "pp5,Noora Newcomer,,Agency,,Helsinki,NEWCOMER,fi,,,",
                "pp6,Nelli Newcomer,,Agency,,Oulu,NEWCOMER,fi,,,")) + "\n";
        assertThat(organiser.post("peer/upload", "do", "store", "csv", rows).body()).contains("Stored 6 participants");
        HttpResponse<String> preview = organiser.follow(organiser.post("peer/form", "seed", "1",
                "preferOtherSite", "true"));
        List<List<String>> groups = previewGroups(preview.body());
        assertThat(groups).hasSize(2).allSatisfy(g -> assertThat(g).hasSize(3));
        assertThat(groups).anySatisfy(g -> assertThat(g).contains("Onni Onboarder", "Nils Newcomer", "Nelli Newcomer"));
        assertThat(preview.body()).contains("onboarder").doesNotContain("Move Onni");

        // A newcomer moved by hand to the other onboarder, who is then above capacity: the broken
        // constraint shows at once, with the people involved; onboarders themselves do not move.
        int outi = groups.get(0).contains("Outi Onboarder") ? 1 : 2;
        assertThat(preview.body()).contains("Group " + outi + " (onboarder Outi Onboarder)");
        HttpResponse<String> moved = organiser.post("peer/move", "move", "pp4", "to-pp4", Integer.toString(outi));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("the groups now break 1 hard constraint(s)", "Capacity:",
                "Outi Onboarder onboards 3 newcomers, above their capacity of 2.", "(breaks a hard constraint)");
        assertThat(previewGroups(moved.body())).anySatisfy(g -> assertThat(g).contains("Outi Onboarder", "Nils Newcomer"));
        HttpResponse<String> back = organiser.post("peer/move", "move", "pp4", "to-pp4", Integer.toString(3 - outi));
        assertThat(back.body()).contains("Every hard constraint holds.").doesNotContain("Capacity:");
        HttpResponse<String> onboarder = organiser.post("peer/move", "move", "pp1", "to-pp1", Integer.toString(outi));
        assertThat(onboarder.statusCode()).isEqualTo(422);
        assertThat(onboarder.body()).contains("onboarders stay with their group");
        HttpResponse<String> nowhere = organiser.post("peer/move", "move", "pp4", "to-pp4", "99");
        assertThat(nowhere.statusCode()).isEqualTo(422);

        as(PagesFixture.LEARNER, "en-GB", "rl-peer-pool", "Paula Pool", pool);
        Client learner = new Client();
        HttpResponse<String> intake = learner.launch(fixture.login("pool-intake", false));
        assertThat(intake.body()).contains("How many newcomers you can onboard");
        HttpResponse<String> refused = learner.post("peer/intake", "organisation", "Agency", "role", "SUPERVISOR",
                "languages", "fi", "capacity", "99");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("from 0 to 50");
        assertThat(learner.post("peer/intake", "organisation", "Agency", "role", "SUPERVISOR", "languages", "fi",
                "capacity", "4").statusCode()).isEqualTo(303);
        assertThat(organiser.get(organiser.base + "/peer/organiser").body()).contains("Participants (7)", "Intake form",
                "<td><bdi>4</bdi></td>");
    }

    @Test
    void reverseMentoring_bringsSupervisorsAndNewcomersTogether_withTheirRolesShown() throws Exception {
        roster();
        Client organiser = organiser("rl-peer-reverse", Map.of("kasvu_group_kind", "reverse-mentoring"));
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rows.add("pp" + i + ",Person " + i + ",,Org " + (char) ('A' + i) + ",,Helsinki," + (i <= 4 ? "SUPERVISOR"
                    : "NEWCOMER") + ",fi,,");
        }
        upload(organiser, rows);
        HttpResponse<String> preview = organiser.follow(organiser.post("peer/form", "seed", "1"));
        List<List<String>> groups = previewGroups(preview.body());
        assertThat(groups).hasSize(2).allSatisfy(g -> assertThat(g).hasSize(4));
        assertThat(preview.body()).contains("mentor (supervisor)", "mentee (newcomer)")
                .doesNotContain("Hard constraints broken");
        assertThat(organiser.post("peer/publish").body()).contains("Published 2 groups");

        Client newcomer = learner("rl-peer-reverse", "pp5", "Person 5");
        HttpResponse<String> page = newcomer.follow(newcomer.get(newcomer.base + "/start"));
        assertThat(page.uri().getPath()).contains("/peer/group/");
        assertThat(page.body()).contains("Reverse mentoring", "Person 5</bdi>, <bdi>Org F</bdi> – mentee (newcomer)",
                "– mentor (supervisor)").doesNotContain("Roles at the next meeting");
    }
}

package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Publishing peer groups to the course on the platform (through {@link CourseServices}, here a
 * course kept in memory that is idempotent by key as the platform's adapter is): groups, the
 * grouping and the planned meetings' calendar events are created once; publishing again changes
 * nothing; "not configured" and failures are explained in the organiser's language and lose
 * nothing; two organisers publishing at once start one set of groups; a stale tab publishes
 * nothing it did not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerGroupsCourseTest extends PeerGroupsFlow {

    final InMemoryCourse course = new InMemoryCourse();

    @BeforeAll
    void start() throws Exception {
        fixture = PagesFixture.start(course);
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void working() {
        course.mode = InMemoryCourse.Mode.WORKING;
    }

    /** The publish form's hidden formation id and version on an organiser's page. */
    static String[] draftOf(String html) {
        Matcher m = Pattern.compile("name=\"formation\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"version\" "
                + "value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a publish form with the preview's id and version").isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    /** The number of published groups, from the organiser's counts export (one line per group). */
    static long publishedGroups(Client organiser) throws Exception {
        return organiser.get(organiser.base + "/peer/export.csv").body().lines().skip(1).count();
    }

    /** The keys of one round's groups or events (the course is shared by this class's tests). */
    static Set<String> ofRound(Set<String> keys, String formation) {
        return keys.stream().filter(k -> k.startsWith(formation + "-")).collect(Collectors.toSet());
    }

    Client organiserIn(String link, String locale) throws Exception {
        as(PagesFixture.INSTRUCTOR, locale, link, "Olga Organiser", Map.of());
        Client client = new Client();
        HttpResponse<String> page = client.launch(fixture.login("organiser-" + link, false));
        assertThat(page.uri().getPath()).endsWith("/peer/organiser");
        return client;
    }

    @Test
    void publishing_createsGroupsGroupingAndEventsInTheCourse_once() throws Exception {
        roster();
        Client organiser = organiser("rl-course-once");
        upload(organiser, NINE);
        HttpResponse<String> preview = organiser.follow(organiser.post("peer/form", "seed", "3", "first", "2026-10-01",
                "meetings", "3", "every", "4"));
        String[] draft = draftOf(preview.body());

        HttpResponse<String> published = organiser.post("peer/publish", "formation", draft[0], "version", draft[1]);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("Published 3 groups",
                "In the course: 3 groups created and 0 already there, in the grouping",
                "Calendar events of planned meetings: 9 created and 0 already there.");
        Set<String> keys = Set.copyOf(ofRound(course.groups.keySet(), draft[0]));
        assertThat(keys).hasSize(3).allSatisfy(k -> assertThat(k).startsWith(draft[0] + "-g"));
        assertThat(keys.stream().map(course.groupingOf::get).distinct().toList()).containsExactly("Vertaisryhmät – round 1");
        // Members go as the platform's user ids, every one of the nine once.
        assertThat(course.groups.values().stream().filter(g -> g.key().startsWith(draft[0]))
                .flatMap(g -> g.subjects().stream()).sorted().toList())
                .containsExactly("pp1", "pp2", "pp3", "pp4", "pp5", "pp6", "pp7", "pp8", "pp9");
        assertThat(ofRound(course.events.keySet(), draft[0])).hasSize(9);
        assertThat(course.events.values().stream().filter(e -> e.key().startsWith(draft[0])).toList()).allSatisfy(e -> assertThat(e.name()).matches("Vertaisryhmät – round 1, "
                + "group \\d: meeting \\d")).anySatisfy(e -> assertThat(e.start()).hasToString("2026-09-30T21:00:00Z"));

        // The same tab posted again (a double click, a reload): nothing new, in Kasvu or in the course.
        HttpResponse<String> again = organiser.post("peer/publish", "formation", draft[0], "version", draft[1]);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("These groups were published already (3 groups)",
                "In the course: 0 groups created and 3 already there",
                "Calendar events of planned meetings: 0 created and 9 already there.");
        assertThat(ofRound(course.groups.keySet(), draft[0])).isEqualTo(keys);
        assertThat(ofRound(course.events.keySet(), draft[0])).hasSize(9);
        assertThat(publishedGroups(organiser)).isEqualTo(3);

        // An event that differs from what Kasvu would publish now (in the course: renamed since) is brought
        // up to date, and the page says so.
        String firstKey = ofRound(course.events.keySet(), draft[0]).iterator().next();
        course.events.computeIfPresent(firstKey, (k, e) -> new CourseServices.CourseEvent(e.key(), "Vanha nimi",
                e.description(), e.start(), e.duration()));
        assertThat(organiser.post("peer/publish", "formation", draft[0], "version", draft[1]).body())
                .contains("Calendar events of planned meetings: 0 created and 8 already there. Meetings changed since"
                        + " the last time were updated: 1; meetings no longer planned were removed: 0.");
        assertThat(course.events.get(firstKey).name()).startsWith("Vertaisryhmät – round 1, group");

        // The overview's button publishes the latest round to the course again, as idempotently.
        String page = organiser.get(organiser.base + "/peer/organiser").body();
        assertThat(page).contains("Publish round 1 to the course again");
        assertThat(organiser.post("peer/publish", "formation", draft[0]).body())
                .contains("0 groups created and 3 already there");
        assertThat(ofRound(course.groups.keySet(), draft[0])).hasSize(3);

        // A learner (even one of the groups) cannot publish.
        Client learner = learner("rl-course-once", "pp1", "Aino Aalto");
        assertThat(learner.post("peer/publish", "formation", draft[0]).statusCode()).isEqualTo(404);
        // The organiser of another activity cannot publish this one's round by its id.
        Client other = organiser("rl-course-other");
        HttpResponse<String> foreign = other.post("peer/publish", "formation", draft[0]);
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("There is no preview with groups to publish");
        assertThat(ofRound(course.groups.keySet(), draft[0])).hasSize(3);
    }

    @Test
    void notConfigured_andFailures_areExplained_inTheOrganisersLanguage_andLoseNothing() throws Exception {
        roster();
        Client organiser = organiser("rl-course-fail");
        upload(organiser, NINE);
        String[] draft = draftOf(organiser.follow(organiser.post("peer/form", "seed", "4", "first", "2026-11-02",
                "meetings", "2", "every", "2")).body());

        course.mode = InMemoryCourse.Mode.NOT_CONFIGURED;
        Client finnish = organiserIn("rl-course-fail", "fi-FI");
        HttpResponse<String> notConfigured = finnish.post("peer/publish", "formation", draft[0], "version", draft[1]);
        assertThat(notConfigured.statusCode()).isEqualTo(200);
        assertThat(notConfigured.body()).contains("Julkaistiin 3 ryhmää",
                "Ryhmiä ei luotu kurssille: tälle alustalle ei ole määritetty Moodlen verkkopalveluita.");
        assertThat(publishedGroups(organiser)).isEqualTo(3);

        course.mode = InMemoryCourse.Mode.FAILING;
        course.failure = CourseServices.Failure.NOT_ALLOWED;
        Client swedish = organiserIn("rl-course-fail", "sv-FI");
        HttpResponse<String> failed = swedish.post("peer/publish", "formation", draft[0]);
        assertThat(failed.body()).contains("Grupperna var redan publicerade (3 grupper)",
                "det gick inte att skapa dem i kursen: webbtjänstens token saknar en behörighet som publiceringen "
                        + "behöver (plattformens kod nopermissions)", "class=\"error-summary\"");
        course.failure = CourseServices.Failure.UNREACHABLE;
        assertThat(organiser.post("peer/publish", "formation", draft[0]).body())
                .contains("creating them in the course failed: the platform could not be reached (platform code "
                        + "nopermissions). Publish to the course again later; nothing is created twice.");
        assertThat(course.groups.keySet()).noneMatch(k -> k.startsWith(draft[0]));
        assertThat(publishedGroups(organiser)).isEqualTo(3);

        // Once the platform answers, publishing again creates everything in the course, once.
        course.mode = InMemoryCourse.Mode.WORKING;
        assertThat(organiser.post("peer/publish", "formation", draft[0]).body())
                .contains("In the course: 3 groups created and 0 already there",
                        "Calendar events of planned meetings: 6 created and 0 already there.");
        assertThat(publishedGroups(organiser)).isEqualTo(3);
    }

    @Test
    void twoOrganisersPublishingAtOnce_startOneSetOfGroups() throws Exception {
        roster();
        Client first = organiser("rl-course-race");
        upload(first, NINE);
        String[] draft = draftOf(first.follow(first.post("peer/form", "seed", "6")).body());
        List<Client> organisers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            organisers.add(organiserIn("rl-course-race", i % 2 == 0 ? "en-GB" : "fi-FI"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(organisers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Client organiser : organisers) {
                Callable<HttpResponse<String>> publish = () -> {
                    go.await();
                    return organiser.post("peer/publish", "formation", draft[0], "version", draft[1]);
                };
                answers.add(pool.submit(publish));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(publishedGroups(first)).isEqualTo(3);
        assertThat(course.groups.keySet().stream().filter(k -> k.startsWith(draft[0])).count()).isEqualTo(3);
        // Everyone is in exactly one group of the round.
        String export = first.get(first.base + "/peer/organiser").body();
        List<String> members = new ArrayList<>();
        Matcher m = Pattern.compile("<li><bdi>([^<]+) \\(Org [A-I]\\)</bdi></li>").matcher(export);
        while (m.find()) {
            members.add(m.group(1));
        }
        assertThat(members).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void aStaleTab_publishesNothingItDidNotSee() throws Exception {
        roster();
        Client organiser = organiser("rl-course-stale");
        upload(organiser, NINE);
        String[] seen = draftOf(organiser.follow(organiser.post("peer/form", "seed", "7")).body());
        // Another tab moves someone: the preview's version goes up.
        String moved = "pp1";
        HttpResponse<String> afterMove = organiser.post("peer/move", "move", moved, "to-" + moved, "2");
        assertThat(afterMove.statusCode()).isEqualTo(200);
        HttpResponse<String> stale = organiser.post("peer/publish", "formation", seen[0], "version", seen[1]);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("The preview changed after this page was opened");
        // Another tab formed a new preview: the old one's id is refused too.
        organiser.post("peer/form", "seed", "8", "groupBy", "site");
        HttpResponse<String> replaced = organiser.post("peer/publish", "formation", "round-01-made-up", "version", "1");
        assertThat(replaced.statusCode()).isEqualTo(409);
        // Oversized and control-character ids name no formation.
        assertThat(organiser.post("peer/publish", "formation", "x".repeat(5000)).statusCode()).isEqualTo(409);
        assertThat(organiser.post("peer/publish", "formation", "round-01\u0000").statusCode()).isIn(409, 422);
        assertThat(publishedGroups(organiser)).isZero();
        assertThat(course.groups.keySet().stream().filter(k -> k.startsWith(seen[0])).toList()).isEmpty();

        String[] current = draftOf(organiser.get(organiser.base + "/peer/organiser").body());
        assertThat(organiser.post("peer/publish", "formation", current[0], "version", current[1]).body())
                .contains("Published");
        assertThat(publishedGroups(organiser)).isEqualTo(3);
        assertThat(course.groups.keySet().stream().filter(k -> k.startsWith(current[0]))
                .collect(Collectors.toSet())).isNotEmpty();
    }

    @Test
    void anotherPlatform_sameResourceLinkAndUserIds_reachesNothingOfThisTenant() throws Exception {
        roster();
        String link = "rl-course-tenant";
        Client organiser = organiser(link);
        upload(organiser, NINE);
        String[] draft = draftOf(organiser.follow(organiser.post("peer/form", "seed", "9", "first", "2026-10-01",
                "meetings", "2", "every", "2")).body());
        assertThat(organiser.post("peer/publish", "formation", draft[0], "version", draft[1]).body())
                .contains("Published 3 groups");
        Client aino = learner(link, "pp1", "Aino Aalto");
        HttpResponse<String> home = aino.follow(aino.get(aino.base + "/start"));
        String groupPath = home.uri().getPath().replaceAll(".*/(peer/group/[^/#?]+).*", "$1");
        assertThat(groupPath).startsWith("peer/group/");

        fi.kasvu.lms.lti.PlatformSimulator other = fi.kasvu.lms.lti.PlatformSimulator.start();
        try {
            fixture.server.registrations().save(other.registration());
            other.trustToolKeys(fixture.server.tool().jwksUrl());
            as(other, PagesFixture.INSTRUCTOR, "en-GB", link, "Foreign Organiser", Map.of());
            Client foreignOrganiser = new Client();
            assertThat(foreignOrganiser.launch(loginAt(other, "organiser-" + link)).uri().getPath())
                    .endsWith("/peer/organiser");
            HttpResponse<String> publish = foreignOrganiser.post("peer/publish", "formation", draft[0], "version",
                    draft[1]);
            assertThat(publish.statusCode()).isEqualTo(422);
            assertThat(publishedGroups(foreignOrganiser)).isZero();
            assertThat(foreignOrganiser.get(foreignOrganiser.base + "/peer/organiser").body())
                    .contains("Participants (0)").doesNotContain("Aino Aalto");

            as(other, PagesFixture.LEARNER, "en-GB", link, "Aino Aalto", Map.of());
            Client foreignAino = new Client();
            HttpResponse<String> start = foreignAino.launch(loginAt(other, "pp1"));
            assertThat(start.uri().getPath()).endsWith("/peer/intake");
            assertThat(foreignAino.get(foreignAino.base + "/" + groupPath).statusCode()).isEqualTo(404);
            assertThat(foreignAino.get(foreignAino.base + "/" + groupPath + "/grow/1").statusCode()).isEqualTo(404);
            assertThat(foreignAino.post(groupPath + "/grow/1/suggest", "suggestion", "INTRUDER").statusCode())
                    .isEqualTo(404);
        } finally {
            other.close();
        }
        assertThat(ofRound(course.groups.keySet(), draft[0])).hasSize(3);
    }

    /** The login initiation of another platform for a user. */
    URI loginAt(fi.kasvu.lms.lti.PlatformSimulator platform, String subject) {
        URI ours = fixture.login(subject, false);
        return URI.create(ours.toString().replace(
                java.net.URLEncoder.encode(fixture.platform.issuer(), java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(platform.issuer(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}

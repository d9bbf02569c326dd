package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.lms.activity.experiment.ExperimentActivity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Teams and the course's groups, through the web layer's {@link CourseServices} port with a small
 * in-test implementation (the Moodle adapter is another engineer's): splitting keeps each team
 * inside one course group, importing makes a team of each group, and "not configured" or a failure
 * is explained to the teacher in fi/sv/en with nothing changed. Pages are rendered from the real
 * templates; the experiments are core's in-memory port.
 */
class ExperimentCourseGroupsTest {

    static final TenantId TENANT = TenantId.of("agency-a");
    static final String CONTEXT = "activity:rl-groups";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    /** A course with learners 1 … 8 and, as Moodle reports them, two groups (and a teacher in one). */
    static final List<ClassRoster.Member> ROSTER = List.of(member("1"), member("2"), member("3"), member("4"),
            member("5"), member("6"), member("7"), member("8"));
    static final List<CourseServices.CourseGroup> GROUPS = List.of(
            new CourseServices.CourseGroup("g-north", "North", List.of("1", "3", "5", "7", "teacher-2")),
            new CourseServices.CourseGroup("g-south", "South", List.of("2", "4", "6", "8")));

    static ClassRoster.Member member(String subject) {
        return new ClassRoster.Member(subject, "Learner " + subject);
    }

    /** The course services a test sets: a fixed reply, counting the calls. */
    static final class Course implements CourseServices {
        final AtomicReference<Reply<List<CourseGroup>>> groups = new AtomicReference<>(Reply.notConfigured());
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply<List<CourseGroup>> groups(PageSession session) {
            calls.incrementAndGet();
            assertThat(session.contextId()).isEqualTo(CONTEXT);
            return groups.get();
        }

        @Override
        public Reply<Published> publishGroups(PageSession session, String groupingName, List<GroupToPublish> groups) {
            return Reply.notConfigured();
        }

        @Override
        public Reply<Published> publishEvents(PageSession session, List<CourseEvent> events) {
            return Reply.notConfigured();
        }
    }

    final Experiments experiments = Experiments.inMemory(CLOCK);
    final Course course = new Course();
    final ExperimentActivity activity = ExperimentActivity.of(experiments, LibraryEntries.inMemory(CLOCK),
            session -> ROSTER, course, CLOCK, IdGenerator.uuids());

    static PageSession teacher(TenantId tenant, Language language) {
        Placement placement = new Placement("experiment", "Kokeilu", Optional.empty(), false,
                Map.of("kasvu_blocks", "dialogue", "kasvu_done", "decision", "kasvu_personal", "false"));
        return new PageSession("tok", "csrf", PageSession.Role.ORGANISER, tenant, "https://moodle.example.org",
                "client", "dep", "teacher-2", "Olli Opettaja", "https://moodle.example.org", CONTEXT, "Kurssi",
                placement, language, "", "", "", "", "");
    }

    Answer call(PageSession session, boolean post, Map<String, String> form) {
        Map<String, String[]> all = new LinkedHashMap<>();
        form.forEach((k, v) -> all.put(k, new String[] {v}));
        PageTexts texts = PageTexts.in(session.language()).with(activity.texts());
        return activity.handle(new Call(session, "teams", post, form, all, "/pages/s/tok", "/pages/static", texts,
                new ScoreState.NotGraded()));
    }

    static String html(Answer answer) {
        Answer.Page page = (Answer.Page) answer;
        return Templates.render(page.template(), page.model());
    }

    /** Each team's members, in team order (teams 1, 2, … as the kind numbers them). */
    List<Set<String>> teams(TenantId tenant) {
        List<Set<String>> teams = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            Optional<Versioned<Experiment>> team = experiments.find(tenant, teamId(n));
            if (team.isEmpty()) {
                break;
            }
            teams.add(team.get().value().members().stream().map(PersonId::value).collect(Collectors.toSet()));
        }
        return teams;
    }

    static String teamId(int number) {
        return "x" + fi.kasvu.lms.Hashes.sha256Hex(CONTEXT, 12) + "-t" + number;
    }

    static Set<String> north() {
        return Set.of("1", "3", "5", "7");
    }

    static Set<String> south() {
        return Set.of("2", "4", "6", "8");
    }

    @Test
    void splittingWithGroups_keepsEveryTeamInsideOneGroup_andSaysSo() {
        course.groups.set(CourseServices.Reply.done(GROUPS));
        Answer answer = call(teacher(TENANT, Language.FI), true, Map.of("do", "split", "size", "2", "byGroup", "on"));
        assertThat(answer).isEqualTo(Answer.redirect("/pages/s/tok/teams?done=split-groups-2"));
        List<Set<String>> teams = teams(TENANT);
        assertThat(teams).hasSize(4).allSatisfy(team -> {
            assertThat(team).hasSize(2);
            assertThat(north().containsAll(team) || south().containsAll(team)).as("inside one group: " + team).isTrue();
        });
        assertThat(teams.stream().flatMap(Set::stream)).doesNotContain("teacher-2");
        String page = html(call(teacher(TENANT, Language.FI), false, Map.of("done", "split-groups-2")));
        assertThat(page).contains("kukin tiimi yhden kurssin 2 ryhmästä sisällä", "Tiimi 4");
    }

    @Test
    void splittingWithoutGroupsConfigured_splitsTheWholeCourse_andTellsWhy_inEveryLanguage() {
        Answer answer = call(teacher(TENANT, Language.EN), true, Map.of("do", "split", "size", "4", "byGroup", "on"));
        assertThat(answer).isEqualTo(Answer.redirect("/pages/s/tok/teams?done=split-notconfigured"));
        assertThat(teams(TENANT)).hasSize(2);
        assertThat(html(call(teacher(TENANT, Language.EN), false, Map.of("done", "split-notconfigured"))))
                .contains("Moodle web services are not configured for this platform");
        assertThat(html(call(teacher(TENANT, Language.FI), false, Map.of("done", "split-notconfigured"))))
                .contains("Moodlen verkkopalveluita ei ole otettu käyttöön");
        assertThat(html(call(teacher(TENANT, Language.SV), false, Map.of("done", "split-notconfigured"))))
                .contains("Moodles webbtjänster inte är konfigurerade");
    }

    @Test
    void splittingWhenMoodleFails_changesNothing_andNamesTheReason_andUntickingSplitsWithoutAsking() {
        course.groups.set(CourseServices.Reply.failed(CourseServices.Failure.UNREACHABLE, "timeout"));
        Answer refused = call(teacher(TENANT, Language.FI), true, Map.of("do", "split", "size", "3", "byGroup", "on"));
        assertThat(((Answer.Page) refused).status()).isEqualTo(422);
        assertThat(html(refused)).contains("Kurssin ryhmiä ei voitu lukea: Moodleen ei saatu yhteyttä.",
                "Mitään ei muutettu", "poista valinta", "href=\"#f-byGroup\"", "value=\"3\"")
                .doesNotContain("timeout");
        assertThat(teams(TENANT)).isEmpty();

        int calls = course.calls.get();
        Answer unticked = call(teacher(TENANT, Language.FI), true, Map.of("do", "split", "size", "4"));
        assertThat(unticked).isEqualTo(Answer.redirect("/pages/s/tok/teams?done=split"));
        assertThat(course.calls.get()).as("an unticked box asks Moodle nothing").isEqualTo(calls);
        assertThat(teams(TENANT)).hasSize(2);
    }

    @Test
    void importing_makesATeamOfEachGroup_ofItsLearnersOnly_once() {
        course.groups.set(CourseServices.Reply.done(GROUPS));
        assertThat(call(teacher(TENANT, Language.EN), true, Map.of("do", "import")))
                .isEqualTo(Answer.redirect("/pages/s/tok/teams?done=imported-2"));
        assertThat(teams(TENANT)).containsExactly(north(), south());
        assertThat(html(call(teacher(TENANT, Language.EN), false, Map.of("done", "imported-2"))))
                .contains("Teams imported from the course's groups: 2.");

        Answer again = call(teacher(TENANT, Language.SV), true, Map.of("do", "import"));
        assertThat(((Answer.Page) again).status()).isEqualTo(200);
        assertThat(html(again)).contains("Inget att importera: alla studerande i kursens grupper är redan med i ett team.");
        assertThat(teams(TENANT)).hasSize(2);
        assertThat(teams(TenantId.of("agency-b"))).as("another tenant has no teams").isEmpty();
    }

    @Test
    void importing_explainsNotConfiguredAndEveryFailure_andChangesNothing() {
        Answer notConfigured = call(teacher(TENANT, Language.FI), true, Map.of("do", "import"));
        assertThat(((Answer.Page) notConfigured).status()).isEqualTo(422);
        assertThat(html(notConfigured)).contains("Kurssin ryhmät eivät ole saatavilla", "kasvu platform moodle",
                "href=\"#t-import\"");
        assertThat(html(notConfigured)).as("the split's box stays ticked after another form's post")
                .containsPattern("id=\"f-byGroup\"[^>]*checked");
        Map<CourseServices.Failure, String> english = Map.of(
                CourseServices.Failure.UNREACHABLE, "Moodle could not be reached.",
                CourseServices.Failure.NOT_ALLOWED, "the web-service token lacks a permission this needs.",
                CourseServices.Failure.COURSE_NOT_FOUND, "Moodle did not find this course.",
                CourseServices.Failure.REFUSED, "Moodle refused the request.");
        for (Map.Entry<CourseServices.Failure, String> failure : english.entrySet()) {
            course.groups.set(CourseServices.Reply.failed(failure.getKey(), "wsfunction core_group_x <token>"));
            Answer refused = call(teacher(TENANT, Language.EN), true, Map.of("do", "import"));
            assertThat(((Answer.Page) refused).status()).isEqualTo(422);
            assertThat(html(refused)).contains("The course's groups could not be read: " + failure.getValue(),
                    "Nothing was changed.").doesNotContain("core_group_x", "untick");
        }
        course.groups.set(CourseServices.Reply.done(List.of()));
        assertThat(html(call(teacher(TENANT, Language.EN), true, Map.of("do", "import"))))
                .contains("Nothing to import: the course has no groups.");
        assertThat(teams(TENANT)).isEmpty();
    }

    @Test
    void badSizes_areRefusedWithTheirMessage_beforeMoodleIsAsked() {
        course.groups.set(CourseServices.Reply.done(GROUPS));
        for (String size : List.of("1", "31", "x".repeat(5000), "4\u0000", "-2", "")) {
            Answer refused = call(teacher(TENANT, Language.EN), true, Map.of("do", "split", "size", size,
                    "byGroup", "on"));
            assertThat(((Answer.Page) refused).status()).isEqualTo(422);
            assertThat(html(refused)).contains("The team size must be a whole number from 2 to 30.");
        }
        assertThat(course.calls.get()).isZero();
        assertThat(teams(TENANT)).isEmpty();
    }

    @Test
    void aLearnerPostingTheTeachersForms_getsNotFound_andMoodleIsNeverAsked() {
        course.groups.set(CourseServices.Reply.done(GROUPS));
        PageSession teacher = teacher(TENANT, Language.FI);
        PageSession learner = new PageSession("tok2", "csrf2", PageSession.Role.LEARNER, TENANT, teacher.issuer(),
                teacher.clientId(), teacher.deploymentId(), "3", "Learner 3", teacher.platformOrigin(), CONTEXT,
                "Kurssi", teacher.placement(), Language.FI, "", "", "", "", "no-team");
        for (Map<String, String> form : List.of(Map.of("do", "import"), Map.of("do", "split", "size", "2",
                "byGroup", "on"))) {
            Answer answer = call(learner, true, form);
            assertThat(answer).isEqualTo(Answer.notFound());
        }
        assertThat(course.calls.get()).isZero();
        assertThat(teams(TENANT)).isEmpty();
    }
}

package fi.kasvu.store.jdbc;

import static fi.kasvu.grow.GrowFixtures.COACH;
import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowFixtures;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.Visibility;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupNote;
import fi.kasvu.peer.Groups;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerRoster;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.survey.SurveyFixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import fi.kasvu.session.SeenPerson;
import fi.kasvu.session.StoredSession;

/** Core's real aggregates through their feature ports on both databases, and one person's data across them. */
class KasvuRepositoriesTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private KasvuRepositories repositories;
    private GrowConversation conversation;
    private DevelopmentPlan plan;
    private LibraryEntry entry;
    private PeerGroup group;

    private void given(Dialect dialect) {
        repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(), Clock.fixed(NOW, ZoneOffset.UTC));
        conversation = GrowFixtures.peerTriad();
        plan = DevelopmentPlan.create("plan-1", COACHEE, "course-1", "Kuunteleminen", NOW);
        entry = new LibraryEntry("case-1", LibraryEntry.Kind.INSIGHT, Language.FI, "Kysy ensin", "Kysyminen rauhoitti",
                "", Set.of("dialogi"), "virasto", null, Visibility.ORGANISATION, COACHEE, true, NOW, null);
        PeerGroup triad = PeerGroup.of("group-1", null, GroupKind.PEER_TRIAD, "course-1",
                List.of(Groups.member(COACHEE.value()), Groups.member(COACH.value()), Groups.member("c")),
                null, List.of(), List.of(), List.of());
        group = triad.addNote(COACHEE, NOW, "Tavataan torstaisin.").orElseThrow()
                .addReflection(COACHEE, NOW, 0, "Annan neuvoja liian nopeasti.").orElseThrow();
        repositories.growConversations().save(TENANT, Versioned.unsaved(conversation)).orElseThrow();
        repositories.developmentPlans().save(TENANT, Versioned.unsaved(plan)).orElseThrow();
        repositories.libraryEntries().save(TENANT, Versioned.unsaved(entry)).orElseThrow();
        repositories.peerGroups().save(TENANT, Versioned.unsaved(group)).orElseThrow();
    }

    @EveryDialect
    void everyAggregate_roundTripsThroughItsPort(Dialect dialect) {
        given(dialect);
        repositories.surveys().save(TENANT, Versioned.unsaved(SurveyFixtures.pulse())).orElseThrow();

        assertThat(repositories.growConversations().find(TENANT, conversation.id()).orElseThrow().value())
                .isEqualTo(conversation);
        assertThat(repositories.developmentPlans().find(TENANT, "plan-1").orElseThrow().value()).isEqualTo(plan);
        assertThat(repositories.libraryEntries().find(TENANT, "case-1").orElseThrow().value()).isEqualTo(entry);
        assertThat(repositories.peerGroups().find(TENANT, "group-1").orElseThrow().value()).isEqualTo(group);
        assertThat(repositories.surveys().find(TENANT, SurveyFixtures.pulse().id()).orElseThrow().value())
                .isEqualTo(SurveyFixtures.pulse());
        assertThat(repositories.growConversations().listByOwner(TENANT, COACHEE).documents()).hasSize(1);
        assertThat(repositories.personalData().kinds()).containsExactly("grow.conversation", "development.plan",
                "experiment", "library.entry", "peer.group", "peer.formation", "peer.roster", "feedback.assessment",
                "programme", "programme.reflection", "pages.seen-learner", "survey.participation", "development.plan.team",
                "grow.coach.notes", "survey.discussion", "kasvu.session");
        PeerRoster roster = PeerRoster.empty("roster-1", "course-1").withIntake(Groups.member("c").participant(), NOW)
                .orElseThrow();
        repositories.peerRosters().save(TENANT, Versioned.unsaved(roster)).orElseThrow();
        assertThat(repositories.peerRosters().listByContext(TENANT, "course-1").documents())
                .extracting(Versioned::value).containsExactly(roster);
    }

    @EveryDialect
    void export_coachee_getsTheirOwnContent_coachOnlyWhatTheyMayRead(Dialect dialect) {
        given(dialect);

        String forCoachee = repositories.personalData().export(TENANT, COACHEE);
        String forCoach = repositories.personalData().export(TENANT, COACH);

        assertThat(kindsIn(forCoachee)).containsExactlyInAnyOrder("grow.conversation", "development.plan",
                "library.entry", "peer.group");
        assertThat(forCoachee).contains("Annan neuvoja liian nopeasti.", "Kuunteleminen");
        assertThat(kindsIn(forCoach)).containsExactlyInAnyOrder("grow.conversation", "peer.group");
        assertThat(forCoach).doesNotContain("Annan neuvoja liian nopeasti.", "Kuunteleminen")
                .contains("\"withheld\":true", "Tavataan torstaisin.");
    }

    @EveryDialect
    void erase_coachee_deletesTheirOwn_anonymisesShared(Dialect dialect) {
        given(dialect);

        PersonalDataService.ErasureReport report = repositories.personalData().erase(TENANT, COACHEE);

        assertThat(report).isEqualTo(new PersonalDataService.ErasureReport(2, 2, 0, List.of()));
        assertThat(repositories.growConversations().find(TENANT, conversation.id())).isEmpty();
        assertThat(repositories.developmentPlans().find(TENANT, "plan-1")).isEmpty();
        LibraryEntry keptEntry = repositories.libraryEntries().find(TENANT, "case-1").orElseThrow().value();
        assertThat(keptEntry.author()).isEqualTo(PersonId.of("erased-author"));
        PeerGroup keptGroup = repositories.peerGroups().find(TENANT, "group-1").orElseThrow().value();
        assertThat(keptGroup.reflectionsForStorage()).isEmpty();
        assertThat(keptGroup.notesForStorage()).extracting(GroupNote::author).containsExactly(PersonId.of("erased-member-1"));
        assertThat(kindsIn(repositories.personalData().export(TENANT, COACHEE))).isEmpty();
        assertThat(kindsIn(repositories.personalData().export(TENANT, COACH))).containsExactly("peer.group");
    }

    @EveryDialect
    void seenNamesAndSessions_areExported_andErased(Dialect dialect) {
        given(dialect);
        repositories.seenPeople().save(TENANT, Versioned.unsaved(
                SeenPerson.of(COACHEE.value(), "Liisa Oppija", "activity:1", NOW))).orElseThrow();
        repositories.sessions().put(new StoredSession("a".repeat(64), TENANT, COACHEE, "https://lms|c", "activity:1",
                "{\"displayName\":\"Liisa Oppija\",\"csrf\":\"secret-csrf\"}", NOW, NOW.plusSeconds(60),
                NOW.plusSeconds(600)));

        String export = repositories.personalData().export(TENANT, COACHEE);
        PersonalDataService.ErasureReport report = repositories.personalData().erase(TENANT, COACHEE);

        assertThat(kindsIn(export)).contains("pages.seen-learner", "kasvu.session");
        assertThat(export).contains("Liisa Oppija").doesNotContain("secret-csrf", "a".repeat(64));
        assertThat(report.deleted()).isEqualTo(4);
        assertThat(repositories.seenPeople().listByContext(TENANT, "activity:1").documents()).isEmpty();
        assertThat(repositories.sessions().find("a".repeat(64), NOW)).isEmpty();
    }

    private static List<String> kindsIn(String export) {
        try (JsonReader reader = Json.createReader(new StringReader(export))) {
            return reader.readObject().getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                    .map(document -> document.getString("kind")).toList();
        }
    }
}

package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.survey.TeamDiscussion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Survey teams' discussion notes on H2 and PostgreSQL: each note keeps its author, a person's
 * GDPR export holds their notes and not the others', erasing them removes their notes and keeps
 * the others', and a discussion left without notes is deleted; notes stored before authors were
 * (schema version 1) still read, naming nobody.
 */
class TeamDiscussionStoreTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final Instant AT = Instant.parse("2026-05-04T12:00:00Z");
    private static final PersonId ANNA = PersonId.of("anna"), BO = PersonId.of("bo");

    @EveryDialect
    void notes_areExportedToTheirAuthor_andErasedWithThem_theOthersStay(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(),
                Clock.fixed(AT, ZoneOffset.UTC));
        Map<String, String> annas = new LinkedHashMap<>();
        annas.put("dialogue", "Anna: we listen to each other");
        TeamDiscussion discussion = TeamDiscussion.none("survey-1", 1, "g-11").withNotes(annas, ANNA);
        Map<String, String> both = new LinkedHashMap<>(discussion.notes());
        both.put("learning-valued", "Bo: we learn together");
        discussion = discussion.withNotes(both, BO);
        assertThat(discussion.author("dialogue")).as("an unchanged note keeps its author").contains(ANNA);
        assertThat(discussion.author("learning-valued")).contains(BO);
        repositories.teamDiscussions().save(TENANT, Versioned.unsaved(discussion)).orElseThrow();
        String id = TeamDiscussion.idOf("survey-1", 1, "g-11");
        assertThat(repositories.teamDiscussions().find(TENANT, id).orElseThrow().value()).isEqualTo(discussion);

        String annasExport = repositories.personalData().export(TENANT, ANNA);
        assertThat(annasExport).contains("survey.discussion", "Anna: we listen to each other")
                .doesNotContain("Bo: we learn together", "\"bo\"");
        repositories.personalData().erase(TENANT, ANNA);

        TeamDiscussion after = repositories.teamDiscussions().find(TENANT, id).orElseThrow().value();
        assertThat(after.notes()).containsOnlyKeys("learning-valued");
        assertThat(after.authors()).containsOnlyKeys("learning-valued");
        assertThat(repositories.personalData().export(TENANT, ANNA)).doesNotContain("survey.discussion", "Anna:");
        assertThat(repositories.personalData().export(TENANT, BO)).contains("Bo: we learn together");
        repositories.personalData().erase(TENANT, BO);
        assertThat(repositories.teamDiscussions().find(TENANT, id)).as("no note left").isEmpty();
    }

    @EveryDialect
    void notesStoredBeforeAuthors_readAndNameNobody(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        KasvuRepositories repositories = KasvuRepositories.of(database, KasvuJson.create(),
                Clock.fixed(AT, ZoneOffset.UTC));
        String id = TeamDiscussion.idOf("survey-2", 1, "g-12");
        execute(database, "INSERT INTO kasvu_document (tenant, kind, id, version, owner, context, updated_at, document)"
                        + " VALUES (?, 'survey.discussion', ?, 1, NULL, 'survey-2', ?, " + json(dialect) + ")",
                TENANT.value(), id, java.time.OffsetDateTime.ofInstant(AT, ZoneOffset.UTC),
                "{\"kind\":\"survey.discussion\",\"schemaVersion\":1,\"id\":\"" + id + "\",\"surveyId\":\"survey-2\","
                        + "\"round\":1,\"team\":\"g-12\",\"items\":[\"dialogue\"],\"texts\":[\"Old note\"]}");

        TeamDiscussion old = repositories.teamDiscussions().find(TENANT, id).orElseThrow().value();
        assertThat(old.note("dialogue")).isEqualTo("Old note");
        assertThat(old.authors()).isEmpty();
        assertThat(repositories.personalData().export(TENANT, ANNA)).doesNotContain("Old note");
        assertThat(repositories.personalData().erase(TENANT, ANNA).deleted()).isZero();
        assertThat(repositories.teamDiscussions().find(TENANT, id)).isPresent();
    }

    private static String json(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    }
}

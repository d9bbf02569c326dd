package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.DocumentRepositoryContract;
import fi.kasvu.common.DocumentRepositoryContract.Note;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Export and erasure of one person, across a private kind (notes) and a group kind (circles). */
class PersonalDataServiceTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("platform-a/deployment-1");
    private static final TenantId OTHER = TenantId.of("platform-b/deployment-1");
    private static final PersonId AINO = PersonId.of("aino");
    private static final PersonId BEN = PersonId.of("ben");
    private static final PersonId CLEA = PersonId.of("clea");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private final DocumentKind<Note> noteKind = DocumentRepositoryContract.newNoteKind();
    private JdbcDocumentRepository<Note> notes;
    private JdbcDocumentRepository<Circle> circles;
    private PersonalDataService service;

    private void given(Dialect dialect) {
        KasvuDatabase database = open(dialect);
        notes = JdbcDocumentRepository.of(database, noteKind, new NoteCodec());
        circles = JdbcDocumentRepository.of(database, Circle.KIND, Circle.CODEC);
        service = PersonalDataService.builder(CLOCK)
                .register(notes, PersonalData.ownedBy(noteKind))
                .register(circles, Circle.POLICY)
                .build();
        save(notes, TENANT, new Note("aino-1", AINO, "course-1", "Ainon oma pohdinta"));
        save(notes, TENANT, new Note("aino-2", AINO, null, "toinen"));
        save(notes, TENANT, new Note("ben-1", BEN, "course-1", "Ben's reflection"));
        save(notes, OTHER, new Note("aino-elsewhere", AINO, null, "another tenant"));
        save(circles, TENANT, Circle.of("triad-1", AINO, BEN, CLEA)
                .with(new Circle.Entry(AINO, false, "shared by Aino"))
                .with(new Circle.Entry(AINO, true, "Aino's private note"))
                .with(new Circle.Entry(BEN, true, "Ben's private note"))
                .with(new Circle.Entry(CLEA, false, "shared by Clea")));
        save(circles, TENANT, Circle.of("triad-2", BEN, CLEA));
    }

    private static <T> void save(JdbcDocumentRepository<T> repository, TenantId tenant, T value) {
        repository.save(tenant, Versioned.unsaved(value)).orElseThrow();
    }

    @EveryDialect
    void export_everythingOfThePersonInTheTenant_asOneDocument(Dialect dialect) {
        given(dialect);

        JsonObject export = parse(service.export(TENANT, AINO));

        assertThat(export.getString("kind")).isEqualTo("kasvu.personalDataExport");
        assertThat(export.getInt("schemaVersion")).isEqualTo(1);
        assertThat(export.getString("tenant")).isEqualTo(TENANT.value());
        assertThat(export.getString("person")).isEqualTo("aino");
        assertThat(export.getString("exportedAt")).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(export.getJsonArray("documents").getValuesAs(JsonObject.class))
                .extracting(document -> document.getString("kind") + "/" + document.getString("id"))
                .containsExactlyInAnyOrder(noteKind.name() + "/aino-1", noteKind.name() + "/aino-2", "test.circle/triad-1");
        assertThat(export.getJsonArray("unreadable")).isEmpty();
    }

    @EveryDialect
    void export_sharedDocument_leavesOutOthersPrivateContent(Dialect dialect) {
        given(dialect);

        String export = service.export(TENANT, AINO);

        assertThat(export).contains("Aino's private note", "shared by Clea", "Ainon oma pohdinta")
                .doesNotContain("Ben's private note", "Ben's reflection", "another tenant");
    }

    @EveryDialect
    void export_documentThatOnlyMentionsThePerson_isNamedWithoutContent(Dialect dialect) {
        given(dialect);
        save(circles, TENANT, Circle.of("triad-3", BEN, CLEA).with(new Circle.Entry(AINO, false, "left before")));

        JsonObject entry = parse(service.export(TENANT, AINO)).getJsonArray("documents").getValuesAs(JsonObject.class)
                .stream().filter(document -> document.getString("id").equals("triad-3")).findFirst().orElseThrow();

        assertThat(entry.getBoolean("withheld")).isTrue();
        assertThat(entry.containsKey("document")).isFalse();
        assertThat(entry.toString()).doesNotContain("left before");
    }

    @EveryDialect
    void export_unreadableDocument_isListedByKindAndId(Dialect dialect) {
        given(dialect);
        execute(openedDatabase(), "UPDATE kasvu_document SET document = " + jsonParameter(dialect) + " WHERE id = ?",
                "{\"kind\":\"wrong\"}", "aino-2");

        JsonObject export = parse(service.export(TENANT, AINO));

        assertThat(export.getJsonArray("unreadable").getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("kind") + "/" + entry.getString("id"))
                .containsExactly(noteKind.name() + "/aino-2");
    }

    @EveryDialect
    void erase_deletesPrivateContent_anonymisesGroups_leavesOthersAlone(Dialect dialect) {
        given(dialect);

        PersonalDataService.ErasureReport report = service.erase(TENANT, AINO);

        assertThat(report).isEqualTo(new PersonalDataService.ErasureReport(2, 1, 0, List.of()));
        assertThat(notes.find(TENANT, "aino-1")).isEmpty();
        assertThat(notes.find(TENANT, "aino-2")).isEmpty();
        assertThat(notes.find(TENANT, "ben-1")).isPresent();
        assertThat(notes.find(OTHER, "aino-elsewhere")).as("another tenant's data").isPresent();
        Versioned<Circle> triad = circles.find(TENANT, "triad-1").orElseThrow();
        assertThat(triad.version()).isEqualTo(2);
        assertThat(triad.value().members()).containsExactly(Circle.ANONYMOUS, BEN, CLEA);
        assertThat(triad.value().entries()).containsExactly(
                new Circle.Entry(Circle.ANONYMOUS, false, "shared by Aino"),
                new Circle.Entry(BEN, true, "Ben's private note"),
                new Circle.Entry(CLEA, false, "shared by Clea"));
        assertThat(circles.find(TENANT, "triad-2").orElseThrow().version()).isEqualTo(1);
    }

    @EveryDialect
    void erase_thenExport_findsNothingOfThePerson(Dialect dialect) {
        given(dialect);
        service.erase(TENANT, AINO);

        JsonObject export = parse(service.export(TENANT, AINO));

        assertThat(export.getJsonArray("documents")).isEmpty();
        assertThat(service.erase(TENANT, AINO)).isEqualTo(new PersonalDataService.ErasureReport(0, 0, 0, List.of()));
    }

    @EveryDialect
    void erase_unreadableDocument_isReportedAndLeftForAnOperator(Dialect dialect) {
        given(dialect);
        execute(openedDatabase(), "UPDATE kasvu_document SET document = " + jsonParameter(dialect) + " WHERE id = ?",
                "{\"kind\":\"wrong\"}", "ben-1");

        PersonalDataService.ErasureReport report = service.erase(TENANT, AINO);

        assertThat(report.unreadable()).containsExactly(new PersonalDataService.UnreadableDocument(noteKind.name(), "ben-1"));
        assertThat(report.deleted()).isEqualTo(2);
    }

    @Test
    void register_sameKindTwice_isRejectedByName() {
        KasvuDatabase database = open(Dialect.H2);
        JdbcDocumentRepository<Circle> repository = JdbcDocumentRepository.of(database, Circle.KIND, Circle.CODEC);

        assertThatThrownBy(() -> PersonalDataService.builder(CLOCK).register(repository, Circle.POLICY)
                .register(repository, Circle.POLICY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document kind registered twice: test.circle");
    }

    private KasvuDatabase lastOpened;

    @Override
    KasvuDatabase open(Dialect dialect) {
        lastOpened = super.open(dialect);
        return lastOpened;
    }

    private KasvuDatabase openedDatabase() {
        return lastOpened;
    }

    private static String jsonParameter(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

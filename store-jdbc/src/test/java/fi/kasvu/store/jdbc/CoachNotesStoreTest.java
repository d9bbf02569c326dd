package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.CoachNotes;
import fi.kasvu.json.KasvuJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A coach's private notes on H2 and PostgreSQL: round trip, listed by context, whole in the coach's
 * export and never in the coachee's, deleted when either is erased, and kept apart per tenant.
 */
class CoachNotesStoreTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final TenantId OTHER = TenantId.of("moodle.example/deployment-2");
    private static final Instant AT = Instant.parse("2026-05-04T12:00:00Z");
    private static final PersonId COACHEE = PersonId.of("coachee-1"), COACH = PersonId.of("coach-1");

    private static CoachNotes notes(String text) {
        return new CoachNotes(CoachNotes.idOf("grow-1", COACH), "grow-1", COACHEE, COACH, "activity:rl-1", text, AT);
    }

    @EveryDialect
    void notes_roundTrip_areTheCoachsInExports_andGoWithEitherErasure(Dialect dialect) {
        KasvuRepositories repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(),
                Clock.fixed(AT, ZoneOffset.UTC));
        CoachNotes notes = notes("VALMENTAJAN-MUISTIINPANO \"lainaus\" ja rivin\nvaihto");

        repositories.growCoachNotes().save(TENANT, Versioned.unsaved(notes)).orElseThrow();

        assertThat(repositories.growCoachNotes().find(TENANT, notes.id()).orElseThrow().value()).isEqualTo(notes);
        assertThat(repositories.growCoachNotes().find(OTHER, notes.id())).isEmpty();
        assertThat(repositories.growCoachNotes().listByContext(TENANT, "activity:rl-1").documents()).hasSize(1);
        assertThat(repositories.growCoachNotes().listByOwner(TENANT, COACH).documents()).hasSize(1);
        assertThat(repositories.growCoachNotes().listByOwner(TENANT, COACHEE).documents()).isEmpty();
        assertThat(repositories.personalData().export(TENANT, COACH)).contains("VALMENTAJAN-MUISTIINPANO");
        assertThat(repositories.personalData().export(TENANT, COACHEE)).doesNotContain("VALMENTAJAN-MUISTIINPANO");

        repositories.personalData().erase(TENANT, COACHEE);
        assertThat(repositories.growCoachNotes().find(TENANT, notes.id())).isEmpty();
        repositories.growCoachNotes().save(TENANT, Versioned.unsaved(notes("again"))).orElseThrow();
        repositories.personalData().erase(TENANT, COACH);
        assertThat(repositories.growCoachNotes().find(TENANT, notes.id())).isEmpty();
    }
}

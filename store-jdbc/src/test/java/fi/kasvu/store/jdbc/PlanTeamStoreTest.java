package fi.kasvu.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanTeam;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The teams of shared development plans on H2 and PostgreSQL: round trip, GDPR export and erasure of a member. */
class PlanTeamStoreTest extends DatabaseTestSupport {

    private static final TenantId TENANT = TenantId.of("moodle.example/deployment-1");
    private static final Instant AT = Instant.parse("2026-05-04T12:00:00Z");
    private static final PersonId OWNER = PersonId.of("owner-1"), ANNA = PersonId.of("anna"), BO = PersonId.of("bo");

    @EveryDialect
    void aTeam_roundTrips_isExported_andAnErasedMemberLeavesWithTheirComments(Dialect dialect) {
        KasvuRepositories repositories = KasvuRepositories.of(open(dialect), KasvuJson.create(),
                Clock.fixed(AT, ZoneOffset.UTC));
        DevelopmentPlan plan = DevelopmentPlan.create("plan-1", OWNER, "activity:rl-1", "Plan", AT);
        PlanTeam team = PlanTeam.of(plan, AT).withMembers(OWNER, List.of(ANNA, BO), AT).orElseThrow()
                .comment(ANNA, "c-1", "Hyvä tavoite – \"lainaus\" ja rivin\nvaihto", AT).orElseThrow()
                .comment(BO, "c-2", "Kokeile viikoittain", AT).orElseThrow();

        repositories.planTeams().save(TENANT, Versioned.unsaved(team)).orElseThrow();

        assertThat(repositories.planTeams().find(TENANT, "plan-1").orElseThrow().value()).isEqualTo(team);
        assertThat(repositories.planTeams().listByContext(TENANT, "activity:rl-1").documents()).hasSize(1);
        assertThat(repositories.personalData().export(TENANT, ANNA)).contains("Hyvä tavoite");
        repositories.personalData().erase(TENANT, ANNA);
        PlanTeam after = repositories.planTeams().find(TENANT, "plan-1").orElseThrow().value();
        assertThat(after.members()).containsExactly(BO);
        assertThat(after.comments()).extracting(PlanTeam.Comment::text).containsExactly("Kokeile viikoittain");
        repositories.personalData().erase(TENANT, OWNER);
        assertThat(repositories.planTeams().find(TENANT, "plan-1")).isEmpty();
    }
}

package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.COACHEE;
import static fi.kasvu.grow.GrowFixtures.START;
import static fi.kasvu.grow.GrowFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class GrowServiceTest {

    private static final TenantId TENANT = TenantId.of("agency-1");

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovingClock clock = new MovingClock();
    private final List<GrowEvent> heard = new ArrayList<>();
    private final GrowConversations store = GrowConversations.inMemory(clock);
    private final GrowService service = GrowService.of(store, heard::add, clock, IdGenerator.sequence("grow"));

    @Test
    void start_savesANewConversationInTheContext() {
        Versioned<GrowConversation> started = service.start(TENANT, GrowTemplates.ROLE_REFLECTION,
                Participants.alone(COACHEE), Language.FI, "activity-9");

        assertThat(started.version()).isEqualTo(1);
        assertThat(started.value().id()).isEqualTo("grow-1");
        assertThat(store.listByContext(TENANT, "activity-9").documents()).extracting(v -> v.value().id()).containsExactly("grow-1");
        assertThat(store.listByOwner(TENANT, COACHEE).documents()).hasSize(1);
    }

    @Test
    void change_stampsSavesAndPublishes() {
        Versioned<GrowConversation> started = service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.alone(COACHEE), Language.EN, null);
        clock.advance(Duration.ofMinutes(5));

        SaveResult<GrowConversation> saved = service.change(TENANT, "grow-1", started.version(),
                c -> c.withSessionGoal("Shorter meetings").withMeasures("Three on time").advance().orElseThrow());

        assertThat(saved.orElseThrow().version()).isEqualTo(2);
        assertThat(saved.orElseThrow().value().updated()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(heard).containsExactly(new GrowEvent.PhaseCompleted("grow-1", COACHEE, Phase.GOAL,
                START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void change_atAStaleVersion_conflictsAndPublishesNothing() {
        Versioned<GrowConversation> started = service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.alone(COACHEE), Language.EN, null);
        service.change(TENANT, "grow-1", started.version(), c -> c.withTopic("First tab"));

        SaveResult<GrowConversation> stale = service.change(TENANT, "grow-1", started.version(),
                c -> c.withSessionGoal("x").withMeasures("y").advance().orElseThrow());

        assertThat(stale).isEqualTo(new SaveResult.Conflict<GrowConversation>("grow-1", 1, 2));
        assertThat(heard).isEmpty();
    }

    @Test
    void change_ofAMissingConversation_namesTheId() {
        assertThatThrownBy(() -> service.change(TENANT, "nope", 1, c -> c))
                .isInstanceOf(NoSuchElementException.class).hasMessage("no GROW conversation with id: nope");
    }

    @Test
    void otherTenants_neverSeeTheConversation() {
        service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(COACHEE), Language.EN, null);

        assertThat(store.find(TenantId.of("agency-2"), "grow-1")).isEmpty();
    }

    @Test
    void announceDueActions_publishesActionDue() {
        store.save(TENANT, Versioned.unsaved(GrowFixtures.readyToComplete()));
        clock.advance(Duration.ofDays(8));

        List<GrowEvent> due = service.announceDueActions(TENANT, COACHEE);

        assertThat(due).containsExactly(new GrowEvent.ActionDue("grow-1", COACHEE, "action-1", TODAY.plusDays(7)));
        assertThat(heard).isEqualTo(due);
    }

    @Test
    void kind_isOwnedByTheCoacheeAndListedByContext() {
        GrowConversation c = GrowFixtures.started().inContext("course-1");

        assertThat(GrowConversations.KIND.name()).isEqualTo("grow.conversation");
        assertThat(GrowConversations.KIND.owner().apply(c)).isEqualTo(COACHEE);
        assertThat(GrowConversations.KIND.context().apply(c)).isEqualTo("course-1");
        assertThat(GrowConversations.KIND.id().apply(c)).isEqualTo("grow-1");
    }

    @Test
    void view_givesTheCoacheeEverythingAndOthersTheSharedView() {
        service.start(TENANT, GrowTemplates.DEVELOPMENT_DISCUSSION,
                Participants.coached(COACHEE, GrowFixtures.COACH), Language.FI, "activity-1");

        assertThat(service.view(TENANT, "grow-1", COACHEE)).containsInstanceOf(ConversationView.OwnView.class);
        assertThat(service.view(TENANT, "grow-1", GrowFixtures.COACH)).containsInstanceOf(ConversationView.SharedView.class);
        assertThat(service.view(TenantId.of("agency-2"), "grow-1", COACHEE)).isEmpty();
    }

    @Test
    void progressIn_listsEveryConversationOfTheContextWithoutContent() {
        service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(COACHEE), Language.FI, "activity-1");
        service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT,
                Participants.alone(fi.kasvu.common.PersonId.of("coachee-2")), Language.SV, "activity-1");
        service.start(TENANT, GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(COACHEE), Language.FI, "activity-2");

        List<ConversationView.Progress> progress = service.progressIn(TENANT, "activity-1");

        assertThat(progress).extracting(ConversationView.Progress::conversationId).containsExactlyInAnyOrder("grow-1", "grow-2");
        assertThat(progress).allSatisfy(p -> assertThat(p.currentPhase()).isEqualTo(Phase.GOAL));
    }
}

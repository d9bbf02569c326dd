package fi.kasvu.grow;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GrowConversationProperties {

    @Property(tries = 300)
    void completion_isPossibleExactlyWhenNoRuleComplains(@ForAll("conversations") GrowConversation c) {
        Result<GrowConversation, GrowProblem> step = c.completeAt(c.created().plusSeconds(3600));

        assertThat(step.isAccepted()).isEqualTo(GrowRules.check(c).isEmpty());
        assertThat(step.problems()).isEqualTo(step.isAccepted() ? java.util.List.of() : GrowRules.check(c));
    }

    @Property(tries = 300)
    void sharedView_revealsOnlyWhatTheCoacheeShared(@ForAll("conversations") GrowConversation c) {
        ConversationView view = c.viewFor(PersonId.of("teacher-1"));

        assertThat(view).isInstanceOf(ConversationView.SharedView.class);
        ConversationView.SharedView shared = (ConversationView.SharedView) view;
        for (Phase phase : Phase.values()) {
            assertThat(shared.shares(phase)).isEqualTo(c.sharing().shares(phase));
        }
        assertThat(shared.answers()).allSatisfy(a -> assertThat(c.sharing().shares(a.phase())).isTrue());
        assertThat(shared.progress().conversationId()).isEqualTo(c.id());
        assertThat(c.viewFor(c.coachee())).isEqualTo(new ConversationView.OwnView(c));
    }

    @Property(tries = 300)
    void advance_completesTheCurrentPhaseOrSaysWhyNot(@ForAll("conversations") GrowConversation c) {
        Result<GrowConversation, GrowProblem> step = c.advance();

        if (step.isAccepted()) {
            assertThat(step.orElseThrow().completedPhases()).contains(c.currentPhase());
            assertThat(step.orElseThrow().phaseReached()).isGreaterThanOrEqualTo(c.phaseReached());
        } else {
            assertThat(step.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.phase()).isEqualTo(c.currentPhase()));
        }
    }

    @Property(tries = 200)
    void events_neverCarryWhatTheCoacheeWrote(@ForAll("conversations") GrowConversation c) {
        GrowConversation done = c.completeAt(Instant.parse("2030-01-01T00:00:00Z")).problems().isEmpty()
                ? c.completeAt(Instant.parse("2030-01-01T00:00:00Z")).orElseThrow() : c;

        for (GrowEvent event : GrowEvent.between(null, done, Instant.parse("2030-01-01T00:00:00Z"))) {
            String text = event.toString();
            if (!c.goal().sessionGoal().isBlank() && c.goal().sessionGoal().length() > 8) {
                assertThat(text).doesNotContain(c.goal().sessionGoal());
            }
            assertThat(event.conversationId()).isEqualTo(c.id());
        }
    }

    @Provide
    Arbitrary<GrowConversation> conversations() {
        return GrowArbitraries.conversations();
    }
}

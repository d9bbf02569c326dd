package fi.kasvu.grow;

import static fi.kasvu.grow.GrowFixtures.START;
import static fi.kasvu.grow.GrowFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GrowConversationTest {

    @Nested
    class Starting {

        @Test
        void start_takesTemplateDefaultsAndClockTime() {
            GrowConversation c = GrowConversation.start("g-1", GrowTemplates.ONBOARDING,
                    Participants.coached(PersonId.of("newcomer"), PersonId.of("pool-supervisor")), Language.SV,
                    GrowFixtures.CLOCK);

            assertThat(c.mode()).isEqualTo(Mode.SUPERVISOR);
            assertThat(c.minimumOptions()).isEqualTo(2);
            assertThat(c.templateId()).isEqualTo("newcomer-onboarding");
            assertThat(c.created()).isEqualTo(START);
            assertThat(c.updated()).isEqualTo(START);
            assertThat(c.currentPhase()).isEqualTo(Phase.GOAL);
            assertThat(c.sharing()).isEqualTo(Sharing.PRIVATE);
            assertThat(c.complete()).isFalse();
        }

        @Test
        void nullId_isRejectedNamingTheField() {
            assertThatNullPointerException().isThrownBy(() -> GrowConversation.start(null,
                            GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(GrowFixtures.COACHEE), Language.FI,
                            GrowFixtures.CLOCK))
                    .withMessage("id must not be null");
        }

        @Test
        void coacheeAsCoach_isRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Participants.coached(GrowFixtures.COACHEE, GrowFixtures.COACHEE))
                    .withMessage("coach must differ from the coachee: coachee-1");
        }
    }

    @Nested
    class ImpossibleValues {

        @Test
        void commitmentEleven_isRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> GrowFixtures.started().withCommitment(11))
                    .withMessage("commitment must be 1..10: 11");
        }

        @Test
        void commitmentZero_isRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> GrowFixtures.started().withCommitment(0))
                    .withMessage("commitment must be 1..10: 0");
        }

        @Test
        void ratingSix_isRejected() {
            GrowConversation c = GrowFixtures.started().addOption("Idea");

            assertThatIllegalArgumentException().isThrownBy(() -> c.updateOption("option-1", o -> o.rated(6, null)))
                    .withMessage("option.impact must be 1..5: 6");
        }

        @Test
        void blankOption_isRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> GrowFixtures.started().addOption(" "))
                    .withMessage("option.text must not be blank: \" \"");
        }

        @Test
        void dropWithoutReason_isRejected() {
            GrowConversation c = GrowFixtures.readyToComplete();

            assertThatIllegalArgumentException().isThrownBy(() -> c.dropAction("action-1", TODAY, ""))
                    .withMessage("dropped.reason must not be blank: \"\"");
        }

        @Test
        void unknownIds_areNamed() {
            GrowConversation c = GrowFixtures.started();

            assertThatIllegalArgumentException().isThrownBy(() -> c.chooseOption("option-9"))
                    .withMessage("no option with id: option-9");
            assertThatIllegalArgumentException().isThrownBy(() -> c.markActionDone("action-4", TODAY, ""))
                    .withMessage("no action with id: action-4");
            assertThatIllegalArgumentException().isThrownBy(() -> c.recordCheckIn("check-in-2", TODAY, ""))
                    .withMessage("no check-in with id: check-in-2");
        }

        @Test
        void minimumOptionsOutOfRange_isRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> GrowFixtures.started().withMinimumOptions(0))
                    .withMessage("minimumOptions must be 1..20: 0");
        }

        @Test
        void tooLongTopic_isRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> GrowFixtures.started().withTopic("x".repeat(501)))
                    .withMessage("topic must be at most 500 characters: 501 characters");
        }
    }

    @Nested
    class Operations {

        @Test
        void everyOperation_returnsANewConversationAndLeavesTheOldOne() {
            GrowConversation before = GrowFixtures.started();

            GrowConversation after = before.withSessionGoal("Selkeämpi viikko");

            assertThat(before.goal().sessionGoal()).isEmpty();
            assertThat(after.goal().sessionGoal()).isEqualTo("Selkeämpi viikko");
        }

        @Test
        void answer_setsReplacesAndRemoves() {
            GrowConversation c = GrowFixtures.started().answer(Phase.REALITY, "grow.reality.1", "Ensimmäinen")
                    .answer(Phase.REALITY, "grow.reality.2", "Toinen");

            GrowConversation replaced = c.answer(Phase.REALITY, "grow.reality.1", "Uusi");
            GrowConversation removed = c.answer(Phase.REALITY, "grow.reality.1", "");

            assertThat(replaced.answersIn(Phase.REALITY)).extracting(Answer::text).containsExactly("Uusi", "Toinen");
            assertThat(removed.answersIn(Phase.REALITY)).extracting(Answer::text).containsExactly("Toinen");
        }

        @Test
        void options_getStableIdsAndCanBeChosen() {
            GrowConversation c = GrowFixtures.started().addOption("A").addOption("B").addOption("C")
                    .removeOption("option-2").addOption("D").chooseOption("option-3");

            assertThat(c.options()).extracting(Option::id).containsExactly("option-1", "option-3", "option-4");
            assertThat(c.chosenOptions()).extracting(Option::text).containsExactly("C");
        }

        @Test
        void actions_endDoneOrDroppedWithReason() {
            GrowConversation c = GrowFixtures.readyToComplete()
                    .addAction("Toinen teko", "tiimi", TODAY.plusDays(3))
                    .addProgressNote("action-1", TODAY.plusDays(1), "Ehdotus lähetetty")
                    .markActionDone("action-1", TODAY.plusDays(2), "Hyväksyttiin")
                    .dropAction("action-2", TODAY.plusDays(2), "Ei tarvita enää");

            assertThat(c.action("action-1").status()).isEqualTo(new ActionStatus.Done(TODAY.plusDays(2), "Hyväksyttiin"));
            assertThat(c.action("action-1").progressNotes()).containsExactly(new ProgressNote(TODAY.plusDays(1), "Ehdotus lähetetty"));
            assertThat(c.action("action-2").status()).isEqualTo(new ActionStatus.Dropped(TODAY.plusDays(2), "Ei tarvita enää"));
            assertThat(c.reopenAction("action-2").action("action-2").status()).isEqualTo(ActionStatus.OPEN);
        }

        @Test
        void checkIns_arePlannedThenRecorded() {
            GrowConversation c = GrowFixtures.started().planCheckIn(TODAY.plusDays(14))
                    .recordCheckIn("check-in-1", TODAY.plusDays(15), "Hyvä alku")
                    .recordUnplannedCheckIn(TODAY.plusDays(20), "Toinen tapaaminen");

            assertThat(c.will().checkIns()).containsExactly(
                    new CheckIn("check-in-1", TODAY.plusDays(14), TODAY.plusDays(15), "Hyvä alku"),
                    new CheckIn("check-in-2", TODAY.plusDays(20), TODAY.plusDays(20), "Toinen tapaaminen"));
        }

        @Test
        void touched_neverGoesBeforeCreation() {
            GrowConversation c = GrowFixtures.started();

            assertThat(c.touched(START.plusSeconds(60)).updated()).isEqualTo(START.plusSeconds(60));
            assertThat(c.touched(START.minusSeconds(60)).updated()).isEqualTo(START);
        }
    }

    @Nested
    class Phases {

        @Test
        void advance_refusesWhileThePhaseHasProblems() {
            Result<GrowConversation, GrowProblem> step = GrowFixtures.started().advance();

            assertThat(step.isAccepted()).isFalse();
            assertThat(step.problems()).extracting(GrowProblem::code).containsExactly("grow.goal.empty", "grow.goal.noMeasures");
        }

        @Test
        void advance_completesThePhaseAndMovesOn() {
            GrowConversation c = GrowFixtures.withGoal().advance().orElseThrow();

            assertThat(c.completedPhases()).containsExactly(Phase.GOAL);
            assertThat(c.currentPhase()).isEqualTo(Phase.REALITY);
            assertThat(c.phaseReached()).isEqualTo(Phase.REALITY);
        }

        @Test
        void phases_areEnteredInOrder() {
            Result<GrowConversation, GrowProblem> jump = GrowFixtures.withGoal().goTo(Phase.OPTIONS);

            assertThat(jump.problems()).containsExactly(new GrowProblem.PhaseNotReached(Phase.OPTIONS, Phase.REALITY));
        }

        @Test
        void phases_canBeRevisited_theGrowLoop() {
            GrowConversation inReality = GrowFixtures.withReality().advance().orElseThrow().advance().orElseThrow();

            GrowConversation backToGoal = inReality.goTo(Phase.GOAL).orElseThrow();

            assertThat(backToGoal.currentPhase()).isEqualTo(Phase.GOAL);
            assertThat(backToGoal.phaseReached()).isEqualTo(Phase.OPTIONS);
            assertThat(backToGoal.canVisit(Phase.OPTIONS)).isTrue();
            assertThat(backToGoal.canVisit(Phase.WILL)).isFalse();
        }

        @Test
        void completeAt_needsEveryPhase() {
            Result<GrowConversation, GrowProblem> refused = GrowFixtures.withOptions().completeAt(START);

            assertThat(refused.problems()).extracting(GrowProblem::code)
                    .containsExactly("grow.will.noActions", "grow.will.noCommitment", "grow.will.noFollowUp");
        }

        @Test
        void completeAt_marksEveryPhaseAndKeepsTheFirstTime() {
            GrowConversation done = GrowFixtures.readyToComplete().completeAt(START.plusSeconds(5)).orElseThrow();
            GrowConversation again = done.completeAt(START.plusSeconds(500)).orElseThrow();

            assertThat(done.complete()).isTrue();
            assertThat(done.completedPhases()).containsExactlyInAnyOrder(Phase.values());
            assertThat(again.completedAt()).isEqualTo(START.plusSeconds(5));
        }

        @Test
        void completedAtWithoutEveryPhase_isImpossible() {
            GrowConversation c = GrowFixtures.readyToComplete();

            assertThatIllegalArgumentException().isThrownBy(() -> new GrowConversation(c.id(), c.context(),
                            c.templateId(), c.mode(), c.participants(), c.language(), c.topic(), c.created(), c.updated(),
                            c.minimumOptions(), c.currentPhase(), Set.of(Phase.GOAL), c.goal(), c.answers(), c.reality(),
                            c.options(), c.will(), c.sharing(), Instant.parse("2026-11-24T00:00:00Z")))
                    .withMessageStartingWith("completedAt needs every phase completed: ");
        }
    }

    @Nested
    class Events {

        @Test
        void between_reportsNewPhasesCompletionAndFollowUps() {
            GrowConversation before = GrowFixtures.readyToComplete();
            GrowConversation after = before.completeAt(START).orElseThrow()
                    .recordCheckIn("check-in-1", TODAY.plusDays(14), "Edistyy");

            List<GrowEvent> events = GrowEvent.between(before, after, START);

            assertThat(events).containsExactly(
                    new GrowEvent.PhaseCompleted("grow-1", GrowFixtures.COACHEE, Phase.GOAL, START),
                    new GrowEvent.PhaseCompleted("grow-1", GrowFixtures.COACHEE, Phase.REALITY, START),
                    new GrowEvent.PhaseCompleted("grow-1", GrowFixtures.COACHEE, Phase.OPTIONS, START),
                    new GrowEvent.PhaseCompleted("grow-1", GrowFixtures.COACHEE, Phase.WILL, START),
                    new GrowEvent.ConversationCompleted("grow-1", GrowFixtures.COACHEE, START),
                    new GrowEvent.FollowUpRecorded("grow-1", GrowFixtures.COACHEE, "check-in-1", TODAY.plusDays(14)));
        }

        @Test
        void between_isQuietWhenNothingHappened() {
            GrowConversation c = GrowFixtures.anyCompleted();

            assertThat(GrowEvent.between(c, c.withTopic("Toinen aihe"), START)).isEmpty();
        }

        @Test
        void dueBy_listsOpenActionsOnOrBeforeTheDay() {
            GrowConversation c = GrowFixtures.readyToComplete().addAction("Myöhemmin", "", TODAY.plusDays(30))
                    .addAction("Tehty", "", TODAY).markActionDone("action-3", TODAY, "");

            assertThat(GrowEvent.dueBy(c, TODAY.plusDays(7))).containsExactly(
                    new GrowEvent.ActionDue("grow-1", GrowFixtures.COACHEE, "action-1", TODAY.plusDays(7)));
            assertThat(GrowEvent.dueBy(c, TODAY.plusDays(6))).isEmpty();
        }
    }
}

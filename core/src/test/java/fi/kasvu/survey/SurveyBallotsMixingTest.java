package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mixed ballots: what someone watching the database live sees. Writes are recorded in the order
 * they reach the repositories; a batch must hold at least three ballots, its responses must not
 * come in the order people answered, and its people must join the participation record in one
 * change.
 */
class SurveyBallotsMixingTest {

    private static final TenantId TENANT = TenantId.of("agency-1");

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    /** Every write, in order: "response <id>" or "participation <people>". */
    private final List<String> writes = new ArrayList<>();
    private final Surveys surveys = Surveys.inMemory(clock);
    private final SurveyResponses responses = SurveyResponses.over(recording(
            InMemoryDocumentRepository.of(SurveyResponses.KIND, clock), r -> "response " + r.id()));
    private final SurveyParticipations participations = SurveyParticipations.over(recording(
            InMemoryDocumentRepository.of(SurveyParticipations.KIND, clock), p -> "participation " + p.people()));

    private <T> DocumentRepository<T> recording(DocumentRepository<T> inner, java.util.function.Function<T, String> what) {
        return new ForwardingDocumentRepository<>(inner.kind(), inner) {
            @Override
            public SaveResult<T> save(TenantId tenant, Versioned<T> document) {
                SaveResult<T> saved = super.save(tenant, document);
                if (saved.isSaved()) {
                    writes.add(what.apply(document.value()));
                }
                return saved;
            }
        };
    }

    private String openSurvey(String id) {
        return SurveyFixtures.openBallotSurvey(surveys, TENANT, id, clock);
    }

    private static List<Answer> value(int v) {
        return List.of(new Answer.Scale("ca1", v));
    }

    @Test
    void nothingIsWrittenUntilThreeWait_thenTheBatchInOneGo() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(1));
        String id = openSurvey("s1");
        assertThat(ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(1), "p1", RespondentGroup.of("org"), value(1)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.COUNTED);
        // The same key again while waiting: replaced in memory, still one.
        assertThat(ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(1), "p1", RespondentGroup.of("org"), value(2)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.REPLACED);
        // Another browser of a waiting person: nothing kept.
        assertThat(ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(9), "p1", RespondentGroup.of("org"), value(5)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.ANSWERED_ELSEWHERE);
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(2), "p2", RespondentGroup.of("org"), value(3)).orElseThrow();
        assertThat(writes).as("two waiting ballots leave no trace in the database").isEmpty();
        assertThat(ballots.participated(TENANT, id, 1, "p1")).isTrue();
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(2);
        assertThat(ballots.waiting(TENANT, id, 1)).isEqualTo(2);

        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(3), "p3", RespondentGroup.of("org"), value(4)).orElseThrow();
        assertThat(writes).hasSize(4);
        assertThat(writes.subList(0, 3)).allMatch(w -> w.startsWith("response "));
        assertThat(writes.get(3)).isEqualTo("participation [p1, p2, p3]");
        assertThat(ballots.waiting(TENANT, id, 1)).isZero();
        assertThat(ballots.responses(TENANT, id)).extracting(r -> r.answerTo("ca1").orElseThrow())
                .containsExactlyInAnyOrder(new Answer.Scale("ca1", 2), new Answer.Scale("ca1", 3),
                        new Answer.Scale("ca1", 4));
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(3);
    }

    @Test
    void aBatchIsNotWrittenInTheOrderPeopleAnswered() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 5, new Random(7));
        int batches = 0;
        int inArrivalOrder = 0;
        for (int s = 0; s < 30; s++) {
            String id = openSurvey("s" + s);
            List<String> arrival = new ArrayList<>();
            int i = 0;
            while (writes.isEmpty()) {
                i++;
                ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(i), "p" + i, RespondentGroup.of("org"), value(1 + i % 5))
                        .orElseThrow();
                arrival.add("response " + SurveyBallots.ballotId(id, 1, SurveyFixtures.ballotKey(i)));
            }
            assertThat(i).as("a batch holds three to five ballots").isBetween(3, 5);
            List<String> written = writes.subList(0, i);
            assertThat(written).containsExactlyInAnyOrderElementsOf(arrival);
            assertThat(writes.get(i)).startsWith("participation ");
            batches++;
            if (written.equals(arrival)) {
                inArrivalOrder++;
            }
            writes.clear();
        }
        // A shuffled batch of three or more keeps arrival order with probability at most 1/6.
        assertThat(inArrivalOrder).as("batches written in arrival order of " + batches).isLessThan(batches / 2);
    }

    @Test
    void closing_writesWhatWaits_andNothingAfter() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(3));
        String id = openSurvey("s1");
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(1), "p1", RespondentGroup.of("org"), value(1)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(2), "p2", RespondentGroup.of("org"), value(2)).orElseThrow();
        ballots.closing(TENANT, id, () -> {
            Versioned<Survey> open = surveys.find(TENANT, id).orElseThrow();
            return surveys.save(TENANT, open.with(open.value().closeRound(open.value().rounds().get(0).opened())
                    .orElseThrow())).orElseThrow();
        });
        assertThat(ballots.responses(TENANT, id)).hasSize(2);
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(2);
        assertThat(ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(3), "p3", RespondentGroup.of("org"), value(3)).problems())
                .extracting(SurveyProblem::code).containsExactly("survey.round.closed");
        assertThat(ballots.responses(TENANT, id)).hasSize(2);
    }

    @Test
    void aReplacementOfAStoredResponse_waitsForOthers_too() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(5));
        String id = openSurvey("s1");
        for (int i = 1; i <= 3; i++) {
            ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(i), "p" + i, RespondentGroup.of("org"), value(1)).orElseThrow();
        }
        writes.clear();
        assertThat(ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(2), "p2", RespondentGroup.of("org"), value(5)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.REPLACED);
        assertThat(writes).as("the change waits: its moment would point at p2's visit").isEmpty();
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(3);
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(4), "p4", RespondentGroup.of("org"), value(2)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(5), "p5", RespondentGroup.of("org"), value(2)).orElseThrow();
        assertThat(writes).hasSize(4).last().isEqualTo("participation [p1, p2, p3, p4, p5]");
        assertThat(ballots.responses(TENANT, id)).hasSize(5)
                .filteredOn(r -> r.answerTo("ca1").orElseThrow().equals(new Answer.Scale("ca1", 5))).hasSize(1);
    }

    @Test
    void aGroupLabelIsWrittenOnlyWithTwoOthersOfTheSameGroup_andDroppedAtTheCloseOtherwise() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(11));
        String id = openSurvey("s1");
        RespondentGroup small = RespondentGroup.of("org", "g-small", null);
        RespondentGroup big = RespondentGroup.of("org", "g-big", null);
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(1), "p1", small, value(1)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(2), "p2", big, value(2)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(3), "p3", RespondentGroup.of("org"), value(3)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(4), "p4", big, value(4)).orElseThrow();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(5), "p5", RespondentGroup.of("org"), value(5)).orElseThrow();
        assertThat(writes).as("five wait, but only two are ready: no group has three").isEmpty();
        ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(6), "p6", big, value(4)).orElseThrow();
        assertThat(writes).as("g-big's three are written with the two without a group").hasSize(5 + 1);
        assertThat(writes.get(5)).isEqualTo("participation [p2, p3, p4, p5, p6]");
        assertThat(ballots.responses(TENANT, id)).filteredOn(r -> "g-big".equals(r.group().unit())).hasSize(3);
        assertThat(ballots.waiting(TENANT, id, 1)).as("the lone g-small ballot").isEqualTo(1);
        assertThat(ballots.participated(TENANT, id, 1, "p1")).isTrue();

        ballots.closing(TENANT, id, () -> null);
        assertThat(ballots.responses(TENANT, id)).hasSize(6)
                .noneSatisfy(r -> assertThat(r.group().unit()).isEqualTo("g-small"));
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(6);
    }
}

package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.DocumentRepository;
import fi.kasvu.common.ForwardingDocumentRepository;
import fi.kasvu.common.InMemoryDocumentRepository;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.common.Result;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mixed ballots written apart from the request that completes a batch: every batch (and a round's
 * close) runs in an {@link SurveyBallots.Apart} of its own; a batch whose write fails waits again
 * and is written with the next one; {@link SurveyBallots#flushAll} writes every round's waiting
 * ballots (a server stopping).
 */
class SurveyBallotsApartTest {

    private static final TenantId TENANT = TenantId.of("agency-1");

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    /** How deep in {@code apart} calls the current work is. */
    private int depth;
    /** The depth of each save, in order: "response@2" or "participation@2". */
    private final List<String> writes = new ArrayList<>();
    private int failuresLeft;
    private final Surveys surveys = Surveys.inMemory(clock);
    private final SurveyResponses responses = SurveyResponses.over(recording(
            InMemoryDocumentRepository.of(SurveyResponses.KIND, clock), "response"));
    private final SurveyParticipations participations = SurveyParticipations.over(recording(
            InMemoryDocumentRepository.of(SurveyParticipations.KIND, clock), "participation"));
    private final SurveyBallots.Apart apart = work -> {
        depth++;
        try {
            work.run();
        } finally {
            depth--;
        }
    };

    private <T> DocumentRepository<T> recording(DocumentRepository<T> inner, String what) {
        return new ForwardingDocumentRepository<>(inner.kind(), inner) {
            @Override
            public SaveResult<T> save(TenantId tenant, Versioned<T> document) {
                if (failuresLeft > 0) {
                    failuresLeft--;
                    throw new IllegalStateException("the database is away");
                }
                SaveResult<T> saved = super.save(tenant, document);
                if (saved.isSaved()) {
                    writes.add(what + "@" + depth);
                }
                return saved;
            }
        };
    }

    private String openSurvey(String id) {
        return SurveyFixtures.openBallotSurvey(surveys, TENANT, id, clock);
    }

    private Result<SurveyBallots.Outcome, SurveyProblem> cast(SurveyBallots ballots, String id, int i) {
        return ballots.cast(TENANT, id, 1, SurveyFixtures.ballotKey(i), "p" + i, RespondentGroup.of("org"),
                List.of(new Answer.Scale("ca1", 1 + i % 5)));
    }

    @Test
    void aBatchIsWrittenInAnApartOfItsOwn_insideTheCastsOwn() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(3)).writingApart(apart);
        String id = openSurvey("s1");
        cast(ballots, id, 1).orElseThrow();
        cast(ballots, id, 2).orElseThrow();
        cast(ballots, id, 3).orElseThrow();

        assertThat(writes).as("the batch is an apart of its own, nested in the cast's").hasSize(4)
                .allMatch(w -> w.endsWith("@2"));
        assertThat(depth).isZero();
    }

    @Test
    void aBatchWhoseWriteFails_waitsAgain_andIsWrittenWithTheNext() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(5)).writingApart(apart);
        String id = openSurvey("s2");
        cast(ballots, id, 1).orElseThrow();
        cast(ballots, id, 2).orElseThrow();
        failuresLeft = 1;

        assertThatThrownBy(() -> cast(ballots, id, 3)).hasMessage("the database is away");

        assertThat(writes).isEmpty();
        assertThat(ballots.waiting(TENANT, id, 1)).as("nobody's ballot was lost").isEqualTo(3);
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(3);
        assertThat(ballots.participated(TENANT, id, 1, "p3")).isTrue();
        // The learner whose request failed sends the form again with the same key: the batch goes out.
        assertThat(cast(ballots, id, 3).orElseThrow()).as("the same key again replaces the waiting ballot")
                .isEqualTo(SurveyBallots.Outcome.REPLACED);
        assertThat(ballots.waiting(TENANT, id, 1)).isZero();
        assertThat(ballots.responses(TENANT, id)).hasSize(3);
        assertThat(participations.find(TENANT, SurveyParticipation.idOf(id, 1)).orElseThrow().value().people())
                .containsExactly("p1", "p2", "p3");
    }

    @Test
    void flushAll_writesEveryRoundsWaitingBallots_andTheyAreCountedOnce() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 5, new Random(9)).writingApart(apart);
        String first = openSurvey("s3");
        String second = openSurvey("s4");
        cast(ballots, first, 1).orElseThrow();
        cast(ballots, first, 2).orElseThrow();
        cast(ballots, second, 3).orElseThrow();
        assertThat(writes).isEmpty();

        assertThat(ballots.flushAll()).isEqualTo(3);

        assertThat(ballots.waiting(TENANT, first, 1)).isZero();
        assertThat(ballots.waiting(TENANT, second, 1)).isZero();
        assertThat(ballots.responses(TENANT, first)).hasSize(2);
        assertThat(ballots.responses(TENANT, second)).hasSize(1);
        assertThat(ballots.participants(TENANT, first, 1)).isEqualTo(2);
        assertThat(ballots.participants(TENANT, second, 1)).isEqualTo(1);
        assertThat(ballots.flushAll()).as("nothing waits any more").isZero();
    }

    @Test
    void closing_closesTheRoundInAnApartOfItsOwn_afterWritingWhatWaits() {
        SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(3, 3, new Random(11)).writingApart(apart);
        String id = openSurvey("s5");
        cast(ballots, id, 1).orElseThrow();
        List<Integer> closedAt = new ArrayList<>();

        String closed = ballots.closing(TENANT, id, () -> {
            closedAt.add(depth);
            return "closed";
        });

        assertThat(closed).isEqualTo("closed");
        assertThat(closedAt).containsExactly(2);
        assertThat(writes).containsExactly("response@2", "participation@2");
    }
}

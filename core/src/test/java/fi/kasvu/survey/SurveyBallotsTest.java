package fi.kasvu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyBallotsTest {

    private static final TenantId TENANT = TenantId.of("agency-1");
    private static final String KEY_A = "a".repeat(43);
    private static final String KEY_B = "b".repeat(43);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final Surveys surveys = Surveys.inMemory(clock);
    private final SurveyResponses responses = SurveyResponses.inMemory(clock);
    private final SurveyParticipations participations = SurveyParticipations.inMemory(clock);
    private final SurveyBallots ballots = SurveyBallots.of(surveys, responses, participations, clock);

    private String openSurvey() {
        return SurveyFixtures.openBallotSurvey(surveys, TENANT, "s1", clock);
    }

    private static List<Answer> value(int v) {
        return List.of(new Answer.Scale("ca1", v));
    }

    @Test
    void sameKeyReplaces_andCountsOnce() {
        String id = openSurvey();
        assertThat(ballots.cast(TENANT, id, 1, KEY_A, "p1", RespondentGroup.of("org"), value(2)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.COUNTED);
        assertThat(ballots.cast(TENANT, id, 1, KEY_A, "p1", RespondentGroup.of("org"), value(5)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.REPLACED);
        assertThat(ballots.responses(TENANT, id)).singleElement()
                .satisfies(r -> assertThat(r.answerTo("ca1")).contains(new Answer.Scale("ca1", 5)));
        assertThat(ballots.participants(TENANT, id, 1)).isEqualTo(1);
    }

    @Test
    void anotherKeyOfACountedPerson_storesNothing() {
        String id = openSurvey();
        ballots.cast(TENANT, id, 1, KEY_A, "p1", RespondentGroup.of("org"), value(2)).orElseThrow();
        assertThat(ballots.cast(TENANT, id, 1, KEY_B, "p1", RespondentGroup.of("org"), value(4)).orElseThrow())
                .isEqualTo(SurveyBallots.Outcome.ANSWERED_ELSEWHERE);
        assertThat(ballots.responses(TENANT, id)).hasSize(1);
    }

    @Test
    void storedResponse_holdsNoPersonNorKey() {
        String id = openSurvey();
        ballots.cast(TENANT, id, 1, KEY_A, "person-xyz", RespondentGroup.of("org"), value(3)).orElseThrow();
        SurveyResponse stored = ballots.responses(TENANT, id).get(0);
        String json = KasvuJson.create().toJson(stored);
        assertThat(json).doesNotContain("person-xyz").doesNotContain(KEY_A);
        assertThat(stored.id()).isEqualTo(SurveyBallots.ballotId(id, 1, KEY_A));
        SurveyParticipation participation = participations.find(TENANT, SurveyParticipation.idOf(id, 1))
                .orElseThrow().value();
        assertThat(KasvuJson.create().toJson(participation)).contains("person-xyz").doesNotContain(stored.id());
    }

    @Test
    void closedOrOtherRound_isRefused_andNothingKept() {
        String id = openSurvey();
        Versioned<Survey> open = surveys.find(TENANT, id).orElseThrow();
        surveys.save(TENANT, open.with(open.value().closeRound(open.value().rounds().get(0).opened()).orElseThrow()))
                .orElseThrow();
        assertThat(ballots.cast(TENANT, id, 1, KEY_A, "p1", RespondentGroup.of("org"), value(2)).problems())
                .extracting(SurveyProblem::code).containsExactly("survey.round.closed");
        assertThat(ballots.responses(TENANT, id)).isEmpty();
        assertThat(ballots.participated(TENANT, id, 1, "p1")).isFalse();
    }

    @Test
    void weakKeys_areRefused() {
        assertThat(SurveyBallots.validKey("short")).isFalse();
        assertThat(SurveyBallots.validKey("a".repeat(40) + "/+")).isFalse();
        assertThatThrownBy(() -> SurveyBallots.ballotId("s", 1, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

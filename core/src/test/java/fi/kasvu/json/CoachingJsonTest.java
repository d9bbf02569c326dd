package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.feedback.Answers;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackFixtures;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeFixtures;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.Venue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 360 and programme documents round-trip exactly and bad documents are refused at their path. */
class CoachingJsonTest {

    private static final KasvuJson JSON = KasvuJson.create();

    static FeedbackAssessment assessment() {
        FeedbackAssessment a = FeedbackFixtures.withAnswers(FeedbackFixtures.open(true)
                        .answerAsSelf(FeedbackFixtures.SUBJECT, new Answers(Map.of("listens", 4), "Kuuntelen", ""),
                                FeedbackFixtures.START).orElseThrow(),
                List.of(FeedbackFixtures.answer(RaterGroup.SUPERVISOR, FeedbackFixtures.all(3)),
                        FeedbackFixtures.answer(RaterGroup.PEERS, new Answers(Map.of("asks", 2), "", "Kysy enemmän"))));
        a = a.issueLink(Requester.person(FeedbackFixtures.SUBJECT), "link-1", RaterGroup.OTHERS,
                FeedbackFixtures.EXPIRES, () -> "abcdefghijklmnopqrstuvwxyz", FeedbackFixtures.START).orElseThrow()
                .assessment();
        return a.close(Requester.person(FeedbackFixtures.SUBJECT), FeedbackFixtures.EXPIRES).orElseThrow();
    }

    static Programme programme() {
        Programme p = ProgrammeFixtures.supervisorCoaching();
        ScheduledEvent kickOff = p.events().get(0);
        return p.putEvent(ProgrammeFixtures.ORGANISER, "start", new ScheduledEvent(kickOff.id(), kickOff.kind(),
                kickOff.title(), kickOff.starts(), kickOff.ends(), new Venue.Hybrid("Työ 2.0 Lab", "https://teams.example/k"),
                ""), ProgrammeFixtures.CREATED).orElseThrow();
    }

    static Stream<Object> aggregates() {
        Programme programme = ProgrammeFixtures.supervisorCoaching();
        Instant deadline = programme.deadline(programme.assignment("reflection-1").orElseThrow());
        ReflectionAssignment draft = ReflectionAssignment.start("r-1", programme, "reflection-1",
                ProgrammeFixtures.LEARNER, ProgrammeFixtures.COACH, ProgrammeFixtures.CREATED).orElseThrow()
                .write(ProgrammeFixtures.LEARNER, "Pohdin \"lainausmerkkejä\" ja rivin\nvaihtoja", ProgrammeFixtures.CREATED)
                .orElseThrow();
        ReflectionAssignment submitted = draft.submit(ProgrammeFixtures.LEARNER, deadline, deadline.plusSeconds(5)).orElseThrow();
        ReflectionAssignment done = submitted.giveFeedback(ProgrammeFixtures.COACH, "Hyvä", deadline.plusSeconds(9))
                .orElseThrow();
        return Stream.of(assessment(), FeedbackFixtures.open(false), programme(), draft, submitted, done,
                ReflectionAssignment.start("r-2", programme, "reflection-1", ProgrammeFixtures.LEARNER, null,
                        ProgrammeFixtures.CREATED).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("aggregates")
    void roundTrip_givesTheSameAggregate_andTheSameText(Object aggregate) {
        String text = JSON.toJson(aggregate);

        Object again = JSON.fromJson(text, aggregate.getClass());

        assertThat(again).isEqualTo(aggregate);
        assertThat(JSON.toJson(again)).isEqualTo(text);
    }

    @Test
    void theStoredAssessment_holdsTheLinksHashNeverItsToken_andNoRaterOnAnAnswer() {
        String text = JSON.toJson(assessment());

        assertThat(text).doesNotContain("abcdefghijklmnopqrstuvwxyz").contains("\"tokenHash\"");
        assertThat(text).contains("\"kind\":\"feedback.assessment\"", "\"schemaVersion\":1");
    }

    @Test
    void badDocuments_areRefusedAtTheirPath() {
        String assessment = JSON.toJson(assessment());
        String programme = JSON.toJson(programme());

        assertThatThrownBy(() -> JSON.fromJson(assessment.replace("\"rating\":3", "\"rating\":9"), FeedbackAssessment.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("rating of").hasMessageContaining("must be 1..5: 9");
        assertThatThrownBy(() -> JSON.fromJson(assessment.replaceFirst("\"tokenHash\":\"[0-9a-f]+\"", "\"tokenHash\":\"secret\""),
                FeedbackAssessment.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("$.invitations[2].invitee.tokenHash");
        assertThatThrownBy(() -> JSON.fromJson(assessment.replace("\"status\":\"PENDING\"", "\"status\":\"ANSWERED\""),
                FeedbackAssessment.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("responses must match the answered invitations");
        assertThatThrownBy(() -> JSON.fromJson(programme.replace("Europe/Helsinki", "Mars/Olympus"), Programme.class))
                .isInstanceOf(KasvuJsonException.class).hasMessage("$.zone: expected a time zone such as Europe/Helsinki but found \"Mars/Olympus\"");
        assertThatThrownBy(() -> JSON.fromJson(programme.replace("https://teams.example/k", "javascript:alert(1)"),
                Programme.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("$.phases[0].events[0].venue")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> JSON.fromJson(programme.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                Programme.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("newer than this Kasvu reads");
        assertThatThrownBy(() -> JSON.fromJson(programme.replace("\"zone\"", "\"zoen\""), Programme.class))
                .isInstanceOf(KasvuJsonException.class).hasMessageContaining("$.zoen: unknown field");
    }

    @Test
    void aProgrammeFromATemplate_keepsItsUnlinkedActivities() {
        Programme programme = ProgrammeFixtures.supervisorCoaching();

        Programme again = JSON.fromJson(JSON.toJson(programme), Programme.class);

        assertThat(again.assignment("feedback-360").orElseThrow().fulfilledBy())
                .isEqualTo(Fulfilment.Activity.unlinked(fi.kasvu.programme.ActivityKind.FEEDBACK_360));
        assertThat(again.problems()).isEqualTo(programme.problems());
    }
}

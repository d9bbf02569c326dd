package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.Problem;
import fi.kasvu.feedback.FeedbackProblem;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.ReportGroup;
import fi.kasvu.programme.AssignmentKind;
import fi.kasvu.programme.EventKind;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 360 and programme problem type, whatever is added later, has its message in fi, sv and en with every placeholder filled. */
class CoachingMessagesTest {

    record Case(Problem problem, BiFunction<Problem, Language, String> messages) {
        @Override
        public String toString() {
            return problem.getClass().getSimpleName();
        }
    }

    static Stream<Case> everyProblemType() throws ReflectiveOperationException {
        List<Case> cases = new ArrayList<>();
        for (Class<?> type : FeedbackProblem.class.getPermittedSubclasses()) {
            cases.add(new Case(instance(type), FeedbackMessages::message));
        }
        for (Class<?> type : ProgrammeProblem.class.getPermittedSubclasses()) {
            cases.add(new Case(instance(type), ProgrammeMessages::message));
        }
        return cases.stream();
    }

    /** An instance of a problem record with a sample value for each component. */
    private static Problem instance(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(types[i]);
        }
        return (Problem) type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "item-7";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-05-04T10:00:00Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 5, 4);
        }
        if (type == ProgrammeRole.class) {
            return ProgrammeRole.COACH;
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyProblemType")
    void message_existsInEveryLanguage_withEveryPlaceholderFilled(Case c) {
        Set<String> texts = new java.util.HashSet<>();
        for (Language language : Language.values()) {
            String text = c.messages().apply(c.problem(), language);
            assertThat(text).as(language + " " + c).isNotBlank().doesNotContain("{", "}");
            texts.add(text);
        }
        assertThat(texts).as("fi, sv and en differ for " + c).hasSize(3);
    }

    @Test
    void roles_areShownByTheirNameInTheReadersLanguage() {
        assertThat(ProgrammeMessages.message(new ProgrammeProblem.NotInRole(ProgrammeRole.COACH), Language.FI))
                .contains("valmentaja").doesNotContain("COACH");
    }

    @Test
    void everyGroupKindAndReminder_hasANameInEveryLanguage() {
        for (Language language : Language.values()) {
            for (RaterGroup group : RaterGroup.values()) {
                assertThat(FeedbackMessages.raterGroup(group, language)).isNotBlank();
            }
            for (ReportGroup group : ReportGroup.values()) {
                assertThat(FeedbackMessages.reportGroup(group, language)).isNotBlank();
            }
            for (EventKind kind : EventKind.values()) {
                assertThat(ProgrammeMessages.eventKind(kind, language)).isNotBlank();
            }
            for (AssignmentKind kind : AssignmentKind.values()) {
                assertThat(ProgrammeMessages.assignmentKind(kind, language)).isNotBlank();
            }
            for (String kind : List.of("programme.event.upcoming", "programme.assignment.due", "programme.feedback.due",
                    "feedback.invitation.pending")) {
                assertThat(ProgrammeMessages.reminder(kind, language)).isNotBlank();
            }
        }
        assertThat(PracticeMessages.covers("plan.feedback.unknownStatement")).isTrue();
    }
}

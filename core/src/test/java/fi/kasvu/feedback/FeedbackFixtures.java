package fi.kasvu.feedback;

import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small statement sets, people and assessments for the 360 tests. */
public final class FeedbackFixtures {

    public static final PersonId SUBJECT = PersonId.of("supervisor-anna");
    public static final PersonId TEACHER = PersonId.of("teacher-tuula");
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    public static final Instant EXPIRES = START.plus(Duration.ofDays(14));

    private FeedbackFixtures() {
    }

    /** Two themes: dialogue (listens, asks) and trust (promises). */
    public static CompetenceSet smallSet() {
        return new CompetenceSet("test-set", LocalizedText.of("Testi", "Test", "Test"), List.of(
                new CompetenceTheme("dialogue", LocalizedText.of("Dialogi", "Dialog", "Dialogue"), List.of(
                        new CompetenceStatement("listens", LocalizedText.of("Kuuntelee", "Lyssnar", "Listens")),
                        new CompetenceStatement("asks", LocalizedText.of("Kysyy", "Frågar", "Asks")))),
                new CompetenceTheme("trust", LocalizedText.of("Luottamus", "Förtroende", "Trust"), List.of(
                        new CompetenceStatement("promises", LocalizedText.of("Pitää lupauksensa",
                                "Håller sina löften", "Keeps promises"))))));
    }

    /** An open assessment of {@link #SUBJECT} on the small set. */
    public static FeedbackAssessment open(boolean supervisorShownApart) {
        return FeedbackAssessment.open("assessment-1", SUBJECT, "course-1", smallSet(), supervisorShownApart, START);
    }

    /** Answers rating every statement of the small set with the same value. */
    public static Answers all(int rating) {
        return new Answers(Map.of("listens", rating, "asks", rating, "promises", rating), "", "");
    }

    /** A rater's person id. */
    public static PersonId rater(String name) {
        return PersonId.of("rater-" + name);
    }

    /**
     * The assessment with one roster rater per entry invited into the group and answering with the
     * answers; raters are named by group and position.
     */
    public static FeedbackAssessment withAnswers(FeedbackAssessment assessment, List<Map.Entry<RaterGroup, Answers>> answers) {
        FeedbackAssessment at = assessment;
        List<Map.Entry<RaterGroup, Answers>> list = new ArrayList<>(answers);
        for (int i = 0; i < list.size(); i++) {
            PersonId rater = rater(list.get(i).getKey().name().toLowerCase() + "-" + i);
            Instant when = START.plusSeconds(60L * i);
            at = at.invite(Requester.person(SUBJECT), "inv-" + i, rater, list.get(i).getKey(), EXPIRES, when).orElseThrow();
            at = at.answerAsInvited(rater, String.format("resp-%03d", i), list.get(i).getValue(), when).orElseThrow();
        }
        return at;
    }

    /** A group and answers pair. */
    public static Map.Entry<RaterGroup, Answers> answer(RaterGroup group, Answers answers) {
        return Map.entry(group, answers);
    }
}

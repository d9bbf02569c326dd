package fi.kasvu.lms.web;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Records one completion's scores: first every other learner the activity names for the document
 * ({@link Activity#scoredSubjects}), then the session's own learner. The own score comes last, so
 * that "the session's learner is recorded" (what the sweeper asks before it reads a document)
 * means every named learner was recorded too; a failure half-way leaves the own score unrecorded
 * and the sweeper does it all again (recording a score twice queues nothing the second time).
 */
final class CompletionScores {

    private CompletionScores() {
    }

    /**
     * Records the scores.
     *
     * @return how many learners' scores were handed to the publisher (the own one included)
     * @throws RuntimeException if the publisher or the activity fails; the own score is then not recorded
     */
    static int publish(ScorePublisher scores, Activity activity, PageSession session,
                       Activity.Completion completion, Instant at) {
        Set<String> others = new LinkedHashSet<>(activity.scoredSubjects(session.tenant(), session.documentId()));
        others.remove(session.subject());
        for (String subject : others) {
            if (!subject.isBlank()) {
                scores.publishCompletion(session, subject, completion, at);
            }
        }
        scores.publishCompletion(session, completion, at);
        return others.size() + 1;
    }
}

package fi.kasvu.lms.activity.experiment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which members of a completed team this process has already recorded a completion for. A team
 * completes through one member's request, and the web layer records the score of that request's
 * learner only; every other member is recorded on their next page of the team, once. The web
 * layer's score state cannot tell "never sent" from "delivered", so the kind keeps this itself.
 * It is kept in memory: after a restart a member's next visit records the same full score once
 * more, which the platform's gradebook takes as the same result (scores are idempotent in AGS).
 */
final class ScoredMembers {

    /** The most pairs kept before the set starts afresh (a bound on memory, at the cost of one repeat each). */
    static final int MAX = 100_000;

    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    /** Whether this is the first time the member's completion of the team is recorded (and records it). */
    boolean firstTime(String experimentId, String subject) {
        if (recorded.size() >= MAX) {
            recorded.clear();
        }
        return recorded.add(experimentId + "\n" + subject);
    }
}

package fi.kasvu.programme;

import fi.kasvu.common.Require;

/** What fulfils an assignment: a reflection written in Kasvu, or a Kasvu activity. */
public sealed interface Fulfilment {

    /** A reflection the participant writes and submits and the coach gives feedback on ({@link ReflectionAssignment}). */
    record Reflection() implements Fulfilment {
    }

    /**
     * A Kasvu activity, such as the 360 at the start of seed 003.
     *
     * @param kind       which kind of activity
     * @param activityId the activity (an LMS resource link, say), or null until the organiser links one
     */
    record Activity(ActivityKind kind, String activityId) implements Fulfilment {
        /** @throws NullPointerException if the kind is missing; IllegalArgumentException if the id is invalid */
        public Activity {
            Require.nonNull("kind", kind);
            if (activityId != null) {
                Require.id("activityId", activityId);
            }
        }

        /** An activity of the kind not linked yet. */
        public static Activity unlinked(ActivityKind kind) {
            return new Activity(kind, null);
        }
    }
}

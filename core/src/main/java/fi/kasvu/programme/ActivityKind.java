package fi.kasvu.programme;

/** The Kasvu activities an assignment can be fulfilled by. */
public enum ActivityKind {
    /** A GROW conversation. */
    GROW,
    /** A team experiment. */
    EXPERIMENT,
    /** A 360-degree assessment. */
    FEEDBACK_360,
    /** A development plan. */
    DEVELOPMENT_PLAN,
    /** A survey round. */
    SURVEY,
    /** A peer group's charter and meetings. */
    PEER_GROUP
}

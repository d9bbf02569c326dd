package fi.kasvu.programme;

/** The kinds of events the seed programmes hold. */
public enum EventKind {
    /** The opening event. */
    KICK_OFF,
    /** A coach-led session (seed 003's half-days: talks, peer discussion, group work). */
    COACHING_SESSION,
    /** A meetup with a speaker (seed 002's supervisor dates). */
    MEETUP,
    /** The closing event. */
    CLOSING
}

package fi.kasvu.grow;

/** The role a person has in one conversation (in a peer triad, the three roles rotate). */
public enum PeerRole {
    /** Asks the questions; never owns the answers. */
    COACH,
    /** Owns the conversation and everything written in it. */
    COACHEE,
    /** Listens and gives feedback on the coaching, in a peer triad. */
    OBSERVER
}

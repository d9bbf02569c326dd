package fi.kasvu.grow;

/** How a GROW conversation is held. */
public enum Mode {
    /** The coachee works alone, the questions acting as coach. */
    SELF,
    /** A peer triad: one coaches, one is coached, one observes; roles rotate between meetings. */
    PEER,
    /** A supervisor coaches an employee, as in a coaching-style development discussion. */
    SUPERVISOR,
    /** Group coaching: each member keeps their own conversation within the group's context. */
    GROUP
}

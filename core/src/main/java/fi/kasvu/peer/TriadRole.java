package fi.kasvu.peer;

/** The role a member holds in one meeting of a peer triad; the roles rotate from meeting to meeting. */
public enum TriadRole {
    /** Asks the questions and keeps to the GROW structure. */
    COACH,
    /** Brings their own situation and is coached. */
    COACHEE,
    /** Listens, and gives feedback on the conversation at the end. */
    OBSERVER
}

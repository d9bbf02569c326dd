package fi.kasvu.programme;

/** What a person does in a programme. */
public enum ProgrammeRole {
    /** Takes part: attends events and does the assignments. */
    PARTICIPANT,
    /** Leads sessions and gives feedback on reflections. */
    COACH,
    /** Plans and adapts the programme. */
    ORGANISER
}

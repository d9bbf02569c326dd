package fi.kasvu.programme;

/** Seed 003's two kinds of assignment. */
public enum AssignmentKind {
    /** Done between sessions, often trying something with one's own team (välitehtävä). */
    INTERMEDIATE,
    /** Done at the end of the programme (lopputehtävä). */
    FINAL
}

package fi.kasvu.peer;

/** The part a member plays in their group for the whole programme. */
public enum MemberRole {
    /** A peer among peers (triads, coaching groups). */
    PEER,
    /** A supervisor in a reverse-mentoring group, who learns from the newcomers. */
    MENTOR,
    /** A newcomer in a reverse-mentoring group, who brings a fresh view. */
    MENTEE,
    /** The supervisor who onboards the newcomers of an onboarding pool group. */
    ONBOARDER,
    /** A newcomer being onboarded. */
    ONBOARDEE
}

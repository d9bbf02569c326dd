package fi.kasvu.peer;

/** A soft goal of formation; each scores a group from 0 (worst) to 1 (best). */
public enum Criterion {
    /** Distinct organisations among the members, per member. */
    ORGANISATION_DIVERSITY,
    /** Distinct sites or regions among the members, per member. */
    REGION_DIVERSITY,
    /** Share of member pairs with at least one interest in common. */
    SHARED_INTERESTS,
    /** Share of member pairs who have not been in a group together in an earlier round. */
    NEW_ENCOUNTERS
}

package fi.kasvu.experiment;

/** The part a person has in an experiment; it decides what they may change ({@link EditRights}). */
public enum ExperimentRole {
    /** Leads the process: moves it from step to step, records the decision, shares the result. */
    FACILITATOR,
    /** A member of the work community: contributes to the picture, the mappings, the plan and the observations. */
    MEMBER
}

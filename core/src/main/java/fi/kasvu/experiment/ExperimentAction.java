package fi.kasvu.experiment;

/** Everything a person can do to an experiment, as checked by {@link EditRights}. */
public enum ExperimentAction {
    /** Add an entry of one's own to the situational picture. */
    ADD_TO_PICTURE,
    /** Remove one's own entry from the situational picture. */
    REMOVE_OWN_ENTRY,
    /** Remove another person's entry from the situational picture (moderation). */
    REMOVE_ANY_ENTRY,
    /** Edit the phenomenon mapping, the change mapping or the plan draft. */
    EDIT_CONTENT,
    /** Record a dated observation while the experiment runs. */
    OBSERVE,
    /** Close a step and move to the next (picture, mappings, start of the run). */
    ADVANCE,
    /** Record the evaluation against the success criteria. */
    EVALUATE,
    /** Record the team's decision. */
    DECIDE,
    /** Publish the experiment to the library. */
    SHARE,
    /** Add or remove team members. */
    MANAGE_MEMBERS
}

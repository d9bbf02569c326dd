package fi.kasvu.feedback;

/** Whose eyes a 360 response sees the subject through. */
public enum RaterGroup {
    /** The subject rating themselves. */
    SELF,
    /** The subject's own supervisor; shown apart only with the subject's prior consent. */
    SUPERVISOR,
    /** Colleagues at the subject's level (fellow supervisors, in seed 003). */
    PEERS,
    /** The people the subject leads. */
    DIRECT_REPORTS,
    /** Anyone else: customers, partners, people from other units. */
    OTHERS
}

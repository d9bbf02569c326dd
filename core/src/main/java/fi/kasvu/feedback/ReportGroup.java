package fi.kasvu.feedback;

/**
 * The groups a 360 report shows figures for: everyone but the subject, and the rater groups
 * large enough (or, for the supervisor, consented) to be shown apart.
 */
public enum ReportGroup {
    /** Every rater whose answers the report uses, the subject excluded: "the others". */
    ALL_RATERS,
    /** The supervisor, shown apart only with the subject's prior consent. */
    SUPERVISOR,
    /** Peers, when at least the threshold answered. */
    PEERS,
    /** Direct reports, when at least the threshold answered. */
    DIRECT_REPORTS,
    /** Others, together with any group too small to be shown apart. */
    OTHERS;

    /** The group this one is part of: {@link #ALL_RATERS} for every other group. */
    ReportGroup parent() {
        return this == ALL_RATERS ? null : ALL_RATERS;
    }

    /** The report group a rater group is shown under when shown apart. */
    static ReportGroup of(RaterGroup group) {
        return switch (group) {
            case SUPERVISOR -> SUPERVISOR;
            case PEERS -> PEERS;
            case DIRECT_REPORTS -> DIRECT_REPORTS;
            case OTHERS -> OTHERS;
            case SELF -> throw new IllegalArgumentException("the subject's own answers are not a report group");
        };
    }
}

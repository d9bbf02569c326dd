package fi.kasvu.lms.lti;

/** Assignment and Grade Services scope and media type names. */
public final class Ags {

    /** Scope for posting scores. */
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    /** Scope for managing line items. */
    public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    /** Scope for reading line items. */
    public static final String SCOPE_LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    /** Scope for reading results. */
    public static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    /** Scope for reading the course roster (NRPS). */
    public static final String SCOPE_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private Ags() {
    }
}

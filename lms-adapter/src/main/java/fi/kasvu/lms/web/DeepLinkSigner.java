package fi.kasvu.lms.web;

/** The seam to the LTI layer's deep-linking response: a signed JWT carrying the chosen activity. */
public interface DeepLinkSigner {

    /**
     * The signed response JWT for the picker's session, with one {@code ltiResourceLink} item whose
     * custom parameters are the placement's and, when graded, a line item with the resource id.
     *
     * @throws IllegalStateException if the tool cannot sign (no key)
     */
    String sign(PageSession session, Placement placement, String description, String resourceId);
}

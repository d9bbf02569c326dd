package fi.kasvu.lms.moodle;

/**
 * An LTI tool registered on the site ({@code mod_lti_get_tool_types}). Moodle sends
 * {@code deploymentid} as a number here but as a string in launches, so it is kept as text.
 *
 * @param id the tool type id
 * @param name the name
 * @param description the description
 * @param platformid the platform issuer
 * @param clientid the LTI 1.3 client id
 * @param deploymentid the deployment id (the type id)
 * @param state the state
 * @param courseid 0 for a site tool, else the course
 * @param instancecount how many activities use it
 */
public record LtiToolType(Long id, String name, String description, String platformid, String clientid,
        String deploymentid, LtiToolTypeState state, Long courseid, Integer instancecount) {
}

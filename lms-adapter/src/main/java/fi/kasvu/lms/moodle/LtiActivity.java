package fi.kasvu.lms.moodle;

/**
 * An LTI activity in a course ({@code mod_lti_get_ltis_by_courses}). Moodle sends
 * {@code instructorchoicesendname} as {@code "1"} but {@code instructorchoicesendemailaddr} as {@code 1}.
 *
 * @param id the instance id
 * @param coursemodule the course module id
 * @param course the course id
 * @param name the name
 * @param section the section
 * @param visible whether it is visible
 * @param typeid the tool type id, or null
 * @param toolurl the tool URL, often ""
 * @param instructorchoicesendname whether names are sent
 * @param instructorchoicesendemailaddr whether email addresses are sent
 * @param launchcontainer how it is launched
 */
public record LtiActivity(Long id, Long coursemodule, Long course, String name, Long section, Boolean visible,
        Long typeid, String toolurl, Boolean instructorchoicesendname, Boolean instructorchoicesendemailaddr,
        Integer launchcontainer) {
}

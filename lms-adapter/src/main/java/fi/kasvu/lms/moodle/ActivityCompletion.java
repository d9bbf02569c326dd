package fi.kasvu.lms.moodle;

/**
 * One activity's completion state for a user.
 *
 * @param cmid the course module id
 * @param modname the module type, such as {@code lti}
 * @param instance the module instance id
 * @param state 0 incomplete, 1 complete (2/3 pass/fail)
 * @param timecompleted when it was completed, 0 if not
 * @param tracking 0 none, 1 manual, 2 automatic
 * @param overrideby who overrode the state, or null
 * @param hascompletion whether the activity tracks completion
 * @param isautomatic whether completion is automatic
 * @param istrackeduser whether the user is tracked (false for users not enrolled)
 * @param uservisible whether the user sees the activity
 * @param isoverallcomplete whether every completion rule is met
 */
public record ActivityCompletion(Long cmid, String modname, Long instance, Integer state, Long timecompleted,
        Integer tracking, Long overrideby, Boolean hascompletion, Boolean isautomatic, Boolean istrackeduser,
        Boolean uservisible, Boolean isoverallcomplete) {
}

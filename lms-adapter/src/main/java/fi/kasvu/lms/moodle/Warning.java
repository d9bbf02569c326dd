package fi.kasvu.lms.moodle;

/**
 * A per-item problem Moodle reports without failing the whole call; {@code warningcode} is a
 * string because Moodle sends it as one (for example {@code "2"} for a missing cohort member).
 *
 * @param item what kind of item, or null
 * @param itemid the item's id, or null
 * @param warningcode Moodle's code for the problem
 * @param message Moodle's description
 */
public record Warning(String item, Long itemid, String warningcode, String message) {
}

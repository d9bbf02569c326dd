/**
 * A Moodle web-service client on {@code java.net.http}: REST calls with Moodle's form encoding,
 * typed results decoded with JSON-B, typed Moodle errors, safe retries and a cap on concurrent calls.
 *
 * <p>Start with {@link fi.kasvu.lms.moodle.MoodleClient#newBuilder()}; every web-service function
 * Kasvu uses has a typed factory in {@link fi.kasvu.lms.moodle.MoodleCalls}.
 */
package fi.kasvu.lms.moodle;

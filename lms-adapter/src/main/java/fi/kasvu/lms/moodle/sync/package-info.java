/**
 * Publishes a peer-group formation ({@code groups.json}) to a Moodle course: one group per Kasvu
 * group and one grouping per formation (idempotent by {@code idnumber}), the members, planned
 * meetings as group calendar events, and a welcome message per member in their language.
 *
 * <p>A run reads Moodle's state first, plans, and then writes only what is missing, in batches;
 * a run that failed half-way is finished by running it again. Messages, which Moodle cannot be
 * asked about, are tracked in a {@link fi.kasvu.lms.moodle.sync.SyncJournal}.
 */
package fi.kasvu.lms.moodle.sync;

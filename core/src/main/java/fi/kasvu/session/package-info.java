/**
 * Who is signed in and who was seen: the ports for sign-in sessions (kept only as a hash of their
 * token, with an idle and an absolute end, revocable by platform and by person) and for the people
 * seen in an activity with the name their platform sent. Both hold personal data, so the stores
 * that implement them take part in export and erasure.
 */
package fi.kasvu.session;

/**
 * Coaching programmes (valmennusprosessi; seeds 002 and 003): phases with events (kick-off,
 * coaching sessions, meetups with speakers, closing; on site, online or both) and intermediate
 * and final assignments fulfilled by a reflection or a Kasvu activity; members with roles;
 * templates an organiser adapts; rules that return typed problems; a timeline per person;
 * reflection assignments private to the learner and their coach; and reminder items that never
 * carry anyone's text.
 */
package fi.kasvu.programme;

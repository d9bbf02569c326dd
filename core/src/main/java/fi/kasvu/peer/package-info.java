/**
 * Peer groups across organisations: participants, the four group kinds (peer triads, reverse
 * mentoring, coaching groups, onboarding pools), their formation under hard constraints with an
 * explained score and upper bound, and the life of a group (charter, meetings with rotating
 * roles, notes for members only, reflections for their author only).
 */
package fi.kasvu.peer;

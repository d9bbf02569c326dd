/**
 * The shared library of case examples, experiments and insights (seed 004): tagged entries of an
 * organisation, visible to a team, the organisation or everyone, with the author shown only if
 * the author chooses, searchable by tag and text. An experiment reaches the library through its
 * Share step ({@link fi.kasvu.library.ExperimentSharing}).
 */
package fi.kasvu.library;

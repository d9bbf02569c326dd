/**
 * The shared kernel every feature uses: languages and localized text, tenant and person
 * identity, validation of constructor arguments, typed rule problems, and versions for
 * optimistic locking. Nothing here does I/O.
 */
package fi.kasvu.common;

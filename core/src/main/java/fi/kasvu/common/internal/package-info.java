/**
 * Machinery the feature services share (load, change, stamp, save with the version read, retry
 * on a conflict, publish). Not API: the module does not export this package, and it may change
 * in any release.
 */
package fi.kasvu.common.internal;

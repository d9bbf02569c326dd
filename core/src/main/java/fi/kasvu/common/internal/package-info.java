/**
 * Machinery the feature services share (load, change, stamp, save with the version read, retry
 * on a conflict, publish) and the SHA-256 of derived ids ({@link fi.kasvu.common.internal.Hashes}).
 * Not API: the module does not export this package, and it may change in any release.
 */
package fi.kasvu.common.internal;

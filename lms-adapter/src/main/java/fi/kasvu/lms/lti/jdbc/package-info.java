/**
 * The LTI storage ports on {@code kasvu-store-jdbc}: registrations and tool keys as documents of a
 * tool-wide tenant, nonces as single-use tokens, launch state as expiring values, scores in the
 * outbox. H2 on disk by default, PostgreSQL when several instances share one database.
 */
package fi.kasvu.lms.lti.jdbc;

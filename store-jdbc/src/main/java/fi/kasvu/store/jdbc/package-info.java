/**
 * Core's repository ports on JDBC: embedded H2 by default, PostgreSQL for real deployments and
 * for several server instances sharing one database. {@link fi.kasvu.store.jdbc.KasvuDatabase}
 * opens the pool and migrates the schema; the stores built on it hold documents, single-use
 * tokens, expiring values and an outbox; {@link fi.kasvu.store.jdbc.PersonalDataService} exports
 * and erases one person's data.
 */
package fi.kasvu.store.jdbc;

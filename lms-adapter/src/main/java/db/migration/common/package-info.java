/** Flyway Java migrations of the LMS adapter's data, found next to the store's SQL migrations. */
package db.migration.common;

/**
 * Kasvu's JSON format: every aggregate as a versioned document ({@code schemaVersion}), written
 * and read through JSON-B (Eclipse Yasson at run time). Domain types carry no JSON annotations;
 * each aggregate has a codec here that writes it field by field and reads it through a
 * path-aware cursor, so that bad input fails with the JSON path and the problem
 * ({@code $.options[2].impact: must be 1..5: 7}) and nothing half-built escapes.
 *
 * <p>The public surface is {@link fi.kasvu.json.KasvuJson} and
 * {@link fi.kasvu.json.KasvuJsonException}; the format is documented in {@code docs/json-format.md}.
 */
package fi.kasvu.json;

/**
 * What the {@code kasvu groups} command and the peer-group activity share: reading the
 * participants CSV, line by line and column by column, with Apache Commons CSV.
 */
package fi.kasvu.lms.peer;

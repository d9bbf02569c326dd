/**
 * Texts in Finnish, Swedish and English: the GROW question bank (built in, and extended or
 * replaced by an agency's own file without recompiling; see {@code docs/question-bank.md}) and
 * the messages for GROW rule problems. English is the fallback for any text missing in another
 * language.
 */
package fi.kasvu.i18n;

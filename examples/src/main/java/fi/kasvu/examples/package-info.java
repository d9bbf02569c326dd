/**
 * Runnable examples: {@link fi.kasvu.examples.GrowConsole}, a GROW conversation in the terminal
 * (the README's run command), and {@link fi.kasvu.examples.EmbedCore}, the shortest way to embed
 * core in an agency's own system.
 */
package fi.kasvu.examples;

/** The {@code kasvu} command line: the picocli root command and its subcommands. */
package fi.kasvu.lms.cli;

package fi.kasvu.lms.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kasvu} command: one entry point for the server, peer-group formation, the Moodle
 * client and administration. Each feature adds its subcommand class to the list below.
 */
@Command(name = "kasvu",
        mixinStandardHelpOptions = true,
        versionProvider = KasvuCommand.Version.class,
        description = "Kasvu: coaching and learning work culture inside your learning platform.",
        subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, PlatformCommand.class, KeysCommand.class,
                GroupsCommand.class, MoodleCommand.class, GdprCommand.class, SessionsCommand.class,
                SurveysCommand.class, ProgrammeCommand.class})
public final class KasvuCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The command line with Kasvu's conventions: case-insensitive enums, usage help on errors, and
     * one sentence instead of a stack trace when a command fails ({@link Failures}).
     */
    public static CommandLine newCommandLine() {
        return new CommandLine(new KasvuCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new Failures(System.getenv()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KasvuCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kasvu " + (version == null ? "development" : version)};
        }
    }
}

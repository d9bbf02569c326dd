package fi.kasvu.lms.cli;

import fi.kasvu.common.PersonId;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.session.Sessions;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu sessions revoke}: ends page sessions at once, by platform or by user. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Manages the sign-in sessions of Kasvu's pages.",
        subcommands = {SessionsCommand.Revoke.class})
public final class SessionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu sessions revoke --platform ISSUER --client-id ID | --user ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Ends every session of a platform registration, or of a user, on every server instance.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--platform", description = "The platform's issuer; with --client-id.")
        String issuer;
        @Option(names = "--client-id", description = "The client id of the platform's registration.")
        String clientId;
        @Option(names = "--user", description = "The user's platform id (the LTI sub claim), in every platform.")
        String user;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean byPlatform = issuer != null || clientId != null;
            if (byPlatform == (user != null)) {
                err.println("sessions revoke: give either --platform with --client-id, or --user");
                return 2;
            }
            if (byPlatform && (issuer == null || clientId == null || issuer.isBlank() || clientId.isBlank())) {
                err.println("sessions revoke: --platform needs --client-id (a registration is issuer + client id)");
                return 2;
            }
            if (user != null && (user.isBlank() || user.length() > 255)) {
                err.println("sessions revoke: --user must be 1..255 characters: " + user.length() + " characters");
                return 2;
            }
            try (KasvuDatabase db = KasvuDatabase.open(database.config(System.getenv()))) {
                Sessions sessions = KasvuRepositories.of(db, KasvuJson.create(), Clock.systemUTC()).sessions();
                int ended = byPlatform ? sessions.revokePlatform(issuer + "|" + clientId)
                        : sessions.revokePerson(PersonId.of(user));
                out.println("Ended " + ended + " session" + (ended == 1 ? "" : "s") + ".");
            }
            return 0;
        }
    }
}

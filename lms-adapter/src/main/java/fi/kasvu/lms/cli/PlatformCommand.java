package fi.kasvu.lms.cli;

import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu platform add|list|remove}: the LTI platforms Kasvu trusts. */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Manages registered LTI 1.3 platforms (each issuer + client id is one registration).",
        subcommands = {PlatformCommand.Add.class, PlatformCommand.ListPlatforms.class, PlatformCommand.Remove.class})
public final class PlatformCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu platform add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Registers a platform by hand, or adds deployments to a registered one.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--issuer", required = true, description = "The platform's issuer (Moodle: its wwwroot).")
        String issuer;
        @Option(names = "--client-id", required = true, description = "The client id the platform gave Kasvu.")
        String clientId;
        @Option(names = "--auth-url", required = true, description = "OIDC authorization endpoint (Moodle: /mod/lti/auth.php).")
        URI authUrl;
        @Option(names = "--token-url", required = true, description = "Token endpoint (Moodle: /mod/lti/token.php).")
        URI tokenUrl;
        @Option(names = "--jwks-url", required = true, description = "Platform keyset (Moodle: /mod/lti/certs.php).")
        URI jwksUrl;
        @Option(names = "--deployment-id", required = true, description = "Deployment id (Moodle: the tool type id); repeatable.")
        List<String> deploymentIds;
        @Option(names = "--name", description = "A name for admins (default: the issuer).")
        String name;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PlatformRegistration registration;
            try {
                registration = new PlatformRegistration(issuer, clientId, authUrl, tokenUrl, jwksUrl,
                        new LinkedHashSet<>(deploymentIds), name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("platform add: " + e.getMessage());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                Registrations registrations = JdbcLtiStorage.on(db).registrations();
                Optional<PlatformRegistration> existing = registrations.find(issuer, clientId);
                PlatformRegistration stored = existing.map(e -> e.updatedBy(registration)).orElse(registration);
                registrations.save(stored);
                out.println((existing.isPresent() ? "Updated " : "Registered ") + describe(stored));
            }
            return 0;
        }
    }

    /** {@code kasvu platform list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered platforms.")
    static final class ListPlatforms implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                List<PlatformRegistration> all = JdbcLtiStorage.on(db).registrations().all();
                if (all.isEmpty()) {
                    out.println("No platforms registered. Use Dynamic Registration (/lti/register) or `kasvu platform add`.");
                }
                all.forEach(r -> out.println(describe(r)));
            }
            return 0;
        }
    }

    /** {@code kasvu platform remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a platform registration.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--issuer", required = true, description = "The platform's issuer.")
        String issuer;
        @Option(names = "--client-id", required = true, description = "The client id.")
        String clientId;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                if (JdbcLtiStorage.on(db).registrations().remove(issuer, clientId)) {
                    spec.commandLine().getOut().println("Removed " + issuer + " client " + clientId);
                    return 0;
                }
                spec.commandLine().getErr().println("platform remove: no registration for issuer " + issuer
                        + " and client id " + clientId);
                return 1;
            }
        }
    }

    static String describe(PlatformRegistration r) {
        return r.issuer() + "  client " + r.clientId() + "  deployments " + r.deploymentIds().stream().sorted().toList()
                + "  (" + r.name() + ")";
    }
}

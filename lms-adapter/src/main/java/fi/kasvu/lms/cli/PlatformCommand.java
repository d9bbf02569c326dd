package fi.kasvu.lms.cli;

import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.RegistrationState;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.lms.lti.ToolConfiguration;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu platform invite|add|list|approve|disable|remove|moodle}: the LTI platforms Kasvu trusts. */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Manages registered LTI 1.3 platforms (each issuer + client id is one registration).",
        subcommands = {PlatformCommand.Invite.class, PlatformCommand.Add.class, PlatformCommand.ListPlatforms.class,
                PlatformCommand.Approve.class, PlatformCommand.Disable.class, PlatformCommand.Remove.class,
                PlatformCommand.Moodle.class})
public final class PlatformCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu platform invite}: a single-use Dynamic Registration link. */
    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Creates a single-use, expiring Dynamic Registration URL to paste into the platform "
                    + "(Moodle: Manage tools > Tool URL). Only a hash of it is stored.")
    static final class Invite implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--base-url", paramLabel = "URL",
                description = "Kasvu's public URL, as given to kasvu serve (default: $KASVU_BASE_URL).")
        URI baseUrl;
        @Option(names = "--valid-for", defaultValue = "60", paramLabel = "MINUTES",
                description = "How long the link works, 1..10080 minutes (default: ${DEFAULT-VALUE}).")
        int validMinutes;
        @Option(names = "--require-approval",
                description = "Keep the registration pending until `kasvu platform approve` (you see its endpoints "
                        + "first).")
        boolean requireApproval;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            URI base = baseUrl != null ? baseUrl : Optional.ofNullable(System.getenv("KASVU_BASE_URL"))
                    .filter(v -> !v.isBlank()).map(v -> URI.create(v.strip())).orElse(null);
            if (base == null) {
                err.println("platform invite: give --base-url (Kasvu's public URL) or set KASVU_BASE_URL");
                return 2;
            }
            if (validMinutes < 1 || validMinutes > 7 * 24 * 60) {
                err.println("platform invite: --valid-for must be 1..10080 minutes: " + validMinutes);
                return 2;
            }
            ToolConfiguration tool;
            try {
                tool = new ToolConfiguration(base, "Kasvu");
            } catch (IllegalArgumentException e) {
                err.println("platform invite: " + e.getMessage());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                DynamicRegistration.Invite invite = create(db, tool, Duration.ofMinutes(validMinutes),
                        requireApproval);
                PrintWriter out = spec.commandLine().getOut();
                out.println(invite.url());
                out.println("Paste this URL into the platform's tool URL (Moodle: Site administration > Plugins > "
                        + "Activity modules > External tool > Manage tools > Tool URL, then \"Add LTI Advantage\").");
                out.println("It works once, until " + invite.expiresAt() + "."
                        + (requireApproval ? " The registration will wait for `kasvu platform approve`." : ""));
            }
            return 0;
        }
    }

    /** A single-use registration invite stored in the database; {@code kasvu serve --invite} makes one too. */
    static DynamicRegistration.Invite create(KasvuDatabase db, ToolConfiguration tool, Duration validFor,
                                             boolean requireApproval) {
        JdbcLtiStorage storage = JdbcLtiStorage.on(db);
        return new DynamicRegistration(HttpClient.newHttpClient(), storage.registrations(), storage.invites(), tool,
                Clock.systemUTC(), SecureIds.generator(), DynamicRegistration.Policy.defaults())
                .invite(validFor, requireApproval);
    }

    /** {@code kasvu platform approve}. */
    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Activates a pending (or disabled) registration, so that its launches are accepted.")
    static final class Approve implements Callable<Integer> {
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
            return changeState(spec, database, issuer, clientId, RegistrationState.ACTIVE, "approve");
        }
    }

    /** {@code kasvu platform disable}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a registration: its logins and launches are refused, its data is kept.")
    static final class Disable implements Callable<Integer> {
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
            return changeState(spec, database, issuer, clientId, RegistrationState.DISABLED, "disable");
        }
    }

    private static int changeState(CommandLine.Model.CommandSpec spec, DatabaseOptions database, String issuer,
                                   String clientId, RegistrationState state, String verb) throws Exception {
        try (KasvuDatabase db = database.openExisting(System.getenv())) {
            Registrations registrations = JdbcLtiStorage.on(db).registrations();
            Optional<PlatformRegistration> found = registrations.find(issuer, clientId);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("platform " + verb + ": no registration for issuer " + issuer
                        + " and client id " + clientId);
                return 1;
            }
            PlatformRegistration changed = found.get().withState(state);
            registrations.save(changed);
            spec.commandLine().getOut().println("Now " + state.code() + ": " + describe(changed));
            return 0;
        }
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
                JdbcLtiStorage storage = JdbcLtiStorage.on(db);
                List<PlatformRegistration> all = storage.registrations().all();
                if (all.isEmpty()) {
                    out.println("No platforms registered. Use `kasvu platform invite` (Dynamic Registration) or "
                            + "`kasvu platform add`.");
                }
                all.forEach(r -> {
                    out.println(describe(r));
                    out.println(endpoints(r));
                    try {
                        storage.moodleSites().find(r.issuer(), r.clientId()).ifPresent(m -> out.println(
                                "    moodle web services " + m.siteUrl() + " (configured " + m.configuredAt() + ")"));
                    } catch (RuntimeException e) {
                        out.println("    moodle web services: stored, but the token cannot be decrypted with this "
                                + "key-encryption key");
                    }
                });
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

    /**
     * {@code kasvu platform moodle}: the Moodle web services (site and token) Kasvu's activities may
     * call for one registered platform; the token is stored encrypted like the tool's keys.
     */
    @Command(name = "moodle", mixinStandardHelpOptions = true,
            description = "Configures the Moodle web services (site address and web-service token) that Kasvu's "
                    + "activities use for a registered platform, e.g. to import course groups or add calendar "
                    + "events. The token is checked with Moodle first and stored encrypted (docs/moodle-admin.md).")
    static final class Moodle implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--issuer", required = true, description = "The platform's issuer.")
        String issuer;
        @Option(names = "--client-id", required = true, description = "The client id.")
        String clientId;
        @Option(names = "--url", paramLabel = "URL",
                description = "The Moodle site's address (its wwwroot); it must be on the issuer's origin.")
        String url;
        @Option(names = "--token-file", paramLabel = "FILE",
                description = "A file holding the web-service token (never the token itself on the command line).")
        java.nio.file.Path tokenFile;
        @Option(names = "--allow-other-origin",
                description = "Accept a site address whose origin (scheme, host, port) is not the issuer's.")
        boolean allowOtherOrigin;
        @Option(names = "--no-check", description = "Store without asking Moodle whether the token works.")
        boolean noCheck;
        @Option(names = "--remove", description = "Remove the platform's Moodle web services instead.")
        boolean remove;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (remove) {
                if (url != null || tokenFile != null) {
                    err.println("platform moodle: --remove takes no --url or --token-file");
                    return 2;
                }
                try (KasvuDatabase db = database.openExisting(System.getenv())) {
                    if (JdbcLtiStorage.on(db).moodleSites().remove(issuer, clientId)) {
                        out.println("Removed the Moodle web services of " + issuer + " client " + clientId);
                        return 0;
                    }
                    err.println("platform moodle: no Moodle web services configured for issuer " + issuer
                            + " and client id " + clientId);
                    return 1;
                }
            }
            if (url == null || tokenFile == null) {
                err.println("platform moodle: give --url and --token-file (or --remove)");
                return 2;
            }
            MoodleCommand.Site site = new MoodleCommand.Site();
            site.url = url;
            site.tokenFile = tokenFile;
            site.timeoutSeconds = 30;
            fi.kasvu.lms.moodle.MoodleClient client;
            fi.kasvu.lms.moodle.MoodleToken token;
            fi.kasvu.lms.moodle.MoodleSiteConfig config;
            try {
                client = site.client();
                token = fi.kasvu.lms.moodle.MoodleToken.fromFile(tokenFile);
                config = new fi.kasvu.lms.moodle.MoodleSiteConfig(issuer, clientId, client.baseUrl(), token,
                        allowOtherOrigin, Clock.systemUTC().instant());
            } catch (IllegalArgumentException e) {
                err.println("platform moodle: " + e.getMessage()
                        + (e.getMessage().contains("origin") ? "; use --allow-other-origin if that is intended" : ""));
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                JdbcLtiStorage storage = JdbcLtiStorage.on(db);
                if (storage.registrations().find(issuer, clientId).isEmpty()) {
                    err.println("platform moodle: no registration for issuer " + issuer + " and client id " + clientId
                            + " (`kasvu platform list` shows them)");
                    return 1;
                }
                if (!noCheck) {
                    try {
                        fi.kasvu.lms.moodle.SiteInfo info = client.execute(fi.kasvu.lms.moodle.MoodleCalls.siteInfo());
                        out.println("Moodle answered: " + info.sitename() + ", Moodle " + info.release() + ", as "
                                + info.username() + " with " + info.functions().size() + " functions");
                        java.util.Set<String> missing = info.missingFunctions(
                                fi.kasvu.lms.moodle.MoodleCalls.ALL_FUNCTIONS);
                        if (!missing.isEmpty()) {
                            out.println("Not in the token's service (activities that need them say so): "
                                    + String.join(", ", new java.util.TreeSet<>(missing)));
                        }
                    } catch (fi.kasvu.lms.moodle.MoodleException e) {
                        err.println("platform moodle: Moodle refused the token: " + e.getMessage()
                                + "; nothing stored (--no-check stores it anyway)");
                        return 3;
                    } catch (java.io.IOException e) {
                        err.println("platform moodle: " + site.describe(e) + "; nothing stored (--no-check stores it"
                                + " anyway)");
                        return 1;
                    }
                }
                boolean replaced = storage.moodleSites().find(issuer, clientId).isPresent();
                storage.moodleSites().save(config);
                out.println((replaced ? "Replaced" : "Stored") + " the Moodle web services of " + issuer + " client "
                        + clientId + ": " + config.siteUrl() + (allowOtherOrigin && fi.kasvu.lms.moodle.MoodleSiteConfig
                        .originMismatch(issuer, config.siteUrl()).isPresent() ? " (another origin, allowed)" : "")
                        + ", token encrypted at rest");
            }
            return 0;
        }
    }

    static String describe(PlatformRegistration r) {
        return r.issuer() + "  client " + r.clientId() + "  " + r.state().code() + "  deployments "
                + r.deploymentIds().stream().sorted().toList() + "  (" + r.name() + ")";
    }

    static String endpoints(PlatformRegistration r) {
        return "    auth " + r.authUrl() + "\n    token " + r.tokenUrl() + "\n    keyset " + r.jwksUrl();
    }
}

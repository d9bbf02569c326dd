package fi.kasvu.lms.cli;

import fi.kasvu.lms.lti.DynamicRegistration;
import fi.kasvu.i18n.QuestionBank;
import fi.kasvu.i18n.QuestionBankException;
import fi.kasvu.lms.activity.grow.QuestionSource;
import fi.kasvu.lms.server.KasvuServer;
import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu serve}: the LTI 1.3 tool on embedded Jetty, H2 by default. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the Kasvu LTI 1.3 tool (embedded Jetty; embedded H2 under ./data unless --db says otherwise).")
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--smtp-host", paramLabel = "HOST",
            description = "Mail server for e-mail reminders of programmes; without it no reminders are sent.")
    private String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "25", paramLabel = "PORT",
            description = "The mail server's port (default: ${DEFAULT-VALUE}).")
    private int smtpPort;

    @Option(names = "--smtp-from", defaultValue = "kasvu@localhost", paramLabel = "ADDRESS",
            description = "The reminders' sender address (default: ${DEFAULT-VALUE}).")
    private String smtpFrom;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public URL of this server as platforms reach it, e.g. https://kasvu.example.org "
                    + "(default: http://localhost:<port>).")
    URI baseUrl;

    @Option(names = "--skew", defaultValue = "60", paramLabel = "SECONDS",
            description = "Clock skew allowed on id_tokens, 0..600 seconds (default: ${DEFAULT-VALUE}).")
    int skewSeconds;

    @Option(names = "--registration-hosts", split = ",", paramLabel = "HOST",
            description = "Only these platform hosts may be contacted by Dynamic Registration (comma-separated; "
                    + "default: $KASVU_REGISTRATION_HOSTS, or any host that an invite is used from).")
    java.util.List<String> registrationHosts;

    @Option(names = "--invite", description = "Print a single-use Dynamic Registration link (valid 60 minutes) once "
            + "Kasvu runs: with embedded H2 `kasvu platform invite` cannot open the database while serve holds it.")
    boolean invite;

    @Option(names = "--max-registrations", defaultValue = "100", paramLabel = "N",
            description = "How many platform registrations Dynamic Registration may create in all (default: "
                    + "${DEFAULT-VALUE}).")
    int maxRegistrations;

    @Option(names = "--questions", paramLabel = "FILE",
            description = "The agency's own question bank (UTF-8, format in docs/question-bank.md), applied over the"
                    + " built-in one; checked at start, every bad line named with its number.")
    Path questions;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, then stop at once: bin/kasvu records the JVM's class-data archive with it, which "
                    + "makes later starts faster (docs/benchmarks.md).")
    boolean exitWhenReady;

    @Mixin
    DatabaseOptions database;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (skewSeconds < 0 || skewSeconds > 600) {
            err.println("--skew must be 0..600 seconds: " + skewSeconds);
            return 2;
        }
        if (questions != null) {
            Integer refused = loadQuestions(err);
            if (refused != null) {
                return refused;
            }
        }
        KasvuServer.Settings settings;
        try {
            java.util.List<String> hosts = registrationHosts != null ? registrationHosts
                    : java.util.Arrays.stream(java.util.Optional.ofNullable(System.getenv("KASVU_REGISTRATION_HOSTS"))
                    .orElse("").split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
            settings = new KasvuServer.Settings(host, port, java.util.Optional.ofNullable(baseUrl),
                    Duration.ofSeconds(skewSeconds), Duration.ofSeconds(5), DynamicRegistration.Policy.defaults()
                    .withAllowedHosts(java.util.Set.copyOf(hosts)).withMaxRegistrations(maxRegistrations));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        DatabaseConfig config = database.config(System.getenv());
        KasvuDatabase db = database.openOrCreate(System.getenv(), out);
        KasvuServer server;
        try {
            server = KasvuServer.start(db, settings, Clock.systemUTC());
        } catch (Exception e) {
            db.close();
            err.println("Kasvu could not start on port " + port + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> shutdown(server, db), "kasvu-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Kasvu is running at " + server.baseUrl());
        try {
            boolean smtp = smtpHost != null && !smtpHost.isBlank();
            server.startReminders(smtp ? new fi.kasvu.lms.reminder.SmtpMailSender(smtpHost, smtpPort, smtpFrom,
                    Duration.ofSeconds(20)) : null, Duration.ofMinutes(5), java.net.InetAddress.getLocalHost()
                    .getHostName() + "-" + ProcessHandle.current().pid());
            out.println(smtp ? "Reminders by e-mail through " + smtpHost + ":" + smtpPort
                    + " and by Moodle message where configured, every 5 minutes."
                    : "Reminders by Moodle message where a platform has Moodle web services configured, every 5 "
                            + "minutes (no --smtp-host: no e-mail).");
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            err.println("Reminders are off: " + e.getMessage());
        }
        if (invite) {
            DynamicRegistration.Invite link = PlatformCommand.create(db,
                    new fi.kasvu.lms.lti.ToolConfiguration(server.baseUrl(), "Kasvu"), Duration.ofMinutes(60), false);
            out.println("Registration link (works once, until " + link.expiresAt() + "): " + link.url());
            out.println("Paste it into Moodle (Site administration > Plugins > Activity modules > External tool > "
                    + "Manage tools > Tool URL, then \"Add LTI Advantage\").");
        } else {
            out.println("To register a platform, start with --invite (`bin/run --invite`) for a single-use link, or "
                    + "create one with `kasvu platform invite --base-url " + server.baseUrl() + "` (with embedded H2,"
                    + " while Kasvu is stopped), and paste it into Moodle (Site administration > Plugins > Activity"
                    + " modules > External tool > Manage tools > Tool URL, then \"Add LTI Advantage\").");
        }
        out.println("Manual registration: login " + server.tool().loginUrl() + ", launch/redirect "
                + server.tool().launchUrl() + ", keyset " + server.tool().jwksUrl());
        out.println("Database: " + config.url() + " (" + config.dialect() + "). Stop with Ctrl+C.");
        out.flush();
        if (exitWhenReady) {
            stop();
        }
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook does the work.
        }
        shutdown(server, db);
        return 0;
    }

    /** Loads the agency's question bank for the pages; returns the exit status when the file is unusable, else null. */
    private Integer loadQuestions(PrintWriter err) {
        QuestionBank bank;
        try (InputStream in = Files.newInputStream(questions)) {
            bank = QuestionBank.builtIn().withFile(questions.toString(), in);
        } catch (IOException e) {
            err.println("cannot read the question bank " + Failures.describe(e, questions) + "; nothing was started.");
            return 2;
        } catch (QuestionBankException e) {
            err.println(questions + ": " + e.errors().size() + (e.errors().size() == 1 ? " bad line" : " bad lines")
                    + " in the question bank; nothing was started:");
            e.errors().stream().limit(GroupsCommand.SHOWN_PROBLEMS).forEach(line -> err.println("  line " + line.line()
                    + (line.key().isEmpty() ? "" : " (" + Failures.excerpt(line.key()) + ")") + ": "
                    + Failures.cap(line.problem())));
            if (e.errors().size() > GroupsCommand.SHOWN_PROBLEMS) {
                err.println("  … and " + (e.errors().size() - GroupsCommand.SHOWN_PROBLEMS) + " more.");
            }
            return 2;
        }
        QuestionSource.use(bank);
        return null;
    }

    /** Stops a running {@code serve} (for embedding and tests; Ctrl+C does the same). */
    public void stop() {
        stopped.countDown();
    }

    private static void shutdown(KasvuServer server, KasvuDatabase db) {
        try {
            server.close();
        } catch (Exception e) {
            // Shutting down; nothing more to do.
        }
        db.close();
    }
}

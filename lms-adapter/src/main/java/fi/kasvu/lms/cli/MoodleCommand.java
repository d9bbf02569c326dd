package fi.kasvu.lms.cli;

import fi.kasvu.common.Language;
import fi.kasvu.lms.moodle.MoodleCalls;
import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleException;
import fi.kasvu.lms.moodle.MoodleToken;
import fi.kasvu.lms.moodle.SiteInfo;
import fi.kasvu.lms.moodle.sync.FileSyncJournal;
import fi.kasvu.lms.moodle.sync.GroupSync;
import fi.kasvu.lms.moodle.sync.MatchBy;
import fi.kasvu.lms.moodle.sync.SyncInput;
import fi.kasvu.lms.moodle.sync.SyncProgress;
import fi.kasvu.lms.moodle.sync.SyncReport;
import fi.kasvu.lms.moodle.sync.SyncSettings;
import fi.kasvu.peer.Formation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kasvu moodle}: checks a Moodle web-service token and publishes peer groups to a course.
 *
 * <p>Exit status: 0 done (or nothing to do), 1 Moodle or the network failed half-way (run the same
 * command again to resume), 2 unusable input, 3 refused (course not found, token lacks functions).
 */
@Command(name = "moodle", mixinStandardHelpOptions = true,
        description = "Talk to a Moodle site through its REST web services.",
        subcommands = {MoodleCommand.Check.class, MoodleCommand.SyncGroups.class})
public final class MoodleCommand implements Runnable {

    /** Moodle or the network failed; running the same command again resumes. */
    static final int FAILED = 1;
    /** Unusable input. */
    static final int BAD_INPUT = 2;
    /** Moodle refused the job before anything was written. */
    static final int REFUSED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The site and token options every subcommand shares. */
    static final class Site {

        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "The Moodle site's address (its wwwroot), e.g. https://moodle.example.fi")
        String url;

        @Option(names = "--token-file", required = true, paramLabel = "FILE",
                description = "A file holding the web-service token (never pass the token itself on the command line)")
        Path tokenFile;

        @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
                description = "Seconds to wait for one answer (default ${DEFAULT-VALUE})")
        int timeoutSeconds;

        MoodleClient client() throws IOException {
            if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
                throw new IllegalArgumentException("--timeout must be 1..3600 seconds: " + timeoutSeconds);
            }
            URI base;
            try {
                base = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url is not a web address: " + Failures.excerpt(url));
            }
            if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
                throw new IllegalArgumentException("--url must be the site's http(s) address, such as"
                        + " https://moodle.example.fi: " + Failures.excerpt(url));
            }
            MoodleToken token;
            try {
                token = MoodleToken.fromFile(tokenFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the token file " + Failures.describe(e, tokenFile));
            }
            return MoodleClient.newBuilder().baseUrl(base).token(token)
                    .connectTimeout(Duration.ofSeconds(Math.min(10, timeoutSeconds)))
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        }

        /** Whether the host name resolves (Java's HTTP client reports an unknown host as a refused connection). */
        private static boolean resolves(String host) {
            try {
                java.net.InetAddress.getByName(host);
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        /** A transport failure in words: which host, and whether it is unknown, refused or silent. */
        String describe(IOException e) {
            URI base = URI.create(url.strip());
            String host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.UnknownHostException
                        || cause instanceof java.nio.channels.UnresolvedAddressException) {
                    return "unknown host " + base.getHost() + ": check --url";
                }
                if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                    return "no answer from " + host + " within " + Math.min(10, timeoutSeconds) + " s: check --url and"
                            + " the network";
                }
                if (cause instanceof java.net.ConnectException) {
                    if (!resolves(base.getHost())) {
                        return "unknown host " + base.getHost() + ": check --url";
                    }
                    return "connection refused by " + host + ": is Moodle running there, and is --url right?";
                }
                if (cause instanceof java.net.http.HttpTimeoutException) {
                    return "Moodle at " + host + " did not answer within " + timeoutSeconds + " s (--timeout)";
                }
            }
            return "talking to " + host + " failed: " + Failures.cap(String.valueOf(e.getMessage()));
        }
    }

    /** {@code kasvu moodle check}: who the token is, and which functions Kasvu needs that its service lacks. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Show the site, the token's user and the web-service functions the token's service lacks.")
    static final class Check implements Callable<Integer> {

        @CommandLine.Mixin
        Site site;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                MoodleClient moodle = site.client();
                SiteInfo info = moodle.execute(MoodleCalls.siteInfo());
                out.println("Site:    " + info.sitename() + " (" + info.siteurl() + "), Moodle " + info.release());
                out.println("User:    " + info.username() + " (" + info.fullname() + ", id " + info.userid() + ")"
                        + (Boolean.TRUE.equals(info.userissiteadmin()) ? ", site administrator" : ""));
                out.println("Service: " + info.functions().size() + " functions");
                Set<String> missingForSync = info.missingFunctions(GroupSync.requiredFunctions());
                Set<String> missingAll = info.missingFunctions(MoodleCalls.ALL_FUNCTIONS);
                if (missingForSync.isEmpty()) {
                    out.println("Peer-group sync: every function is there.");
                } else {
                    out.println("Peer-group sync: missing " + String.join(", ", missingForSync));
                }
                missingAll.removeAll(missingForSync);
                if (!missingAll.isEmpty()) {
                    out.println("Other Kasvu functions missing: " + String.join(", ", missingAll));
                }
                out.flush();
                return missingForSync.isEmpty() ? 0 : REFUSED;
            } catch (IllegalArgumentException e) {
                err.println("kasvu moodle check: " + e.getMessage());
                return BAD_INPUT;
            } catch (MoodleException e) {
                err.println("kasvu moodle check: Moodle refused: " + e.getMessage());
                return REFUSED;
            } catch (IOException e) {
                err.println("kasvu moodle check: " + site.describe(e));
                return FAILED;
            }
        }
    }

    /** {@code kasvu moodle sync-groups}: publishes a formation to a course, idempotently and resumably. */
    @Command(name = "sync-groups", mixinStandardHelpOptions = true,
            description = "Publish the groups of groups.json (from `kasvu groups form`) to a Moodle course: one group"
                    + " per Kasvu group, one grouping, the members, planned meetings as group events and a welcome"
                    + " message to each member. Safe to run again: it finishes an interrupted run and otherwise"
                    + " changes nothing.")
    static final class SyncGroups implements Callable<Integer> {

        @CommandLine.Mixin
        Site site;

        @Option(names = "--course", required = true, paramLabel = "SHORTNAME", description = "The course's short name")
        String course;

        @Option(names = "--groups", required = true, paramLabel = "FILE", description = "groups.json from `kasvu groups form`")
        Path groups;

        @Option(names = "--match-by", defaultValue = "email", paramLabel = "FIELD",
                description = "How participants are found among the course's users: email, username or idnumber"
                        + " (username and idnumber are compared with the participant id; default ${DEFAULT-VALUE})")
        MatchBy matchBy;

        @Option(names = "--dry-run", description = "Print what would be created, added and left alone; write nothing")
        boolean dryRun;

        @Option(names = "--batch-size", defaultValue = "250", paramLabel = "N",
                description = "Items per write call, 1..500 (default ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--meeting-time", defaultValue = "13:00", paramLabel = "HH:MM",
                description = "When planned meetings start (default ${DEFAULT-VALUE})")
        LocalTime meetingTime;

        @Option(names = "--meeting-minutes", defaultValue = "90", paramLabel = "MINUTES",
                description = "How long a meeting lasts (default ${DEFAULT-VALUE})")
        int meetingMinutes;

        @Option(names = "--zone", defaultValue = "Europe/Helsinki", paramLabel = "ZONE",
                description = "The meetings' time zone (default ${DEFAULT-VALUE})")
        String zone;

        @Option(names = "--language", paramLabel = "fi|sv|en",
                description = "The one language of the group, grouping and event names (default: the language the"
                        + " course forces, else the one most members prefer); welcome messages follow each member's"
                        + " own language")
        String language;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The sync journal (messages sent, grouping assignments); default: next to groups.json,"
                        + " named after it and the course")
        Path state;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SyncInput input;
            SyncSettings settings;
            MoodleClient moodle;
            try {
                settings = new SyncSettings(matchBy, batchSize, meetingTime, ZoneId.of(zone),
                        Duration.ofMinutes(meetingMinutes), language == null ? null : Language.ofCode(language));
                Formation formation = GroupsCommand.formationFiles().fromJson(Files.readString(groups, StandardCharsets.UTF_8),
                        Formation.class);
                input = SyncInput.from(formation);
                moodle = site.client();
            } catch (IOException e) {
                err.println("kasvu moodle sync-groups: cannot read " + Failures.describe(e, groups));
                return BAD_INPUT;
            } catch (RuntimeException e) {
                err.println("kasvu moodle sync-groups: " + Failures.describe(e));
                return BAD_INPUT;
            }
            Path journalFile = state != null ? state : defaultState(groups, course);
            SyncProgress progress = (step, done, total) -> {
                err.printf("  %s: %d/%d%n", step, done, total);
                err.flush();
            };
            try (FileSyncJournal journal = FileSyncJournal.open(journalFile)) {
                SyncReport report = new GroupSync(moodle, journal, settings, progress).run(course, input, dryRun);
                if (report.outcome() == SyncReport.Outcome.DRY_RUN) {
                    report.plan().describe().forEach(out::println);
                    out.println("Dry run: nothing was written.");
                } else {
                    report.describe().forEach(out::println);
                }
                out.flush();
                return report.outcome() == SyncReport.Outcome.REFUSED ? REFUSED : 0;
            } catch (GroupSync.CourseNotFoundException e) {
                err.println("kasvu moodle sync-groups: " + e.getMessage());
                return REFUSED;
            } catch (MoodleException e) {
                err.println("kasvu moodle sync-groups: Moodle refused: " + e.getMessage());
                if (e.kind() == MoodleException.Kind.INVALID_PARAMETER && e.debugInfo().isEmpty()) {
                    err.println("Moodle names the offending value only with debugging on (Site administration >"
                            + " Development > Debugging > DEVELOPER); run again with it on to see which value, and"
                            + " report it to Kasvu's maintainers, since Kasvu should never send one Moodle refuses.");
                }
                err.println("Fix the cause and run the same command again; it continues where it stopped.");
                return FAILED;
            } catch (IOException e) {
                err.println("kasvu moodle sync-groups: " + site.describe(e));
                err.println("Run the same command again once that is fixed; it continues where it stopped.");
                return FAILED;
            }
        }

        private static Path defaultState(Path groupsFile, String course) {
            String name = groupsFile.getFileName().toString().replaceFirst("\\.json$", "");
            String safeCourse = course.replaceAll("[^A-Za-z0-9._-]", "_");
            Path dir = groupsFile.toAbsolutePath().getParent();
            return dir.resolve(name + "." + safeCourse + ".moodle-sync.jsonl");
        }
    }
}

package fi.kasvu.lms.cli;

import fi.kasvu.lms.lti.SecureIds;
import fi.kasvu.lms.lti.ToolKey;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.lms.lti.jdbc.JdbcLtiStorage;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu keys rotate|list}: the tool's own signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manages Kasvu's own RSA signing keys.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListKeys.class})
public final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu keys rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Adds a new signing key; the old ones stay published in /lti/jwks for the overlap.")
    static final class Rotate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--overlap", defaultValue = "7d", paramLabel = "DURATION",
                description = "How long the old keys stay published: 7d, 48h, 90m or ISO-8601 (default: ${DEFAULT-VALUE}).")
        String overlap;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            Duration duration;
            try {
                duration = parseDuration(overlap);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("keys rotate: " + e.getMessage());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                ToolKeyRing ring = ToolKeyRing.create(JdbcLtiStorage.on(db).toolKeys(), Clock.systemUTC(),
                        SecureIds.generator(), 2048);
                ToolKey created = ring.rotate(duration);
                spec.commandLine().getOut().println("New signing key " + created.kid() + "; previous keys stay published for "
                        + duration.toHours() + " h.");
            }
            return 0;
        }
    }

    /** {@code kasvu keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the stored keys.")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                JdbcLtiStorage.on(db).toolKeys().all().stream().sorted(Comparator.comparing(ToolKey::createdAt))
                        .forEach(k -> out.println(k.kid() + "  created " + k.createdAt() + "  "
                                + k.publishedUntil().map(u -> "published until " + u).orElse("signing")));
            }
            return 0;
        }
    }

    /** The longest overlap: old keys stay published at most a year. */
    static final Duration MAX_OVERLAP = Duration.ofDays(365);

    /**
     * A duration such as {@code 7d}, {@code 48h}, {@code 90m} or {@code P7D}, from 0 to 365 days.
     *
     * @throws IllegalArgumentException naming the value if it is none of these, negative or longer than 365 days
     */
    static Duration parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("d")) {
                d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                throw new IllegalArgumentException("overlap must look like 7d, 48h, 90m or P7D: " + Failures.excerpt(text));
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("overlap must not be negative: " + Failures.excerpt(text));
            }
            if (d.compareTo(MAX_OVERLAP) > 0) {
                throw new IllegalArgumentException("overlap must be at most 365d (a year): " + Failures.excerpt(text));
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("overlap must look like 7d, 48h, 90m or P7D: " + text, e);
        }
    }
}

package fi.kasvu.lms.cli;

import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The database options every command that stores something shares; passwords come from the environment only. */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Database URL (default: embedded H2 under ./data, or $KASVU_DB_URL), e.g. "
                    + "jdbc:postgresql://db.example.org/kasvu. The password comes from $KASVU_DB_PASSWORD or "
                    + "$KASVU_DB_PASSWORD_FILE.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $KASVU_DB_USER).")
    String user;

    /**
     * The database these options and the environment name.
     *
     * @throws IllegalArgumentException naming the value if the URL is neither H2 nor PostgreSQL
     * @throws IOException              if a password file cannot be read or the data folder cannot be made owner-only
     */
    DatabaseConfig config(Map<String, String> environment) throws IOException {
        Map<String, String> merged = new HashMap<>(environment);
        if (url != null && !url.isBlank()) {
            merged.put(DatabaseConfig.ENV_URL, url);
        }
        if (user != null) {
            merged.put(DatabaseConfig.ENV_USER, user);
        }
        DatabaseConfig config = DatabaseConfig.fromEnvironment(merged);
        String h2 = "jdbc:h2:file:";
        if (config.url().startsWith(h2)) {
            // The data folder (and the key-encryption key file next to the database) only for Kasvu's user.
            java.nio.file.Path file = java.nio.file.Path.of(config.url().substring(h2.length()).replaceFirst(";.*", ""))
                    .toAbsolutePath();
            fi.kasvu.lms.lti.jdbc.OwnerOnly.secureDatabase(file);
        }
        return config;
    }

    /**
     * Opens the database a command works on, which must exist: a mistyped H2 path would otherwise
     * quietly create a new, empty database. Only {@code kasvu serve} creates one.
     *
     * @throws CommandFailure naming the URL or file if it is not H2 or PostgreSQL, or the H2 file does not exist
     */
    KasvuDatabase openExisting(Map<String, String> environment) {
        DatabaseConfig config = configOrFail(environment);
        Path file = h2File(config.url());
        if (file != null && !Files.exists(file)) {
            throw new CommandFailure(Failures.BAD_INPUT, "no Kasvu database at " + file + "; check --db (or"
                    + " KASVU_DB_URL), or start `kasvu serve` once to create it");
        }
        return KasvuDatabase.open(config);
    }

    /**
     * Opens the database for {@code kasvu serve}, creating an H2 database that does not exist yet
     * and saying so on {@code out}.
     *
     * @throws CommandFailure naming the URL if it is neither H2 nor PostgreSQL
     */
    KasvuDatabase openOrCreate(Map<String, String> environment, PrintWriter out) {
        DatabaseConfig config = configOrFail(environment);
        Path file = h2File(config.url());
        boolean created = file != null && !Files.exists(file);
        KasvuDatabase db = KasvuDatabase.open(config);
        if (created) {
            // H2 made its file with the process's umask (often world-readable): owner-only, as the folder.
            try {
                fi.kasvu.lms.lti.jdbc.OwnerOnly.secureDatabase(java.nio.file.Path.of(config.url().substring("jdbc:h2:file:".length()).replaceFirst(";.*", "")));
            } catch (java.io.IOException e) {
                db.close();
                throw new CommandFailure(Failures.BAD_INPUT, "cannot make the new database at " + file
                        + " readable by Kasvu's user only: " + Failures.cap(String.valueOf(e.getMessage())), e);
            }
            out.println("Created a new, empty Kasvu database at " + file + ".");
        }
        return db;
    }

    private DatabaseConfig configOrFail(Map<String, String> environment) {
        try {
            return config(environment);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(Failures.BAD_INPUT, Failures.cap(e.getMessage())
                    + "; give --db as jdbc:h2:file:PATH or jdbc:postgresql://HOST/DATABASE", e);
        } catch (IOException e) {
            throw new CommandFailure(Failures.BAD_INPUT, "cannot read the database password file: "
                    + Failures.describe(e, null), e);
        }
    }

    /** The file of an embedded H2 database URL ({@code PATH.mv.db}), or null for other databases and in-memory H2. */
    static Path h2File(String url) {
        if (Dialect.of(url) != Dialect.H2) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return null;
        }
        if (lower.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".mv.db").toAbsolutePath().normalize();
    }
}

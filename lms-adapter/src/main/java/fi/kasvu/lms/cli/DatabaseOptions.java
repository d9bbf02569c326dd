package fi.kasvu.lms.cli;

import fi.kasvu.store.jdbc.DatabaseConfig;
import java.io.IOException;
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
            fi.kasvu.lms.lti.jdbc.OwnerOnly.secureFolder(file.getParent());
        }
        return config;
    }
}

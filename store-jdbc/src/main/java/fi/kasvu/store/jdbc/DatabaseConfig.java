package fi.kasvu.store.jdbc;

import fi.kasvu.common.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Kasvu's database is and how to log in: a JDBC URL, a user, a password and the size of
 * the connection pool. Immutable; the password never appears in {@link #toString()} or logs.
 *
 * <pre>{@code
 * DatabaseConfig config = DatabaseConfig.fromEnvironment(System.getenv());   // or embeddedDefault()
 * try (KasvuDatabase db = KasvuDatabase.open(config)) { ... }
 * }</pre>
 */
public final class DatabaseConfig {

    /** The embedded database used when nothing is configured, created on first start. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/kasvu";

    /** The user of the embedded default database. */
    public static final String DEFAULT_USER = "kasvu";

    /** Connections kept open by default. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** Environment variable with the JDBC URL. */
    public static final String ENV_URL = "KASVU_DB_URL";

    /** Environment variable with the database user. */
    public static final String ENV_USER = "KASVU_DB_USER";

    /** Environment variable with the password itself. */
    public static final String ENV_PASSWORD = "KASVU_DB_PASSWORD";

    /** Environment variable naming a file whose first line is the password (Docker and Kubernetes secrets). */
    public static final String ENV_PASSWORD_FILE = "KASVU_DB_PASSWORD_FILE";

    /** Environment variable with the pool size. */
    public static final String ENV_POOL_SIZE = "KASVU_DB_POOL_SIZE";

    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;
    private final Dialect dialect;

    private DatabaseConfig(String url, String user, String password, int poolSize) {
        this.dialect = Dialect.of(Require.nonNull("url", url));
        this.url = url;
        this.user = Require.nonNull("user", user);
        this.password = Require.nonNull("password", password);
        this.poolSize = Require.range("pool size", poolSize, 1, 1000);
    }

    /** The embedded H2 database under {@code ./data/kasvu}, created on first start. */
    public static DatabaseConfig embeddedDefault() {
        return new DatabaseConfig(DEFAULT_URL, DEFAULT_USER, "", DEFAULT_POOL_SIZE);
    }

    /**
     * An embedded H2 database in the given directory (file {@code kasvu.mv.db} there).
     *
     * @throws NullPointerException if the directory is null
     */
    public static DatabaseConfig embeddedIn(Path directory) {
        Path file = Require.nonNull("directory", directory).toAbsolutePath().resolve("kasvu");
        return new DatabaseConfig("jdbc:h2:file:" + file, DEFAULT_USER, "", DEFAULT_POOL_SIZE);
    }

    /**
     * A database by URL, user and password, with the default pool size.
     *
     * @throws IllegalArgumentException if the URL is neither H2 nor PostgreSQL
     * @throws NullPointerException     if any part is null
     */
    public static DatabaseConfig of(String url, String user, String password) {
        return new DatabaseConfig(url, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * The database the environment names ({@value #ENV_URL}, {@value #ENV_USER},
     * {@value #ENV_PASSWORD} or {@value #ENV_PASSWORD_FILE}, {@value #ENV_POOL_SIZE}); the
     * embedded default where nothing is set.
     *
     * @throws IllegalArgumentException naming the variable if a value is invalid, or if both
     *                                  password variables are set
     * @throws IOException              if the password file cannot be read
     */
    public static DatabaseConfig fromEnvironment(Map<String, String> environment) throws IOException {
        Require.nonNull("environment", environment);
        DatabaseConfig config = embeddedDefault();
        String url = environment.get(ENV_URL);
        String user = environment.get(ENV_USER);
        if ((url != null && !url.isBlank()) || (user != null && !user.isBlank())) {
            config = new DatabaseConfig(url == null || url.isBlank() ? DEFAULT_URL : url.strip(),
                    user == null || user.isBlank() ? DEFAULT_USER : user.strip(), "", DEFAULT_POOL_SIZE);
        }
        String password = environment.get(ENV_PASSWORD);
        String passwordFile = environment.get(ENV_PASSWORD_FILE);
        if (password != null && passwordFile != null) {
            throw new IllegalArgumentException("set either " + ENV_PASSWORD + " or " + ENV_PASSWORD_FILE + ", not both");
        }
        if (password != null) {
            config = config.withPassword(password);
        } else if (passwordFile != null) {
            config = config.withPasswordFile(Path.of(passwordFile));
        }
        String poolSize = environment.get(ENV_POOL_SIZE);
        if (poolSize != null) {
            try {
                config = config.withPoolSize(Integer.parseInt(poolSize.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_POOL_SIZE + " must be a whole number: \"" + poolSize + "\"", e);
            }
        }
        return config;
    }

    /**
     * The same database with another password.
     *
     * @throws NullPointerException if the password is null
     */
    public DatabaseConfig withPassword(String newPassword) {
        return new DatabaseConfig(url, user, newPassword, poolSize);
    }

    /**
     * The same database with the password read from a file: its first line, without the line end.
     *
     * @throws IOException if the file cannot be read
     */
    public DatabaseConfig withPasswordFile(Path file) throws IOException {
        String content = Files.readString(Require.nonNull("password file", file), StandardCharsets.UTF_8);
        int lineEnd = content.indexOf('\n');
        String firstLine = lineEnd < 0 ? content : content.substring(0, lineEnd);
        return withPassword(firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine);
    }

    /**
     * The same database with another pool size.
     *
     * @throws IllegalArgumentException naming the value if it is not 1..1000
     */
    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(url, user, password, size);
    }

    /** The JDBC URL. */
    public String url() {
        return url;
    }

    /** The database user. */
    public String user() {
        return user;
    }

    /** Whether a non-empty password is set (the password itself is only handed to the pool). */
    public boolean hasPassword() {
        return !password.isEmpty();
    }

    /** The most connections kept open. */
    public int poolSize() {
        return poolSize;
    }

    /** H2 or PostgreSQL, from the URL. */
    public Dialect dialect() {
        return dialect;
    }

    String password() {
        return password;
    }

    /** The URL without its parameters (they may hold secrets), the user and whether a password is set. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (hasPassword() ? "(set)" : "(none)")
                + ", poolSize=" + poolSize + "]";
    }

    /** The URL cut before its first parameter, fit for logs. */
    String safeUrl() {
        int cut = url.length();
        for (char separator : new char[] {'?', ';', '&'}) {
            int at = url.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }
}

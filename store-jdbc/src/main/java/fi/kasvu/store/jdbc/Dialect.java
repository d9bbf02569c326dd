package fi.kasvu.store.jdbc;

import java.util.Locale;

/** The databases Kasvu stores in, told apart by their JDBC URL. */
public enum Dialect {

    /** Embedded H2 2.x on disk: one process, zero setup. */
    H2("jdbc:h2:", "h2"),

    /** PostgreSQL 14 or newer: real deployments and several server instances. */
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String migrationFolder;

    Dialect(String urlPrefix, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.migrationFolder = migrationFolder;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the URL's scheme (never the rest, which may hold secrets)
     *                                  if it is neither H2 nor PostgreSQL
     */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl != null) {
            for (Dialect dialect : values()) {
                if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith(dialect.urlPrefix)) {
                    return dialect;
                }
            }
        }
        throw new IllegalArgumentException("database url must start with jdbc:h2: or jdbc:postgresql: but starts with \""
                + scheme(jdbcUrl) + "\"");
    }

    /** The folder under {@code db/migration} with this dialect's own migrations. */
    String migrationFolder() {
        return migrationFolder;
    }

    private static String scheme(String url) {
        if (url == null) {
            return "null";
        }
        int colons = 0;
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == ':' && ++colons == 2) {
                return url.substring(0, i + 1);
            }
        }
        return url.length() > 12 ? url.substring(0, 12) + "…" : url;
    }
}

package org.mms.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is: a JDBC URL with its credentials, and how many connections to pool.
 *
 * @param url      {@code jdbc:h2:file:...} (the embedded default) or {@code jdbc:postgresql://...}
 * @param poolSize connections in the pool; sized explicitly, never by thread count (virtual threads are many)
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:, not " + url);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    /** H2 in PostgreSQL mode, so the same SQL serves both. */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The embedded default: an H2 file database in the data directory. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("mms") + H2_OPTIONS, "sa", "", 8);
    }

    /** A private in-memory H2 database, for tests. */
    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS, "sa", "", 8);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password it carries masked, for logs and config dumps. */
    public String maskedUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}

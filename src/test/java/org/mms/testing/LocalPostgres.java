package org.mms.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.mms.db.DatabaseConfig;

/**
 * The PostgreSQL server the tests use: {@code MMS_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code MMS_TEST_PG_USER}, default {@code postgres}). Each caller gets a schema of its own, so tests
 * never see each other's rows and leave nothing behind when they drop it.
 *
 * <p>Where no server answers, the test is skipped with a message saying so; under CI ({@code CI=true})
 * it fails instead, because CI starts the server and a silent skip would hide a broken setup.
 */
public final class LocalPostgres {

    private static final String URL = System.getenv().getOrDefault("MMS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("MMS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("MMS_TEST_PG_PASSWORD", "");

    /** A schema made for one test or test class; {@link #close()} drops it with everything in it. */
    public record Schema(String name, DatabaseConfig config) implements AutoCloseable {
        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private LocalPostgres() {
    }

    /** A new empty schema, or the test is skipped (failed under CI) when the server is not there. */
    public static Schema freshSchema(int poolSize) {
        String name = "mms_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            execute("CREATE SCHEMA " + name);
        } catch (IllegalStateException e) {
            String why = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getCause().getMessage()
                    + "); start it, or set MMS_TEST_PG_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI needs PostgreSQL: " + why, e);
            }
            System.err.println("SKIPPED (no PostgreSQL): " + why);
            Assumptions.abort(why);
        }
        String separator = URL.contains("?") ? "&" : "?";
        return new Schema(name, new DatabaseConfig(URL + separator + "currentSchema=" + name, USER, PASSWORD, poolSize));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

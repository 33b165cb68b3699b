package org.mms.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The database: a connection pool, the schema brought up to date on open, and JDBI over it.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // JDBI's default message carries the bound values (a password among them) into every log line and
        // error that shows the exception; the statement alone is what a reader needs to find the cause.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
        this.dialect = dialect;
    }

    /** Opens the pool and applies pending schema migrations (safe for several processes at once on PostgreSQL). */
    public static Database open(DatabaseConfig config) {
        return open(config, Optional.empty());
    }

    /** As {@link #open(DatabaseConfig)}, the pool reporting its connections to {@code meters} ({@code hikaricp_*}). */
    public static Database open(DatabaseConfig config, Optional<MeterRegistry> meters) {
        HikariConfig hikari = new HikariConfig();
        meters.ifPresent(registry -> hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("mms");
        hikari.setExceptionOverride(new EvictClosedConnections());
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, Dialect.of(config));
    }

    /** The driver's message and the statement as written (with its placeholders), never the values bound to it. */
    static String withoutValues(StatementException e) {
        String sql = e.getStatementContext() == null || e.getStatementContext().getRawSql() == null ? ""
                : " [statement: \"" + e.getStatementContext().getRawSql().strip().replaceAll("\\s+", " ") + "\"]";
        return e.getShortMessage() + (sql.length() > 1000 ? sql.substring(0, 1000) + "…\"]" : sql);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether {@link #close()} was called (the pool hands out no more connections). */
    public boolean isClosed() {
        return dataSource.isClosed();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

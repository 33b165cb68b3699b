package org.mms.db;

/**
 * The SQL that differs between the embedded H2 and PostgreSQL. Everything else is written once in
 * the subset both understand (no RETURNING, no partial indexes, no INTERVAL literals: times are bound
 * from Java).
 */
public enum Dialect {
    H2,
    POSTGRES;

    static Dialect of(DatabaseConfig config) {
        return config.isPostgres() ? POSTGRES : H2;
    }

    /**
     * The SQL type of raw bytes (calendar resources, messages): BYTEA on both. PostgreSQL has no
     * VARBINARY, and H2 reads BYTEA as BINARY VARYING of up to 1,000,000,000 bytes.
     */
    public String binaryType() {
        return "BYTEA";
    }
}

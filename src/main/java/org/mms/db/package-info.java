/**
 * Everything SQL: the connection pool, the schema (Flyway migrations under {@code db/migration}), and
 * the repositories that implement the feature packages' ports. The same SQL runs on H2 (the embedded
 * default) and PostgreSQL; the few differences sit in {@link org.mms.db.Dialect}.
 */
package org.mms.db;

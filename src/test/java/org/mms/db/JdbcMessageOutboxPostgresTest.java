package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.itip.MessageOutbox;
import org.mms.itip.MessageOutboxContract;

/** The outbox contract on the real PostgreSQL server, emptied before each test: a claim takes any tenant's messages. */
class JdbcMessageOutboxPostgresTest extends MessageOutboxContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected MessageOutbox open() {
        DATABASE.deleteAll("outbox_message");
        return new JdbcMessageOutbox(DATABASE.db());
    }
}

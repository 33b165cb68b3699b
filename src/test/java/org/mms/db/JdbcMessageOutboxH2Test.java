package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.itip.MessageOutbox;
import org.mms.itip.MessageOutboxContract;

/** The outbox contract on the embedded H2 database (PostgreSQL mode), emptied before each test: a claim takes any tenant's messages. */
class JdbcMessageOutboxH2Test extends MessageOutboxContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected MessageOutbox open() {
        DATABASE.deleteAll("outbox_message");
        return new JdbcMessageOutbox(DATABASE.db());
    }
}

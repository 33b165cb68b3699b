package org.mms.calendar.graph.emulator;

import tools.jackson.databind.node.ObjectNode;

/** What became of a write to one event: stored, no such event, or the client's If-Match was stale. */
sealed interface WriteOutcome {

    record Written(ObjectNode event) implements WriteOutcome {
    }

    record Deleted() implements WriteOutcome {
    }

    record NotFound() implements WriteOutcome {
    }

    /** The event changed since the client read it: its change key is no longer the one the client sent. */
    record Stale(String currentEtag) implements WriteOutcome {
    }
}

package org.mms.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One store over several: each mailbox's calls go to the store its tenant keeps calendars in (the
 * embedded one, or a CalDAV server), so the migration code never asks where a calendar lives.
 */
public final class RoutingCalendarStore implements CalendarStore {

    private final Function<Mailbox, CalendarStore> storeFor;

    public RoutingCalendarStore(Function<Mailbox, CalendarStore> storeFor) {
        this.storeFor = storeFor;
    }

    @Override
    public Optional<StoredResource> get(Mailbox mailbox, ResourceRef ref) {
        return storeFor.apply(mailbox).get(mailbox, ref);
    }

    @Override
    public void forEachCandidate(Mailbox mailbox, Instant from, Instant to, int batchSize, Consumer<StoredResource> action) {
        storeFor.apply(mailbox).forEachCandidate(mailbox, from, to, batchSize, action);
    }

    @Override
    public WriteResult put(Mailbox mailbox, ResourceRef ref, byte[] data, Optional<String> ifMatch) {
        return storeFor.apply(mailbox).put(mailbox, ref, data, ifMatch);
    }

    @Override
    public List<WriteResult> putAll(Mailbox mailbox, List<Write> writes) {
        return storeFor.apply(mailbox).putAll(mailbox, writes);
    }

    @Override
    public WriteResult create(Mailbox mailbox, ResourceRef ref, byte[] data) {
        return storeFor.apply(mailbox).create(mailbox, ref, data);
    }

    @Override
    public long count(Mailbox mailbox) {
        return storeFor.apply(mailbox).count(mailbox);
    }

    @Override
    public boolean schedulesForAttendees(Mailbox mailbox) {
        return storeFor.apply(mailbox).schedulesForAttendees(mailbox);
    }

    @Override
    public boolean sendsEachEventApart(Mailbox mailbox) {
        return storeFor.apply(mailbox).sendsEachEventApart(mailbox);
    }

    @Override
    public boolean holds(Mailbox mailbox, ResourceRef ref, String resourceHash) {
        return storeFor.apply(mailbox).holds(mailbox, ref, resourceHash);
    }
}

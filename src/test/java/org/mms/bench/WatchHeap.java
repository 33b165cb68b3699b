package org.mms.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use after each garbage collection while it watches, and the most in use before one. What is left after
 * a collection is what the program holds; if that stays level over a run, memory is flat, whatever the peaks
 * before collections (garbage not yet collected) were.
 */
final class WatchHeap implements AutoCloseable {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final List<Long> afterCollections = new ArrayList<>();
    private long mostBefore;
    private final NotificationListener listener = this::collected;

    WatchHeap() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
    }

    private synchronized void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        long after = heapUsed(info.getMemoryUsageAfterGc());
        // A concurrent cycle's end (G1's "Remark", "Cleanup") reports the heap as it happens to be, not what survived.
        if (after > 0) {
            afterCollections.add(after);
        }
        mostBefore = Math.max(mostBefore, heapUsed(info.getMemoryUsageBeforeGc()));
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** Heap after the collections, first, in the middle, at most and last, and the most in use before one; in MB. */
    synchronized String describe() {
        if (afterCollections.isEmpty()) {
            return "no garbage collection while watched";
        }
        long max = afterCollections.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.ROOT, "heap after collections (%d of them): first %d MB, middle %d MB, last %d MB, at most %d MB; "
                + "at most %d MB in use before one", afterCollections.size(), mb(afterCollections.getFirst()),
                mb(afterCollections.get(afterCollections.size() / 2)), mb(afterCollections.getLast()), mb(max), mb(mostBefore));
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Never added to this one.
            }
        }
    }
}

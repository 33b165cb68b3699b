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
 * The heap the program holds (what a full collection leaves) at the moments it is asked, and the most in use before any
 * collection while it watches. A young collection leaves dead objects of the old generation in place, so only a full
 * one shows what is held; if that stays level over a run, memory is flat, whatever the peaks of garbage were.
 */
final class WatchHeap implements AutoCloseable {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final List<Long> held = new ArrayList<>();
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
        mostBefore = Math.max(mostBefore, heapUsed(info.getMemoryUsageBeforeGc()));
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** A full collection (a pause of a fraction of a second), then the heap it left. */
    void sampleHeld() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (this) {
            held.add(used);
        }
    }

    /** The heap held at each sample and the most in use before a collection, in MB. */
    synchronized String describe() {
        return String.format(Locale.ROOT, "heap held (after a full collection) every %s: %s MB; at most %d MB in use before a collection",
                GraphBenchmark.PROGRESS, held.stream().map(b -> Long.toString(mb(b))).collect(Collectors.joining(", ")), mb(mostBefore));
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

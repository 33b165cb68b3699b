package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyncDirectoryTest {

    @Test
    void a_lone_writer_runs_a_flush_of_its_own_each_time() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        SyncDirectory sync = new SyncDirectory(flushes::incrementAndGet);

        sync.afterChange();
        sync.afterChange();

        assertThat(flushes).hasValue(2);
    }

    @Test
    void writers_that_arrive_during_a_flush_share_the_next_one() throws Exception {
        FirstFlushHeld flush = new FirstFlushHeld(false);
        SyncDirectory sync = new SyncDirectory(flush);
        Thread first = Thread.ofPlatform().start(() -> call(sync));
        flush.awaitFirstBegun();
        List<Thread> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            late.add(Thread.ofPlatform().start(() -> call(sync)));
        }
        for (Thread t : late) {
            awaitWaiting(t);
        }

        flush.letFirstEnd();
        first.join();
        for (Thread t : late) {
            t.join();
        }

        assertThat(flush.count).as("the first flush, then one for the three that came while it ran").hasValue(2);
    }

    @Test
    void no_writer_returns_before_a_flush_that_began_after_its_call_has_ended() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<long[]> flushSpans = Collections.synchronizedList(new ArrayList<>());
        SyncDirectory sync = new SyncDirectory(() -> {
            long began = clock.incrementAndGet();
            flushSpans.add(new long[] {began, clock.incrementAndGet()});
        });
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    long called = clock.incrementAndGet();
                    call(sync);
                    calls.add(new long[] {called, clock.incrementAndGet()});
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }

        assertThat(calls).hasSize(3000);
        List<String> uncovered = new ArrayList<>();
        for (long[] call : calls) {
            boolean covered = false;
            for (long[] flush : flushSpans) {
                covered |= flush[0] > call[0] && flush[1] < call[1];
            }
            if (!covered) {
                uncovered.add(call[0] + ".." + call[1]);
            }
        }
        assertThat(uncovered).as("calls with no flush that began and ended inside them").isEmpty();
    }

    @Test
    void a_failed_flush_fails_its_writer_and_the_waiting_writers_flush_again() throws Exception {
        FirstFlushHeld flush = new FirstFlushHeld(true);
        SyncDirectory sync = new SyncDirectory(flush);
        AtomicInteger failures = new AtomicInteger();
        Thread first = Thread.ofPlatform().start(() -> {
            try {
                sync.afterChange();
            } catch (IOException e) {
                failures.incrementAndGet();
            }
        });
        flush.awaitFirstBegun();
        Thread waiting = Thread.ofPlatform().start(() -> call(sync));
        awaitWaiting(waiting);

        flush.letFirstEnd();
        first.join();
        waiting.join();

        assertThat(failures).hasValue(1);
        assertThat(flush.count).as("the failed flush, and one the waiting writer ran").hasValue(2);
    }

    @Test
    void the_failure_of_a_flush_reaches_the_writer_that_ran_it() {
        SyncDirectory sync = new SyncDirectory(() -> {
            throw new IOException("input/output error");
        });

        assertThatThrownBy(sync::afterChange).isInstanceOf(IOException.class).hasMessage("input/output error");
    }

    /** A flush whose first run waits until the test lets it end (and then fails, if asked); later runs end at once. */
    private static final class FirstFlushHeld implements SyncDirectory.Flush {
        final AtomicInteger count = new AtomicInteger();
        private final CountDownLatch began = new CountDownLatch(1);
        private final CountDownLatch mayEnd = new CountDownLatch(1);
        private final boolean firstFails;

        FirstFlushHeld(boolean firstFails) {
            this.firstFails = firstFails;
        }

        @Override
        public void run() throws IOException {
            if (count.incrementAndGet() == 1) {
                began.countDown();
                await(mayEnd);
                if (firstFails) {
                    throw new IOException("disk full");
                }
            }
        }

        void awaitFirstBegun() {
            await(began);
        }

        void letFirstEnd() {
            mayEnd.countDown();
        }
    }

    private static void call(SyncDirectory sync) {
        try {
            sync.afterChange();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Until the thread waits on the monitor for the running flush. */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("%s never waited", t).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}

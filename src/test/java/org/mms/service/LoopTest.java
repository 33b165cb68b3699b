package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A loop's thread survives what one step throws; one that dies anyway is replaced and counted; a stuck turn shows. */
class LoopTest {

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("reached within 10 s").isTrue();
    }

    @Test
    void a_thread_that_dies_of_an_error_is_replaced_at_once_and_the_death_is_counted() throws InterruptedException {
        List<String> threads = new CopyOnWriteArrayList<>();
        AtomicInteger turns = new AtomicInteger();
        Loop loop = new Loop("migration-worker-1", Duration.ofMillis(5), Duration.ofMinutes(1), () -> {
            threads.add(Thread.currentThread().getName());
            if (turns.incrementAndGet() == 2) {
                throw new StackOverflowError("a calendar nested too deep");
            }
            return false;
        });
        loop.start();
        try {
            await(() -> turns.get() >= 5);

            Loop.Health health = loop.health();
            assertThat(health.alive()).isTrue();
            assertThat(health.deaths()).isOne();
            assertThat(health.sinceDeath()).isPresent();
            assertThat(threads).startsWith("migration-worker-1", "migration-worker-1").contains("migration-worker-1#2")
                    .doesNotContain("migration-worker-1#3");
        } finally {
            loop.stop();
            loop.awaitStop();
        }
        assertThat(loop.health().alive()).isFalse();
    }

    @Test
    void a_step_that_throws_an_exception_keeps_its_thread_and_is_tried_again() throws InterruptedException {
        List<String> threads = new CopyOnWriteArrayList<>();
        Loop loop = new Loop("outbox-sender-1", Duration.ofMillis(5), Duration.ofMinutes(1), () -> {
            threads.add(Thread.currentThread().getName());
            throw new IllegalStateException("the mail server is down");
        });
        loop.start();
        try {
            await(() -> threads.size() >= 3);
            assertThat(threads).containsOnly("outbox-sender-1");
            assertThat(loop.health().deaths()).isZero();
        } finally {
            loop.stop();
            loop.awaitStop();
        }
    }

    @Test
    void a_turn_without_a_sign_of_life_for_longer_than_allowed_counts_as_stalled_until_it_ends() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger turns = new AtomicInteger();
        Loop loop = new Loop("housekeeping", Duration.ofMillis(5), Duration.ofMillis(100), () -> {
            if (turns.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        });
        loop.start();
        try {
            await(() -> loop.health().stalledFor().isPresent());
            assertThat(loop.health().alive()).isTrue();

            release.countDown();
            await(() -> turns.get() >= 3);
            assertThat(loop.health().stalledFor()).isEmpty();
        } finally {
            release.countDown();
            loop.stop();
            loop.awaitStop();
        }
    }
}

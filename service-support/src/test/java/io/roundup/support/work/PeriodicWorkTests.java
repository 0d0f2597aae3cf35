package io.roundup.support.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs happen on a thread of their own, so every outcome is waited for; what must not happen is watched for a while
 * (long enough for a wrongly queued run, which takes well under a millisecond to start, to show up).
 */
class PeriodicWorkTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(5);

    /** Longer than any test here takes: only the run at start and the runs asked for can happen. */
    private static final Duration HOURLY = Duration.ofHours(1);

    private final AtomicInteger runs = new AtomicInteger();

    private PeriodicWork work;

    @AfterEach
    void stopWork() {
        if (work != null) {
            work.stop();
        }
    }

    @Test
    void runsAtStartAndOnDemandBetweenTheSlowPeriodicRuns() {
        work = new PeriodicWork("test-work", HOURLY, runs::incrementAndGet);

        work.start();
        await("a run right at start").atMost(EVENTUALLY).untilAtomic(runs, equalTo(1));
        work.runSoon();
        await("a run soon after asking, long before the hour")
                .atMost(EVENTUALLY)
                .untilAtomic(runs, equalTo(2));

        assertThat(work.stop()).isTrue();
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void doesNothingOnDemandBeforeItStartsNorRemembersTheRequestForLater() {
        work = new PeriodicWork("test-work", HOURLY, runs::incrementAndGet);

        work.runSoon();
        stays("no run before start", 0);

        work.start();
        await().atMost(EVENTUALLY).untilAtomic(runs, equalTo(1));
        stays("only the run at start", 1);
    }

    @Test
    void doesNothingOnDemandAfterItStopped() {
        work = new PeriodicWork("test-work", HOURLY, runs::incrementAndGet);
        work.start();
        await().atMost(EVENTUALLY).untilAtomic(runs, equalTo(1));

        assertThat(work.stop()).isTrue();
        work.runSoon();

        stays("no run after stop", 1);
    }

    @Test
    void requestsMadeWhileARunIsQueuedCountOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        work = new PeriodicWork("test-work", HOURLY, () -> {
            runs.incrementAndGet();
            awaitQuietly(release);
        });
        work.start();
        await().atMost(EVENTUALLY).untilAtomic(runs, equalTo(1));

        // the run at start is still going: the first request queues a run, the others join it
        for (int i = 0; i < 10; i++) {
            work.runSoon();
        }
        release.countDown();

        await().atMost(EVENTUALLY).untilAtomic(runs, equalTo(2));
        stays("one queued run for ten requests", 2);
    }

    @Test
    void neverOverlapsRunsHoweverOftenTheyAreDue() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        work = new PeriodicWork("test-work", Duration.ofMillis(1), () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            // a run that takes a moment, so that a second one started beside it would be caught inside it
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            runs.incrementAndGet();
            running.decrementAndGet();
        });

        work.start();
        for (int i = 0; i < 200; i++) {
            work.runSoon();
        }
        await("periodic and requested runs").atMost(EVENTUALLY).untilAtomic(runs, greaterThanOrEqualTo(100));

        assertThat(work.stop()).isTrue();
        assertThat(overlaps).hasValue(0);
    }

    /** Fails as soon as the number of runs differs from {@code expected} within the next 300 ms. */
    private void stays(String what, int expected) {
        await(what)
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofMillis(600))
                .untilAtomic(runs, equalTo(expected));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}

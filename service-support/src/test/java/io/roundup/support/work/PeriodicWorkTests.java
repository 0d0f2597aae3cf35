package io.roundup.support.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicWorkTests {

    @Test
    void runsAtStartAndOnDemandBetweenTheSlowPeriodicRuns() throws Exception {
        CountDownLatch firstRun = new CountDownLatch(1);
        CountDownLatch onDemand = new CountDownLatch(2);
        PeriodicWork work = new PeriodicWork("test-work", Duration.ofHours(1), () -> {
            firstRun.countDown();
            onDemand.countDown();
        });

        work.start();
        assertThat(firstRun.await(5, TimeUnit.SECONDS))
                .as("a run right at start")
                .isTrue();
        work.runSoon();
        assertThat(onDemand.await(5, TimeUnit.SECONDS))
                .as("a run soon after asking, long before the hour")
                .isTrue();
        assertThat(work.stop()).isTrue();
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void doesNothingOnDemandWhileStoppedAndNeverOverlapsRuns() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        PeriodicWork work = new PeriodicWork("test-work", Duration.ofMillis(1), () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            running.decrementAndGet();
        });

        work.runSoon();
        assertThat(runs).hasValue(0);

        work.start();
        for (int i = 0; i < 200; i++) {
            work.runSoon();
        }
        assertThat(work.stop()).isTrue();
        int afterStop = runs.get();
        work.runSoon();
        Thread.sleep(50); // a run asked for after stop would have happened by now
        assertThat(runs).as("no run after stop").hasValue(afterStop);
        assertThat(overlaps).hasValue(0);
    }
}

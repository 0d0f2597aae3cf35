package io.roundup.support.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task run on a daemon thread of its own: right at {@link #start()}, then every {@code interval} after the last
 * run ended, and soon after each {@link #runSoon()} (calls made while a run is queued count once). Runs never
 * overlap. {@link #stop()} waits a little for the run in progress.
 */
public final class PeriodicWork {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String threadName;

    private final Runnable task;

    private final Duration interval;

    private final AtomicBoolean runQueued = new AtomicBoolean();

    private volatile ScheduledExecutorService executor;

    public PeriodicWork(String threadName, Duration interval, Runnable task) {
        this.threadName = threadName;
        this.interval = interval;
        this.task = task;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Asks for a run now, besides the periodic ones; does nothing while stopped. */
    public void runSoon() {
        ScheduledExecutorService running = executor;
        if (running != null && runQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                runQueued.set(false);
                task.run();
            });
        }
    }

    /** Stops the runs; true when the last one ended within the wait (so the caller may run the task once more). */
    public boolean stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return true;
        }
        running.shutdown();
        try {
            return running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isRunning() {
        return executor != null;
    }
}

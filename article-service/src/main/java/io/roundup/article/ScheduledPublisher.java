package io.roundup.article;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fires scheduled publications. The schedule lives in MongoDB, not in memory: a sweep right at start-up publishes what
 * fell due while no copy of the service ran, and the conditional write in {@link Articles#publishDue} lets any number
 * of copies sweep at once without publishing anything twice.
 */
@Component
class ScheduledPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
    private static final int BATCH = 100;

    private final Articles articles;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    ScheduledPublisher(Articles articles, ArticleSettings settings) {
        this.articles = articles;
        this.interval = settings.scheduleSweep();
    }

    /** One pass; returns how many articles it published. */
    int sweep() {
        int total = 0;
        try {
            int published;
            do {
                published = articles.publishDue(BATCH);
                total += published;
            }
            while (published == BATCH);
        }
        catch (RuntimeException ex) {
            log.warn("Scheduled publishing paused: {}; the next pass retries", ex.toString());
        }
        return total;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scheduled-publisher");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops before the relay, so a publication fired during shutdown is still announced by the relay's last pass. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}

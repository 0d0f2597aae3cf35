package io.roundup.article;

import io.roundup.support.work.PeriodicWork;
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
    private final PeriodicWork work;

    ScheduledPublisher(Articles articles, ArticleSettings settings) {
        this.articles = articles;
        this.work = new PeriodicWork("scheduled-publisher", settings.scheduleSweep(), this::sweep);
    }

    /** One pass; returns how many articles it published. */
    int sweep() {
        int total = 0;
        try {
            int published;
            do {
                published = articles.publishDue(BATCH);
                total += published;
            } while (published == BATCH);
        } catch (RuntimeException ex) {
            log.warn("Scheduled publishing paused: {}; the next pass retries", ex.toString());
        }
        return total;
    }

    @Override
    public void start() {
        work.start();
    }

    @Override
    public void stop() {
        work.stop();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }

    /** Stops before the relay, so a publication fired during shutdown is still announced by the relay's last pass. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}

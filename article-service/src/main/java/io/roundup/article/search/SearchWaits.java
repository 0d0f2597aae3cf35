package io.roundup.article.search;

import io.roundup.article.Article;
import io.roundup.support.work.PeriodicWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes waiting until search shows them ({@code ?wait=searchable}). No request thread waits: each wait is a future
 * that one thread of this service completes, reading the view of every waiting article in one query per
 * {@code poll} (the view is filled by the consumer of {@code roundup.search.indexed}, on whichever copy of the service
 * holds that article's partition; every copy reads the same MongoDB, so any copy can answer). MongoDB's change streams
 * would spare the polling, but the store must work without them.
 */
@Component
public class SearchWaits implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchWaits.class);

    private final IndexedArticles view;
    private final Clock clock;
    private final PeriodicWork work;
    private final Set<Wait> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    SearchWaits(IndexedArticles view, Clock clock, SearchSettings settings) {
        this.view = view;
        this.clock = clock;
        this.work = new PeriodicWork("search-waits", settings.poll(), this::check);
    }

    /** One write waiting: the article as it saved it, and until when. */
    private record Wait(Article written, Instant deadline, CompletableFuture<Boolean> done) {}

    /**
     * Completes with true once search shows the state {@code written} left the article in, with false after
     * {@code timeout} (or when the service stops first). Never completes exceptionally.
     */
    public CompletableFuture<Boolean> searchable(Article written, Duration timeout) {
        Wait wait = new Wait(written, clock.instant().plus(timeout), new CompletableFuture<>());
        waiting.add(wait);
        if (!running) {
            finish(wait, false);
        }
        work.runSoon();
        return wait.done();
    }

    private void check() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Wait> now = List.copyOf(waiting);
        Map<String, IndexedArticle> lines;
        try {
            lines = view.find(now.stream().map(w -> w.written().id()).toList());
        } catch (RuntimeException ex) {
            log.warn("Could not read what search shows for {} waiting writes: {}", now.size(), ex.toString());
            lines = Map.of();
        }
        Instant at = clock.instant();
        for (Wait wait : now) {
            IndexedArticle line = lines.get(wait.written().id());
            if (SearchStatus.of(wait.written(), line, at).searchable()) {
                finish(wait, true);
            } else if (!at.isBefore(wait.deadline())) {
                finish(wait, false);
            }
        }
    }

    private void finish(Wait wait, boolean searchable) {
        waiting.remove(wait);
        wait.done().complete(searchable);
    }

    @Override
    public void start() {
        running = true;
        work.start();
    }

    /** The writes still waiting are answered as "not yet" (202) rather than cut off. */
    @Override
    public void stop() {
        running = false;
        work.stop();
        List.copyOf(waiting).forEach(wait -> finish(wait, false));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

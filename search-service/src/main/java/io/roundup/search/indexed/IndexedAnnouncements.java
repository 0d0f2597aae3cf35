package io.roundup.search.indexed;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roundup.events.ArticleIndexed;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.EventType;
import io.roundup.events.Topics;
import io.roundup.search.indices.SearchIndices;
import io.roundup.support.work.PeriodicWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces on {@value Topics#SEARCH_INDEXED} what the live review index shows readers, once they can see it.
 *
 * <p>The consumer hands over what each bulk wrote ({@link #written}) and goes on at once: the announcing runs on a
 * thread of its own. That thread forces a refresh of the review alias, so that everything written before it is
 * visible to searches, and only then sends one {@link ArticleIndexed} per article. Writes arriving meanwhile wait for
 * the next refresh. {@link RefreshPacing} says when: right after a sparse write (at least {@code spacing} after the
 * last forced refresh), so a publish is searchable in tens of milliseconds; at the index's own pace
 * ({@code dense-spacing}) while writes are dense, so bulks keep their size and pace. (A {@code refresh=wait_for} bulk
 * would hold the consumer up to a refresh interval per batch; an explicit refresh per batch on the consumer thread
 * would put one on every poll.)
 *
 * <p>Nothing here can hold up or fail indexing: the index is the truth and announcements only report it. A failed
 * refresh is tried again; a failed send is logged and counted, and that article's status stays "not yet searchable"
 * until its next write is announced. A redelivered event is written again at its revision and so announced again;
 * the reindex's replay into a version nobody reads yet announces nothing (what it builds holds at least what was
 * announced, and the live writes it mirrors are announced as usual).
 */
@Component
public class IndexedAnnouncements implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexedAnnouncements.class);

    /** Starts before and stops after the consumers' bindings, so that the last batch's writes are still announced. */
    private static final int PHASE = Integer.MAX_VALUE - 2000;

    private final ElasticsearchClient client;
    private final IndexedSettings settings;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();
    private final PeriodicWork work;
    private final Counter announced;
    private final Counter dropped;
    private final Counter failedRefreshes;
    private final Counter failedSends;
    private final Timer refreshes;
    private final Timer waits;

    /** The articles waiting for a refresh, at the highest revision written. */
    private final Map<String, Indexed> pending = new LinkedHashMap<>();

    /** How soon to refresh, from how densely bulks have been writing; guarded by {@link #pending}. */
    private final RefreshPacing pacing;

    private volatile boolean running;
    private volatile boolean refreshFailing;
    private long lastRefresh;

    IndexedAnnouncements(
            ElasticsearchClient client, KafkaProperties kafka, IndexedSettings settings, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.pacing = RefreshPacing.of(settings);
        this.producers = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
        this.work = new PeriodicWork("search-indexed", settings.retryInterval(), this::announcePending);
        this.announced = Counter.builder("roundup.search.indexed.announced")
                .description("Articles announced as searchable (or gone) on " + Topics.SEARCH_INDEXED)
                .register(registry);
        this.dropped = Counter.builder("roundup.search.indexed.dropped")
                .description("Written articles never announced because too many were waiting")
                .register(registry);
        this.failedRefreshes = Counter.builder("roundup.search.indexed.failures")
                .tag("stage", "refresh")
                .description("Failures on the way to announcing what search shows")
                .register(registry);
        this.refreshes = Timer.builder("roundup.search.indexed.refresh")
                .description("The forced refreshes of the review alias that make written articles searchable")
                .register(registry);
        this.waits = Timer.builder("roundup.search.indexed.wait")
                .description("How long written articles waited for their refresh to be allowed (RefreshPacing)")
                .register(registry);
        this.failedSends = Counter.builder("roundup.search.indexed.failures")
                .tag("stage", "send")
                .description("Failures on the way to announcing what search shows")
                .register(registry);
    }

    /** What a live bulk wrote. Never blocks and never throws: the caller is the indexing consumer. */
    public void written(List<Indexed> documents) {
        if (!settings.enabled() || documents.isEmpty()) {
            return;
        }
        try {
            synchronized (pending) {
                pacing.written(documents.size(), System.currentTimeMillis());
                for (Indexed document : documents) {
                    Indexed before = pending.get(document.articleId());
                    if (before == null && pending.size() >= settings.maxPending()) {
                        dropped.increment();
                    } else if (before == null || before.revision() <= document.revision()) {
                        pending.put(document.articleId(), document);
                    }
                }
            }
            work.runSoon();
        } catch (RuntimeException ex) {
            log.warn("Could not queue the announcement of {} written articles: {}", documents.size(), ex.toString());
        }
    }

    /** One pass: wait until the pacing allows a refresh, refresh, announce what was written before the refresh. */
    private void announcePending() {
        try {
            if (isEmpty()) {
                return;
            }
            long wait;
            synchronized (pending) {
                wait = pacing.delay(System.currentTimeMillis(), lastRefresh).toMillis();
            }
            waits.record(Duration.ofMillis(Math.max(0, wait)));
            if (wait > 0) {
                Thread.sleep(wait);
            }
            List<Indexed> batch = drain();
            long refreshing = System.nanoTime();
            try {
                client.indices().refresh(r -> r.index(SearchIndices.REVIEWS));
                refreshes.record(Duration.ofNanos(System.nanoTime() - refreshing));
            } catch (Exception ex) {
                refreshFailing = true;
                failedRefreshes.increment();
                requeue(batch);
                log.warn(
                        "Could not refresh {} to announce {} articles ({}); trying again",
                        SearchIndices.REVIEWS,
                        batch.size(),
                        ex.toString());
                return;
            }
            refreshFailing = false;
            lastRefresh = System.currentTimeMillis();
            Instant visible = clock.instant();
            batch.forEach(document -> send(document, visible));
            if (!isEmpty()) {
                work.runSoon();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ex) {
            log.warn("Announcing what search shows failed: {}", ex.toString());
        }
    }

    private void send(Indexed document, Instant visible) {
        ArticleIndexed event =
                new ArticleIndexed(document.articleId(), document.revision(), document.listed(), visible);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.SEARCH_INDEXED, document.articleId(), codec.write(event));
        CloudEventHeaders.of(
                        UUID.randomUUID().toString(),
                        EventType.ARTICLE_INDEXED_V1,
                        CloudEventHeaders.SEARCH_SERVICE_SOURCE,
                        document.articleId(),
                        visible,
                        document.requestId())
                .forEach((name, value) -> record.headers().add(name, value));
        try {
            template.send(record).whenComplete((result, ex) -> {
                if (ex == null) {
                    announced.increment();
                    log.debug(
                            "Announced article {} revision {} ({})",
                            document.articleId(),
                            document.revision(),
                            document.listed() ? "listed" : "gone");
                } else {
                    sendFailed(document, ex);
                }
            });
        } catch (RuntimeException ex) {
            sendFailed(document, ex);
        }
    }

    private void sendFailed(Indexed document, Throwable ex) {
        failedSends.increment();
        log.warn(
                "Could not announce article {} revision {} as searchable: {}",
                document.articleId(),
                document.revision(),
                ex.toString());
    }

    private boolean isEmpty() {
        synchronized (pending) {
            return pending.isEmpty();
        }
    }

    private List<Indexed> drain() {
        synchronized (pending) {
            List<Indexed> batch = new ArrayList<>(pending.values());
            pending.clear();
            return batch;
        }
    }

    /** Puts a batch back unless a newer write of the same article came meanwhile. */
    private void requeue(List<Indexed> batch) {
        synchronized (pending) {
            for (Indexed document : batch) {
                pending.merge(
                        document.articleId(),
                        document,
                        (newer, older) -> newer.revision() >= older.revision() ? newer : older);
            }
        }
    }

    @Override
    public void start() {
        work.start();
        running = true;
    }

    /**
     * Announces what is still waiting (best effort: not when Elasticsearch was failing, which would only hold the
     * shutdown up), then closes the producer.
     */
    @Override
    public void stop() {
        running = false;
        if (work.stop() && !refreshFailing) {
            announcePending();
        }
        try {
            template.flush();
        } catch (RuntimeException ex) {
            log.debug("Could not flush the last announcements: {}", ex.toString());
        }
        producers.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

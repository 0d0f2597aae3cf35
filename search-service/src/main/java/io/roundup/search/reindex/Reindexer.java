package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.roundup.events.Topics;
import io.roundup.search.indexing.EventIndexing;
import io.roundup.search.indexing.IndexTarget;
import io.roundup.search.indexing.RawEvent;
import io.roundup.search.indexing.Rejected;
import io.roundup.search.indexing.SearchIndices;
import io.roundup.search.reindex.ReindexJob.Phase;
import io.roundup.search.reindex.ReindexJob.Status;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds both indices from the event topics, which keep the latest event of every product and article for good
 * (they are compacted):
 * <ol>
 * <li>create the next version of each index (settings, mappings and synonym rules as they are now) and start repeating
 * every live write into it;</li>
 * <li>replay {@value Topics#PRODUCTS} and then {@value Topics#ARTICLES} from the beginning into them, with the same
 * code the live consumers run (reviews are enriched from the new product index);</li>
 * <li>catch up with what arrived meanwhile, and check the new versions against the live ones: each must hold at least
 * as many documents, or the topics have lost something and the job fails, leaving the aliases alone;</li>
 * <li>move both aliases in one atomic step, stop repeating, catch up once more (writes other copies of the service made
 * to the old versions in the meantime) and delete the old versions.</li>
 * </ol>
 * Readers see the old versions until the aliases move and the complete new ones after. One job at a time per instance.
 */
@Service
public class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");
    private static final int CHECKS = 3;
    private static final int BATCH_ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration BETWEEN_CHECKS = Duration.ofSeconds(1);

    private final ElasticsearchClient client;
    private final SearchIndices indices;
    private final EventIndexing indexing;
    private final TopicReplay topics;
    private final ReindexSettings settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private final ReindexJobs jobs;

    Reindexer(
            ElasticsearchClient client,
            SearchIndices indices,
            EventIndexing indexing,
            TopicReplay topics,
            ReindexJobs jobs,
            ReindexSettings settings) {
        this.client = client;
        this.indices = indices;
        this.indexing = indexing;
        this.topics = topics;
        this.jobs = jobs;
        this.settings = settings;
    }

    /**
     * Starts a reindex. While one runs, a second request queues one more (started when the running one ends), so a
     * change made now, such as new synonym rules, is sure to be in an index built after it; further requests join
     * that queued job.
     */
    public ReindexJob start() {
        ReindexJob job = jobs.request();
        if (job.isRunning()) {
            run(job);
        }
        return job;
    }

    Optional<ReindexJob> job(String id) {
        return jobs.find(id);
    }

    private void run(ReindexJob job) {
        worker.execute(() -> {
            new Run(job).run();
            jobs.ended(job).ifPresent(this::run);
        });
    }

    static int versionOf(String index) {
        Matcher matcher = VERSIONED.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** One job's work, publishing its progress as it goes. */
    private final class Run {

        private final ReindexJob job;
        private final Map<String, AtomicLong> replayed = new ConcurrentHashMap<>();
        private final AtomicLong skipped = new AtomicLong();
        /** The indices this job created: the only ones it may delete when it fails. */
        private final List<String> created = new ArrayList<>();

        private volatile Phase phase = Phase.REPLAYING;
        private volatile Map<String, String> building = Map.of();
        private volatile Map<String, Long> documents = Map.of();
        private volatile Map<String, Long> liveDocuments = Map.of();

        Run(ReindexJob job) {
            this.job = job;
        }

        void run() {
            log.info("Reindex {} started", job.id());
            boolean moved = false;
            String error = null;
            try {
                indices.ensureCreated();
                String oldProducts = currentIndex(SearchIndices.PRODUCTS);
                String oldReviews = currentIndex(SearchIndices.REVIEWS);
                IndexTarget next = IndexTarget.building(
                        SearchIndices.version(SearchIndices.REVIEWS, nextVersion(SearchIndices.REVIEWS)),
                        SearchIndices.version(SearchIndices.PRODUCTS, nextVersion(SearchIndices.PRODUCTS)));
                // Another instance running a reindex at the same time fails here, and must not discard its indices.
                indices.createVersion(SearchIndices.PRODUCTS, next.products());
                created.add(next.products());
                indices.createVersion(SearchIndices.REVIEWS, next.reviews());
                created.add(next.reviews());
                building = Map.of(SearchIndices.PRODUCTS, next.products(), SearchIndices.REVIEWS, next.reviews());
                indices.mirrorWrites(SearchIndices.PRODUCTS, next.products());
                indices.mirrorWrites(SearchIndices.REVIEWS, next.reviews());
                publish(Status.RUNNING, null);

                // Products first: each review is enriched from the product index it is built against.
                Map<TopicPartition, Long> products = replay(Topics.PRODUCTS, Map.of(), next, indexing::products);
                Map<TopicPartition, Long> articles = replay(Topics.ARTICLES, Map.of(), next, indexing::articles);

                phase = Phase.CHECKING;
                for (int check = 1; ; check++) {
                    products = replay(Topics.PRODUCTS, products, next, indexing::products);
                    articles = replay(Topics.ARTICLES, articles, next, indexing::articles);
                    String shortfall = compare(
                            building, Map.of(SearchIndices.PRODUCTS, oldProducts, SearchIndices.REVIEWS, oldReviews));
                    if (shortfall == null) {
                        break;
                    }
                    if (check == CHECKS) {
                        throw new IllegalStateException(shortfall + ": the topics no longer hold every product and "
                                + "article (is their retention limited?); the aliases stay where they were");
                    }
                    Thread.sleep(BETWEEN_CHECKS);
                }

                phase = Phase.SWITCHING;
                publish(Status.RUNNING, null);
                client.indices()
                        .updateAliases(u -> u.actions(
                                        a -> a.remove(r -> r.index(oldProducts).alias(SearchIndices.PRODUCTS)))
                                .actions(a -> a.add(ad -> ad.index(next.products())
                                        .alias(SearchIndices.PRODUCTS)
                                        .isWriteIndex(true)))
                                .actions(a -> a.remove(r -> r.index(oldReviews).alias(SearchIndices.REVIEWS)))
                                .actions(a -> a.add(ad -> ad.index(next.reviews())
                                        .alias(SearchIndices.REVIEWS)
                                        .isWriteIndex(true))));
                moved = true;
                stopMirroring();
                log.info(
                        "Reindex {}: {} now points at {} and {} at {}",
                        job.id(),
                        SearchIndices.PRODUCTS,
                        next.products(),
                        SearchIndices.REVIEWS,
                        next.reviews());
                // What other copies of the service wrote only to the old versions before the aliases moved.
                replay(Topics.PRODUCTS, products, IndexTarget.LIVE, indexing::products);
                replay(Topics.ARTICLES, articles, IndexTarget.LIVE, indexing::articles);
                // A search that resolved the alias just before it moved still runs on the old versions: let it end.
                Thread.sleep(settings.retireAfter());
                client.indices().delete(d -> d.index(oldProducts, oldReviews));
                log.info("Reindex {} succeeded: {} events replayed, {} skipped", job.id(), replayed, skipped);
            } catch (Exception ex) {
                if (ex instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.error("Reindex {} failed", job.id(), ex);
                error = moved
                        ? "The aliases moved to the new versions, but catching up or deleting the old ones "
                                + "failed (run another reindex to be sure nothing is missing): " + ex.getMessage()
                        : String.valueOf(ex.getMessage());
            } finally {
                stopMirroring();
                if (!moved) {
                    discard();
                }
            }
            publish(error == null ? Status.SUCCEEDED : Status.FAILED, error);
        }

        private Map<TopicPartition, Long> replay(
                String topic,
                Map<TopicPartition, Long> from,
                IndexTarget target,
                BiFunction<List<RawEvent>, IndexTarget, List<Rejected>> apply) {
            return topics.read(topic, from, batch -> {
                List<Rejected> rejected = withRetries(() -> apply.apply(batch, target));
                rejected.forEach(r -> log.warn(
                        "Reindex {}: an event of {} was skipped: {}",
                        job.id(),
                        topic,
                        r.reason().getMessage()));
                replayed.computeIfAbsent(topic, t -> new AtomicLong()).addAndGet(batch.size());
                skipped.addAndGet(rejected.size());
                publish(Status.RUNNING, null);
            });
        }

        /**
         * Applies a batch, trying again after a passing failure (Elasticsearch overloaded or restarting) for about half
         * a minute before the job gives up. Applying a batch twice is harmless: every write is at its revision.
         */
        private List<Rejected> withRetries(Supplier<List<Rejected>> batch) {
            Duration pause = FIRST_RETRY;
            for (int attempt = 1; ; attempt++) {
                try {
                    return batch.get();
                } catch (RuntimeException ex) {
                    if (attempt == BATCH_ATTEMPTS) {
                        throw ex;
                    }
                    log.warn(
                            "Reindex {}: a batch failed (attempt {}): {}; retrying in {}",
                            job.id(),
                            attempt,
                            ex.toString(),
                            pause);
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw ex;
                    }
                    pause = pause.multipliedBy(2);
                }
            }
        }

        /** Null when every new version holds at least as many documents as the live one; otherwise what is short. */
        private String compare(Map<String, String> rebuilt, Map<String, String> live) throws IOException {
            client.indices().refresh(r -> r.index(List.copyOf(rebuilt.values())));
            client.indices().refresh(r -> r.index(List.copyOf(live.values())));
            Map<String, Long> counted = new LinkedHashMap<>();
            Map<String, Long> liveCounted = new LinkedHashMap<>();
            String shortfall = null;
            for (String alias : SearchIndices.ALIASES) {
                long now = client.count(c -> c.index(rebuilt.get(alias))).count();
                long before = client.count(c -> c.index(live.get(alias))).count();
                counted.put(alias, now);
                liveCounted.put(alias, before);
                if (now < before && shortfall == null) {
                    shortfall = rebuilt.get(alias) + " holds " + now + " documents but the live " + live.get(alias)
                            + " holds " + before;
                }
            }
            documents = Map.copyOf(counted);
            liveDocuments = Map.copyOf(liveCounted);
            publish(Status.RUNNING, null);
            return shortfall;
        }

        private void stopMirroring() {
            indices.stopMirroring(SearchIndices.PRODUCTS);
            indices.stopMirroring(SearchIndices.REVIEWS);
        }

        /**
         * Deletes what this job created, unless an alias points at it: a switch that Elasticsearch made although its
         * answer never arrived must not take the live indices with it.
         */
        private void discard() {
            for (String index : created) {
                try {
                    IndexAliases aliases = client.indices()
                            .getAlias(g -> g.index(index))
                            .aliases()
                            .get(index);
                    if (aliases != null && !aliases.aliases().isEmpty()) {
                        log.warn("Reindex {}: {} is live after all; kept", job.id(), index);
                        continue;
                    }
                    client.indices().delete(d -> d.index(index));
                } catch (IOException | RuntimeException ex) {
                    log.warn("Could not delete the unfinished index {}: {}", index, ex.toString());
                }
            }
        }

        private void publish(Status status, String error) {
            Map<String, Long> counts = new LinkedHashMap<>();
            replayed.forEach((topic, count) -> counts.put(topic, count.get()));
            boolean running = status == Status.RUNNING;
            jobs.update(new ReindexJob(
                    job.id(),
                    status,
                    running ? phase : null,
                    job.startedAt(),
                    running ? null : Instant.now(),
                    building,
                    counts,
                    skipped.get(),
                    documents,
                    liveDocuments,
                    error));
        }

        /**
         * One past the highest version of {@code alias} that exists, live or not: a version left behind by a job that
         * died (or one another instance is building right now) is never reused.
         */
        private int nextVersion(String alias) throws IOException {
            return client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true)).indices().keySet().stream()
                            .mapToInt(Reindexer::versionOf)
                            .max()
                            .orElse(0)
                    + 1;
        }

        private String currentIndex(String alias) throws IOException {
            return client.indices().getAlias(g -> g.name(alias)).aliases().keySet().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No index behind alias " + alias));
        }
    }
}

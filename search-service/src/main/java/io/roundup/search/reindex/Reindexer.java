package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.roundup.search.indexing.SearchIndices;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds each index into its next version (new settings and mappings from {@code elasticsearch/<alias>.json}):
 * <ol>
 * <li>create {@code <alias>-v<n+1>} and start repeating every write into it;</li>
 * <li>copy every document (tombstones too) from the current version, at its own version ({@code external_gte}, so a
 * write that landed meanwhile is never overwritten by its older copy);</li>
 * <li>move the alias in one atomic step, stop repeating, copy once more (catching writes other copies of the service
 * made to the old version in the meantime) and delete the old version.</li>
 * </ol>
 * Readers see the old version until the alias moves and the complete new one after. One job at a time per instance.
 */
@Service
public class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final int PAGE = 500;
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");

    private final ElasticsearchClient client;
    private final SearchIndices indices;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ReindexJob> latest = new AtomicReference<>();
    private volatile ReindexJob queued;

    Reindexer(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /**
     * Starts a reindex. While one runs, a second request queues one more (started when the running one ends), so a
     * change made now, such as new synonym rules, is sure to be in an index built after it; further requests join
     * that queued job.
     */
    public synchronized ReindexJob start() {
        ReindexJob current = latest.get();
        if (current != null && current.isRunning()) {
            if (queued == null) {
                queued = new ReindexJob(UUID.randomUUID().toString(), ReindexJob.Status.QUEUED, Instant.now(), null,
                        Map.of(), Map.of(), null);
            }
            return queued;
        }
        ReindexJob job = new ReindexJob(UUID.randomUUID().toString(), ReindexJob.Status.RUNNING, Instant.now(), null,
                Map.of(), Map.of(), null);
        begin(job);
        return job;
    }

    Optional<ReindexJob> job(String id) {
        ReindexJob waiting = queued;
        if (waiting != null && waiting.id().equals(id)) {
            return Optional.of(waiting);
        }
        return Optional.ofNullable(latest.get()).filter(job -> job.id().equals(id));
    }

    private void begin(ReindexJob job) {
        latest.set(job);
        worker.execute(() -> {
            run(job);
            startQueued();
        });
    }

    private synchronized void startQueued() {
        if (queued != null) {
            ReindexJob next = queued.running();
            queued = null;
            begin(next);
        }
    }

    private void run(ReindexJob job) {
        Map<String, String> moved = new LinkedHashMap<>();
        Map<String, Long> copied = new LinkedHashMap<>();
        log.info("Reindex {} started", job.id());
        try {
            for (String alias : SearchIndices.ALIASES) {
                String from = currentIndex(alias);
                String to = SearchIndices.version(alias, versionOf(from) + 1);
                long count = rebuild(alias, from, to);
                moved.put(alias, to);
                copied.put(alias, count);
                latest.set(new ReindexJob(job.id(), ReindexJob.Status.RUNNING, job.startedAt(), null, Map.copyOf(moved),
                        Map.copyOf(copied), null));
                log.info("Reindex {}: {} now points at {} ({} documents copied from {})", job.id(), alias, to, count, from);
            }
            latest.set(new ReindexJob(job.id(), ReindexJob.Status.SUCCEEDED, job.startedAt(), Instant.now(), moved, copied,
                    null));
            log.info("Reindex {} succeeded", job.id());
        }
        catch (Exception ex) {
            log.error("Reindex {} failed", job.id(), ex);
            latest.set(new ReindexJob(job.id(), ReindexJob.Status.FAILED, job.startedAt(), Instant.now(), moved, copied,
                    ex.getMessage()));
        }
    }

    private long rebuild(String alias, String from, String to) throws IOException {
        indices.createVersion(alias, to);
        boolean moved = false;
        indices.mirrorWrites(alias, to);
        try {
            long count = copy(from, to);
            // Readers must find everything the moment the alias moves, not a second later.
            client.indices().refresh(r -> r.index(to));
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                    .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
            moved = true;
            indices.stopMirroring(alias);
            // Catch-up: what other copies of the service wrote to the old version before the alias moved. Equal
            // versions are written again on purpose: a product refresh rewrites a review at its own revision.
            copy(from, to);
            client.indices().delete(d -> d.index(from));
            return count;
        }
        finally {
            indices.stopMirroring(alias);
            if (!moved) {
                // Leave things as they were, so that the next attempt can create the same version again.
                try {
                    client.indices().delete(d -> d.index(to));
                }
                catch (IOException | RuntimeException ex) {
                    log.warn("Could not delete the unfinished index {}: {}", to, ex.toString());
                }
            }
        }
    }

    private String currentIndex(String alias) throws IOException {
        return client.indices().getAlias(g -> g.name(alias)).aliases().keySet().stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("No index behind alias " + alias));
    }

    static int versionOf(String index) {
        Matcher matcher = VERSIONED.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    /** Copies every document of {@code from} into {@code to} at its own version; returns how many were written. */
    private long copy(String from, String to) throws IOException {
        long written = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from0 = after;
            SearchResponse<JsonData> page = client.search(s -> {
                s.index(from).version(true).size(PAGE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (from0 != null) {
                    s.searchAfter(from0);
                }
                return s;
            }, JsonData.class);
            List<Hit<JsonData>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return written;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<JsonData> hit : hits) {
                bulk.operations(op -> op.index(i -> i.index(to).id(hit.id()).version(hit.version())
                        .versionType(VersionType.ExternalGte).document(hit.source())));
            }
            BulkResponse response = client.bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    written++;
                }
                else if (item.status() != 409) {
                    throw new IllegalStateException("Copying " + item.id() + " into " + to + " failed: "
                            + item.error().type() + ": " + item.error().reason());
                }
            }
            if (hits.size() < PAGE) {
                return written;
            }
            after = hits.getLast().sort();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

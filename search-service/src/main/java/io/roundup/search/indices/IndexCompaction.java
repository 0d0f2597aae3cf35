package io.roundup.search.indices;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.MergesStats;
import co.elastic.clients.elasticsearch.indices.SegmentsResponse;
import co.elastic.clients.elasticsearch.indices.segments.IndexSegment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.roundup.support.work.PeriodicWork;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Merges the review index down to one segment per shard once a burst of writes is over. Every segment is searched on
 * its own, so an index that a load, a reindex or a busy day left in a few dozen segments answers each search slower
 * than the same documents in one (over 100k roundups, 26 segments cost Elasticsearch about twice the time of one).
 * Lucene's merge policy keeps merging small segments into middling ones but never the largest together.
 *
 * <p>Every {@code roundup.search.compaction.check-every} this looks at the alias's searchable segments; when two looks
 * in a row find the same ones (nothing was written or merged in between), the index holds enough documents and
 * enough of them lie outside their shard's largest segment ({@link SegmentLayout#worthCompacting}), and no merge is
 * running, it asks Elasticsearch for a force merge to one segment and does not wait for it: the merge runs on
 * Elasticsearch's own force-merge thread, searches and writes go on meanwhile. Copies of the service each look; two
 * that ask at once cost nothing more, since Elasticsearch runs force merges one at a time and the second finds one
 * segment left.
 */
@Component
class IndexCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexCompaction.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final CompactionSettings settings;
    private final PeriodicWork work;
    private final Counter compactions;
    /** What the last look found, to compare the next with; written by the looks alone, one at a time. */
    private volatile SegmentLayout lastSeen;
    /** The searchable segments the last look found, for the gauge; NaN before a look succeeded. */
    private volatile double segmentsSeen = Double.NaN;

    @Autowired
    IndexCompaction(ElasticsearchClient client, CompactionSettings settings, MeterRegistry registry) {
        this(client, SearchIndices.REVIEWS, settings, registry);
    }

    IndexCompaction(ElasticsearchClient client, String alias, CompactionSettings settings, MeterRegistry registry) {
        this.client = client;
        this.alias = alias;
        this.settings = settings;
        this.work = new PeriodicWork("index-compaction", settings.checkEvery(), this::lookQuietly);
        this.compactions = Counter.builder("roundup.search.compactions")
                .description("Force merges to one segment this copy asked for")
                .tag("alias", alias)
                .register(registry);
        Gauge.builder("roundup.search.index.segments", this, compaction -> compaction.segmentsSeen)
                .description("Searchable segments of the alias's primary shards at the last look (NaN before one)")
                .tag("alias", alias)
                .register(registry);
    }

    @Override
    public void start() {
        if (settings.enabled()) {
            work.start();
        }
    }

    @Override
    public void stop() {
        work.stop();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }

    /**
     * One look at the segments: answers whether it asked for a compaction. The first look after start-up, after a
     * change or after a compaction only remembers what it saw.
     */
    boolean look() throws IOException {
        Optional<SegmentLayout> now = layout();
        SegmentLayout before = lastSeen;
        lastSeen = now.orElse(null);
        segmentsSeen = now.map(layout -> (double) layout.segments()).orElse(Double.NaN);
        if (now.isEmpty() || !now.get().equals(before) || !now.get().worthCompacting(settings)) {
            return false;
        }
        SegmentLayout settled = now.get();
        if (merging(settled.index())) {
            return false;
        }
        client.indices()
                .forcemerge(f -> f.index(settled.index()).maxNumSegments(1L).waitForCompletion(false));
        compactions.increment();
        lastSeen = null;
        log.info("Compacting {} into one segment per shard (writes have paused)", settled);
        return true;
    }

    private void lookQuietly() {
        try {
            look();
        } catch (IOException | RuntimeException ex) {
            // Elasticsearch away or busy: the next look tries again; health and readiness say so meanwhile.
            lastSeen = null;
            log.debug("Could not look at the segments of {}: {}", alias, ex.toString());
        }
    }

    /** The alias's one index and its segments; empty while the alias is missing or points at more than one index. */
    private Optional<SegmentLayout> layout() throws IOException {
        SegmentsResponse segments;
        try {
            segments = client.indices().segments(s -> s.index(alias));
        } catch (ElasticsearchException ex) {
            if ("index_not_found_exception".equals(ex.error().type())) {
                return Optional.empty();
            }
            throw ex;
        }
        if (segments.indices().size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, IndexSegment> index =
                segments.indices().entrySet().iterator().next();
        return Optional.of(SegmentLayout.of(index.getKey(), index.getValue()));
    }

    private boolean merging(String index) throws IOException {
        MergesStats merges = client.indices()
                .stats(s -> s.index(index).metric("merge"))
                .all()
                .primaries()
                .merges();
        return merges != null && merges.current() > 0;
    }
}

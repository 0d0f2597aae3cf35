package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.roundup.search.indexing.IndexTarget;
import io.roundup.search.indices.SearchIndices;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reindex's first phase, and its undoing: the next version of each index, created from the definition and synonym
 * rules in force now, with every live write repeated into it; deleted again when the job fails before the switch.
 */
@Component
class NextVersions {

    private static final Logger log = LoggerFactory.getLogger(NextVersions.class);

    private final ElasticsearchClient client;
    private final SearchIndices indices;

    NextVersions(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /**
     * Creates the next versions and starts mirroring live writes into them. Each index is added to {@code created}
     * as soon as it exists, so that a failure half-way discards exactly what this job made.
     */
    Rebuild create(List<String> created) throws IOException {
        indices.ensureCreated();
        String liveProducts = currentIndex(SearchIndices.PRODUCTS);
        String liveReviews = currentIndex(SearchIndices.REVIEWS);
        IndexTarget next = IndexTarget.building(
                SearchIndices.version(SearchIndices.REVIEWS, nextVersion(SearchIndices.REVIEWS)),
                SearchIndices.version(SearchIndices.PRODUCTS, nextVersion(SearchIndices.PRODUCTS)));
        // Another instance running a reindex at the same time fails here, and must not discard its indices.
        indices.createVersion(SearchIndices.PRODUCTS, next.products());
        created.add(next.products());
        indices.createVersion(SearchIndices.REVIEWS, next.reviews());
        created.add(next.reviews());
        indices.mirrorWrites(SearchIndices.PRODUCTS, next.products());
        indices.mirrorWrites(SearchIndices.REVIEWS, next.reviews());
        return new Rebuild(next, liveProducts, liveReviews);
    }

    void stopMirroring() {
        indices.stopMirroring(SearchIndices.PRODUCTS);
        indices.stopMirroring(SearchIndices.REVIEWS);
    }

    /**
     * Deletes what a job created, unless an alias points at it: a switch that Elasticsearch made although its answer
     * never arrived must not take the live indices with it.
     */
    void discard(String jobId, List<String> created) {
        for (String index : created) {
            try {
                IndexAliases aliases =
                        client.indices().getAlias(g -> g.index(index)).aliases().get(index);
                if (aliases != null && !aliases.aliases().isEmpty()) {
                    log.warn("Reindex {}: {} is live after all; kept", jobId, index);
                    continue;
                }
                client.indices().delete(d -> d.index(index));
            } catch (IOException | RuntimeException ex) {
                log.warn("Could not delete the unfinished index {}: {}", index, ex.toString());
            }
        }
    }

    /**
     * One past the highest version of {@code alias} that exists, live or not: a version left behind by a job that
     * died (or one another instance is building right now) is never reused.
     */
    private int nextVersion(String alias) throws IOException {
        return client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true)).indices().keySet().stream()
                        .mapToInt(SearchIndices::versionOf)
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

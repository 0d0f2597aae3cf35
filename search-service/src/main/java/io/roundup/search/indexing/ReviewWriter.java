package io.roundup.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes documents with the entity's revision as external version ({@code external_gte}): the same revision again is
 * harmless, an older one is refused by Elasticsearch itself, so redelivery and reordering cannot go back in time.
 * While a reindex builds the next version of an index, every write is repeated there too.
 */
@Component
class ReviewWriter {

    private static final Logger log = LoggerFactory.getLogger(ReviewWriter.class);

    private final ElasticsearchClient client;
    private final SearchIndices indices;

    ReviewWriter(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** Returns false when the index already holds a newer revision. */
    boolean write(ReviewDocument review) {
        return write(SearchIndices.REVIEWS, review.id(), review.revision(), review);
    }

    /** Returns false when the index already holds a newer revision. */
    boolean write(ProductDocument product) {
        return write(SearchIndices.PRODUCTS, product.id(), product.revision(), product);
    }

    private boolean write(String alias, String id, long revision, Object document) {
        if (!index(alias, true, id, revision, document)) {
            return false;
        }
        indices.mirror(alias).ifPresent(next -> index(next, false, id, revision, document));
        return true;
    }

    private boolean index(String target, boolean isAlias, String id, long revision, Object document) {
        try {
            client.index(i -> i.index(target).id(id).version(revision).versionType(VersionType.ExternalGte)
                    .requireAlias(isAlias).document(document));
            return true;
        }
        catch (ElasticsearchException ex) {
            if (Writes.isVersionConflict(ex.status(), ex.error())) {
                log.debug("{} {} revision {} is older than the indexed one; ignored", target, id, revision);
                return false;
            }
            throw Writes.classify(target + " " + id + " revision " + revision, ex);
        }
        catch (IOException ex) {
            throw Writes.unreachable(ex);
        }
    }

    /** Writes many reviews at their own revisions; a review that moved on meanwhile keeps its newer state. */
    void writeAll(List<ReviewDocument> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        Optional<String> mirror = indices.mirror(SearchIndices.REVIEWS);
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ReviewDocument review : reviews) {
            bulk.operations(op -> op.index(i -> i.index(SearchIndices.REVIEWS).requireAlias(true).id(review.id())
                    .version(review.revision()).versionType(VersionType.ExternalGte).document(review)));
            mirror.ifPresent(next -> bulk.operations(op -> op.index(i -> i.index(next).id(review.id())
                    .version(review.revision()).versionType(VersionType.ExternalGte).document(review))));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                for (BulkResponseItem item : response.items()) {
                    if (item.error() == null) {
                        continue;
                    }
                    if (Writes.isVersionConflict(item.status(), item.error())) {
                        log.debug("review {} moved on meanwhile; its newer state stays", item.id());
                        continue;
                    }
                    throw Writes.classify("review " + item.id(), item.status(), item.error());
                }
            }
        }
        catch (ElasticsearchException ex) {
            throw Writes.classify("a bulk of reviews", ex);
        }
        catch (IOException ex) {
            throw Writes.unreachable(ex);
        }
    }
}
